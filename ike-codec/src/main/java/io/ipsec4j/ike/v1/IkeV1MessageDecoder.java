package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes ISAKMP (IKEv1) datagrams into {@link IkeV1Message}s.
 *
 * <ul>
 *   <li>The datagram is 28 bytes to {@link IkeDecoderLimits#maxMessageBytes()}; the header Length
 *       equals the datagram length; the major version is 1.
 *   <li>With the Encryption flag, the body is kept as ciphertext for {@link IkeV1MessageProtection}.
 *   <li>Otherwise the Next Payload chain is followed, at most {@link IkeDecoderLimits#maxPayloads()}
 *       payloads; no bytes may trail the last one. Unknown payload types are kept.
 * </ul>
 *
 * <p>Every failure is an {@link IkeV1PayloadMalformedException} naming the offset of the payload,
 * never a runtime exception. Stateless and thread-safe; keeps no reference to the datagram.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3">RFC 2408 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-5.1">RFC 2408 §5.1</a>
 */
public final class IkeV1MessageDecoder {
    private final IkeDecoderLimits limits;

    /** Creates a decoder with {@link IkeDecoderLimits#DEFAULT}. */
    public IkeV1MessageDecoder() {
        this(IkeDecoderLimits.DEFAULT);
    }

    /** Creates a decoder with {@code limits}. */
    public IkeV1MessageDecoder(IkeDecoderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Returns the limits this decoder enforces. */
    public IkeDecoderLimits limits() {
        return limits;
    }

    /**
     * Decodes the readable bytes of {@code datagram} as one ISAKMP message, moving its reader index
     * to the end.
     *
     * @throws IkeV1PayloadMalformedException for any malformed input
     */
    public IkeV1Message decode(ByteBuf datagram) throws IkeV1PayloadMalformedException {
        Objects.requireNonNull(datagram, "datagram");
        int size = datagram.readableBytes();
        if (size > limits.maxMessageBytes()) {
            throw IkeV1Wire.malformed("message length: %d (expected: <= %d)", size, limits.maxMessageBytes());
        }
        if (size < IkeHeaders.HEADER_LENGTH) {
            throw IkeV1Wire.malformed("message length: %d (expected: >= %d)", size, IkeHeaders.HEADER_LENGTH);
        }
        long initiatorCookie = datagram.readLong();
        long responderCookie = datagram.readLong();
        IkeV1PayloadType first = IkeV1PayloadType.valueOf(datagram.readUnsignedByte());
        int version = datagram.readUnsignedByte();
        if (version >>> 4 != IkeV1Header.MAJOR_VERSION) {
            throw IkeV1Wire.malformed("major version: %d (expected: %d)", version >>> 4, IkeV1Header.MAJOR_VERSION);
        }
        IkeV1ExchangeType exchange = IkeV1ExchangeType.valueOf(datagram.readUnsignedByte());
        int flags = datagram.readUnsignedByte();
        long messageId = datagram.readUnsignedInt();
        long length = datagram.readUnsignedInt();
        if (length != size) {
            throw IkeV1Wire.malformed("header length: %d (expected: %d, the datagram length)", length, size);
        }
        IkeV1Header header = new IkeV1Header(initiatorCookie, responderCookie, exchange, flags, messageId,
                version & 0x0F);
        ByteBuf body = datagram.readSlice(size - IkeHeaders.HEADER_LENGTH);
        if (header.encrypted()) {
            return new IkeV1Message(header, first, List.of(), IkeV1Wire.readRemaining(body));
        }
        return new IkeV1Message(header, first, chain(first, body, IkeHeaders.HEADER_LENGTH, false, false),
                Bytes.EMPTY);
    }

    /**
     * Decodes a payload chain that starts with {@code first}, consuming {@code body}. With
     * {@code padded}, bytes after the last payload are padding (a decrypted body) and are skipped;
     * otherwise they are an error. Errors are marked {@code integrityProtected} as asked.
     *
     * @throws IkeV1PayloadMalformedException for any malformed input
     */
    public List<IkeV1Payload> decodePayloads(IkeV1PayloadType first, ByteBuf body, boolean padded,
            boolean integrityProtected) throws IkeV1PayloadMalformedException {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(body, "body");
        return chain(first, body.readSlice(body.readableBytes()), 0, padded, integrityProtected);
    }

    private List<IkeV1Payload> chain(IkeV1PayloadType first, ByteBuf body, int base, boolean padded,
            boolean protectedBody) throws IkeV1PayloadMalformedException {
        List<IkeV1Payload> payloads = new ArrayList<>();
        IkeV1PayloadType type = first;
        while (type.code() != 0) {
            if (payloads.size() == limits.maxPayloads()) {
                throw new IkeV1PayloadMalformedException(
                        "payloads: more than " + limits.maxPayloads(), -1, protectedBody);
            }
            int offset = base + body.readerIndex();
            try {
                IkeV1PayloadCodec.Decoded decoded = IkeV1PayloadCodec.decodeOne(type, body, limits);
                payloads.add(decoded.payload());
                type = decoded.next();
            } catch (IkeV1PayloadMalformedException e) {
                throw new IkeV1PayloadMalformedException("payload #" + (payloads.size() + 1) + " at offset "
                        + offset + ": " + e.getMessage(), offset, protectedBody);
            }
        }
        if (body.isReadable() && !padded) {
            throw new IkeV1PayloadMalformedException(body.readableBytes()
                    + " bytes after the last payload (expected: 0)", base + body.readerIndex(), protectedBody);
        }
        body.skipBytes(body.readableBytes());
        return payloads;
    }
}
