package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Objects;

/**
 * Encodes {@link IkeV1Message}s and payload chains into the caller's {@link ByteBuf}.
 *
 * <p>Mirrors {@link IkeV1MessageDecoder}: lengths first, then the header (Next Payload = the first
 * payload's type, Length = the whole message) and each payload with its generic header; reserved
 * fields are zero. An encrypted message is written as header and ciphertext. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public final class IkeV1MessageEncoder {

    private IkeV1MessageEncoder() {}

    /** Returns the encoded length of {@code message}, header included. */
    public static int encodedLength(IkeV1Message message) {
        return IkeHeaders.HEADER_LENGTH + (message.header().encrypted()
                ? message.ciphertext().length() : encodedLength(message.payloads()));
    }

    /** Returns the encoded length of a payload chain. */
    public static int encodedLength(List<IkeV1Payload> payloads) {
        long length = 0;
        for (IkeV1Payload p : payloads) {
            length += IkeV1PayloadCodec.encodedLength(p);
        }
        if (length > Integer.MAX_VALUE - IkeHeaders.HEADER_LENGTH) {
            throw new IllegalArgumentException("message length: " + length + " (too large)");
        }
        return (int) length;
    }

    /** Writes {@code message} to {@code out}. */
    public static void encode(IkeV1Message message, ByteBuf out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        int length = encodedLength(message);
        out.ensureWritable(length);
        writeHeader(message.header(), message.firstPayloadType(), length, out);
        if (message.header().encrypted()) {
            IkeV1Wire.writeBytes(out, message.ciphertext());
        } else {
            encodePayloads(message.payloads(), out);
        }
    }

    /** Writes the 28-byte header. */
    static void writeHeader(IkeV1Header h, IkeV1PayloadType first, int length, ByteBuf out) {
        out.writeLong(h.initiatorCookie());
        out.writeLong(h.responderCookie());
        out.writeByte(first.code());
        out.writeByte(IkeV1Header.MAJOR_VERSION << 4 | h.minorVersion());
        out.writeByte(h.exchangeType().code());
        out.writeByte(h.flags());
        out.writeInt((int) h.messageId());
        out.writeInt(length);
    }

    /** Writes a payload chain: the body of a message, or the plaintext to encrypt. */
    public static void encodePayloads(List<IkeV1Payload> payloads, ByteBuf out) {
        Objects.requireNonNull(out, "out");
        out.ensureWritable(encodedLength(payloads));
        for (int i = 0; i < payloads.size(); i++) {
            IkeV1PayloadType next = i + 1 < payloads.size() ? payloads.get(i + 1).type() : IkeV1PayloadType.NONE;
            IkeV1PayloadCodec.encode(payloads.get(i), next, out);
        }
    }

    /** Returns the encoding of {@code message}. */
    public static Bytes encodeToBytes(IkeV1Message message) {
        ByteBuf buf = Unpooled.buffer(encodedLength(message));
        try {
            encode(message, buf);
            return IkeV1Wire.readRemaining(buf);
        } finally {
            buf.release();
        }
    }

    /** Returns the encoding of a payload chain. */
    public static Bytes encodePayloadsToBytes(List<IkeV1Payload> payloads) {
        ByteBuf buf = Unpooled.buffer(encodedLength(payloads));
        try {
            encodePayloads(payloads, buf);
            return IkeV1Wire.readRemaining(buf);
        } finally {
            buf.release();
        }
    }
}
