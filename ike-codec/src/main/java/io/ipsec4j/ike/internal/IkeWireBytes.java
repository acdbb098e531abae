package io.ipsec4j.ike.internal;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The payload framing and the byte helpers both IKE versions share: IKEv2's {@code IkeWire} and
 * IKEv1's {@code IkeV1Wire} extend this class and add the reads whose failure is version-specific
 * (INVALID_SYNTAX vs PAYLOAD-MALFORMED). Not part of the API: this package is not exported.
 */
public class IkeWireBytes {
    /** Length of the generic payload header: next payload, flags, payload length (RFC 7296 §3.2, RFC 2408 §3.2). */
    public static final int GENERIC_HEADER_LENGTH = 4;
    /** The payload length field is two bytes, header included. */
    public static final int MAX_PAYLOAD_LENGTH = 0xFFFF;
    /** Largest body of one payload. */
    public static final int MAX_BODY_LENGTH = MAX_PAYLOAD_LENGTH - GENERIC_HEADER_LENGTH;

    /** For the two version-specific subclasses only. */
    protected IkeWireBytes() {}

    /**
     * Reads {@code n} bytes the caller has checked are readable, with one copy (straight from the
     * backing array when there is one).
     */
    public static Bytes copyBytes(ByteBuf in, int n) {
        if (n == 0) {
            return Bytes.EMPTY;
        }
        if (in.hasArray()) {
            Bytes out = Bytes.of(in.array(), in.arrayOffset() + in.readerIndex(), n);
            in.skipBytes(n);
            return out;
        }
        byte[] b = new byte[n];
        in.readBytes(b);
        return Bytes.of(b);
    }

    /** Reads every readable byte (the rest of a payload body). */
    public static Bytes readRemaining(ByteBuf in) {
        return copyBytes(in, in.readableBytes());
    }

    /** Writes {@code bytes} into {@code out}. */
    public static void writeBytes(ByteBuf out, Bytes bytes) {
        if (!bytes.isEmpty()) {
            out.writeBytes(bytes.toByteArray());
        }
    }

    /** Checks a length that must fit a body written into one payload; API misuse otherwise. */
    public static Bytes checkLength(Bytes bytes, String what, int max) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length() > max) {
            throw new IllegalArgumentException(what + " length: " + bytes.length() + " (expected: <= " + max + ")");
        }
        return bytes;
    }

    /** Checks that {@code value} is within {@code min}-{@code max}; API misuse otherwise. */
    public static int checkRange(int value, String what, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: " + min + "-" + max + ")");
        }
        return value;
    }
}
