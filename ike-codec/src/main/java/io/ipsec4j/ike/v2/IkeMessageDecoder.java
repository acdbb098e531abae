package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes IKEv2 datagrams into {@link IkeMessage}s, enforcing the message-level rules of RFC 7296
 * the way Android's IKE library does.
 *
 * <ul>
 *   <li>The datagram is at least 28 bytes and at most {@link IkeDecoderLimits#maxMessageBytes()};
 *       the header Length equals the datagram length.
 *   <li>Major version 2; a higher major version is {@link InvalidMajorVersionException}, major
 *       version 1 (IKEv1, ISAKMP) is {@link IkeV1MessageException}, 0 is INVALID_SYNTAX. Unknown
 *       exchange types are kept.
 *   <li>The Next Payload chain is followed; no bytes may trail the last payload.
 *   <li>Payload types other than CERT, CERTREQ, NOTIFY, DELETE and VENDOR_ID appear at most once.
 *   <li>An SK or SKF payload must be the last one.
 *   <li>Unknown non-critical payloads are kept as {@link IkeUnknownPayload}; unknown critical ones
 *       are collected into one {@link UnsupportedCriticalPayloadException}.
 * </ul>
 *
 * <p>Every failure is an {@link IkeErrorNotifyException} (or, for IKEv1, {@link IkeV1MessageException}),
 * never a runtime exception. The decoder is
 * stateless and thread-safe; it reads the datagram's readable bytes and keeps no reference to it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3">RFC 7296 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.5">RFC 7296 §2.5</a>
 */
public final class IkeMessageDecoder {
    private final IkeDecoderLimits limits;

    /** Creates a decoder with {@link IkeDecoderLimits#DEFAULT}. */
    public IkeMessageDecoder() {
        this(IkeDecoderLimits.DEFAULT);
    }

    /** Creates a decoder with {@code limits}. */
    public IkeMessageDecoder(IkeDecoderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Returns the limits this decoder enforces. */
    public IkeDecoderLimits limits() {
        return limits;
    }

    /**
     * Decodes the readable bytes of {@code datagram} as one unprotected IKEv2 message, moving its
     * reader index to the end. SK and SKF payloads are returned still encrypted.
     *
     * @throws IkeErrorNotifyException for any malformed input (marked unprotected)
     * @throws IkeV1MessageException if the datagram is an IKEv1 message (major version 1)
     */
    public IkeMessage decode(ByteBuf datagram) throws IkeErrorNotifyException, IkeV1MessageException {
        Objects.requireNonNull(datagram, "datagram");
        int size = datagram.readableBytes();
        if (size < IkeHeaders.HEADER_LENGTH) {
            throw IkeWire.syntax("message length: %d (expected: >= %d)", size, IkeHeaders.HEADER_LENGTH);
        }
        if (IkeHeaders.majorVersion(datagram) == IkeHeaders.MAJOR_VERSION_1) {
            // Not a corrupt IKEv2 message but another protocol on the same ports: say so, whatever its size.
            throw new IkeV1MessageException();
        }
        if (size > limits.maxMessageBytes()) {
            throw IkeWire.syntax("message length: %d (expected: <= %d)", size, limits.maxMessageBytes());
        }
        long initiatorSpi = datagram.readLong();
        long responderSpi = datagram.readLong();
        IkePayloadType first = IkePayloadType.valueOf(datagram.readUnsignedByte());
        int version = datagram.readUnsignedByte();
        int major = version >>> 4;
        if (major > IkeHeader.MAJOR_VERSION) {
            // The reply names the version we speak (RFC 7296 §2.5); the data stays empty.
            throw new InvalidMajorVersionException(
                    "major version: " + major + " (expected: " + IkeHeader.MAJOR_VERSION + ")", Bytes.EMPTY);
        }
        if (major < IkeHeader.MAJOR_VERSION) {
            throw IkeWire.syntax("major version: %d (expected: %d)", major, IkeHeader.MAJOR_VERSION);
        }
        IkeExchangeType exchange = IkeExchangeType.valueOf(datagram.readUnsignedByte());
        int flags = datagram.readUnsignedByte();
        long messageId = datagram.readUnsignedInt();
        long length = datagram.readUnsignedInt();
        if (length != size) {
            throw IkeWire.syntax("header length: %d (expected: %d, the datagram length)", length, size);
        }
        IkeHeader header = new IkeHeader(initiatorSpi, responderSpi, exchange,
                (flags & IkeHeader.FLAG_INITIATOR) != 0, (flags & IkeHeader.FLAG_RESPONSE) != 0, messageId,
                version & 0x0F, (flags & IkeHeader.FLAG_VERSION) != 0);
        List<IkePayload> payloads = chain(first, datagram.readSlice(size - IkeHeaders.HEADER_LENGTH),
                IkeHeaders.HEADER_LENGTH);
        return new IkeMessage(header, payloads);
    }

    /**
     * Decodes a payload chain that starts with {@code first}: the body of a message, or the decrypted
     * content of an SK payload (then {@code integrityProtected} is {@code true} and any error is
     * marked so, see {@link IkeErrorNotifyException#withIntegrityProtected()}). The readable bytes of
     * {@code body} are consumed.
     *
     * @throws IkeErrorNotifyException for any malformed input
     */
    public List<IkePayload> decodePayloads(IkePayloadType first, ByteBuf body, boolean integrityProtected)
            throws IkeErrorNotifyException {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(body, "body");
        try {
            return chain(first, body.readSlice(body.readableBytes()), 0);
        } catch (IkeErrorNotifyException e) {
            throw integrityProtected ? e.withIntegrityProtected() : e;
        }
    }

    /** Walks the chain; {@code base} is the offset of {@code body} in what the caller passed, for messages. */
    private List<IkePayload> chain(IkePayloadType first, ByteBuf body, int base) throws IkeErrorNotifyException {
        List<IkePayload> payloads = new ArrayList<>();
        List<IkePayloadType> unsupportedCritical = null; // rare: allocated on the first one
        IkePayloadTypeSet seen = new IkePayloadTypeSet();
        IkePayloadType type = first;
        int count = 0;
        while (type.code() != 0) {
            if (++count > limits.maxPayloads()) {
                throw IkeWire.syntax("payloads: more than %d", limits.maxPayloads());
            }
            if (IkePayloadCodec.isDecoded(type) && !type.isRepeatable() && !seen.add(type)) {
                throw IkeWire.syntax("repeated %s payload (expected: at most one)", type);
            }
            int offset = base + body.readerIndex();
            IkePayload payload;
            int nextCode = body.isReadable() ? IkePayloadCodec.nextCode(body) : 0; // decodePayload checks the header
            try {
                payload = IkePayloadCodec.decodePayload(type, body, limits);
            } catch (InvalidSyntaxException e) {
                // decodeOne raises only INVALID_SYNTAX; the position is added, the original kept as cause.
                throw IkeWire.syntax(e, "payload #%d at offset %d: %s", count, offset, e.getMessage());
            }
            if (payload instanceof IkeSkPayload || payload instanceof IkeSkfPayload) {
                // "the Encrypted payload, if present in a message, MUST be the last payload" (§3.14);
                // its Next Payload field names the first inner payload instead.
                if (body.isReadable()) {
                    throw IkeWire.syntax("%s payload followed by %d bytes (expected: last payload)",
                            type, body.readableBytes());
                }
                payloads.add(payload);
                break;
            }
            if (payload instanceof IkeUnknownPayload unknown && unknown.critical()) {
                if (unsupportedCritical == null) {
                    unsupportedCritical = new ArrayList<>();
                }
                unsupportedCritical.add(type);
            } else {
                payloads.add(payload);
            }
            type = IkePayloadType.valueOf(nextCode);
        }
        if (body.isReadable()) {
            throw IkeWire.syntax("%d bytes after the last payload (expected: 0)", body.readableBytes());
        }
        if (unsupportedCritical != null) {
            throw new UnsupportedCriticalPayloadException(unsupportedCritical);
        }
        return payloads;
    }
}
