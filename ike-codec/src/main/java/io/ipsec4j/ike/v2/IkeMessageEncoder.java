package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Objects;

/**
 * Encodes {@link IkeMessage}s and payload chains into the caller's {@link ByteBuf}.
 *
 * <p>The encoder mirrors {@link IkeMessageDecoder}: it computes every length first, then writes the
 * header (Next Payload = the first payload's type, Length = the whole message) and each payload with
 * its generic header, chaining Next Payload fields; an SK or SKF payload's own Next Payload field is
 * its first inner payload type. Reserved fields are written as zero. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.2">RFC 7296 §3.2</a>
 */
public final class IkeMessageEncoder {

    private IkeMessageEncoder() {}

    /**
     * Returns the encoded length of {@code message}, header included.
     *
     * @throws IllegalArgumentException if a payload does not fit its two-byte length
     */
    public static int encodedLength(IkeMessage message) {
        return IkeHeaders.HEADER_LENGTH + encodedLength(message.payloads());
    }

    /** Returns the encoded length of a payload chain. */
    public static int encodedLength(List<IkePayload> payloads) {
        long length = 0;
        for (IkePayload p : payloads) {
            length += IkePayloadCodec.encodedLength(p);
        }
        if (length > Integer.MAX_VALUE - IkeHeaders.HEADER_LENGTH) {
            throw new IllegalArgumentException("message length: " + length + " (too large)");
        }
        return (int) length;
    }

    /** Writes {@code message} to {@code out}. */
    public static void encode(IkeMessage message, ByteBuf out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        int length = encodedLength(message);
        IkeHeader h = message.header();
        out.ensureWritable(length);
        out.writeLong(h.initiatorSpi());
        out.writeLong(h.responderSpi());
        out.writeByte(message.firstPayloadType().code());
        out.writeByte(IkeHeader.MAJOR_VERSION << 4 | h.minorVersion());
        out.writeByte(h.exchangeType().code());
        out.writeByte(h.flags());
        out.writeInt((int) h.messageId());
        out.writeInt(length);
        encodePayloads(message.payloads(), out);
    }

    /**
     * Writes a payload chain to {@code out}: the body of a message, or the plaintext of an SK payload
     * (whose first type the caller puts in the SK payload's Next Payload field).
     */
    public static void encodePayloads(List<IkePayload> payloads, ByteBuf out) {
        Objects.requireNonNull(out, "out");
        out.ensureWritable(encodedLength(payloads));
        for (int i = 0; i < payloads.size(); i++) {
            IkePayloadType next = i + 1 < payloads.size() ? payloads.get(i + 1).type() : IkePayloadType.NO_NEXT_PAYLOAD;
            IkePayloadCodec.encode(payloads.get(i), next, out);
        }
    }

    /** Returns the encoding of {@code message} as bytes. */
    public static Bytes encodeToBytes(IkeMessage message) {
        ByteBuf buf = Unpooled.buffer(encodedLength(message));
        try {
            encode(message, buf);
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            return Bytes.of(b);
        } finally {
            buf.release();
        }
    }
}
