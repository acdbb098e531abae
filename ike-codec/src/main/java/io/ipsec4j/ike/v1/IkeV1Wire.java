package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** Bounds-checked reads and writes shared by the IKEv1 payload codecs: validate before reading. */
final class IkeV1Wire {
    /** Generic payload header: next payload, reserved, payload length (RFC 2408 §3.2). */
    static final int GENERIC_HEADER_LENGTH = 4;
    /** The payload length field is two bytes, header included (RFC 2408 §3.2). */
    static final int MAX_PAYLOAD_LENGTH = 0xFFFF;
    /** Largest body of one payload. */
    static final int MAX_BODY_LENGTH = MAX_PAYLOAD_LENGTH - GENERIC_HEADER_LENGTH;

    private IkeV1Wire() {}

    static IkeV1PayloadMalformedException malformed(String format, Object... args) {
        return new IkeV1PayloadMalformedException(String.format(Locale.ROOT, format, args), -1, false);
    }

    static void require(ByteBuf in, int n, String what) throws IkeV1PayloadMalformedException {
        if (in.readableBytes() < n) {
            throw malformed("%s: %d bytes left (expected: >= %d)", what, in.readableBytes(), n);
        }
    }

    static Bytes readBytes(ByteBuf in, int n, String what) throws IkeV1PayloadMalformedException {
        require(in, n, what);
        if (n == 0) {
            return Bytes.EMPTY;
        }
        byte[] b = new byte[n];
        in.readBytes(b);
        return Bytes.of(b);
    }

    static Bytes readRemaining(ByteBuf in) {
        if (!in.isReadable()) {
            return Bytes.EMPTY;
        }
        byte[] b = new byte[in.readableBytes()];
        in.readBytes(b);
        return Bytes.of(b);
    }

    static void writeBytes(ByteBuf out, Bytes bytes) {
        if (!bytes.isEmpty()) {
            out.writeBytes(bytes.toByteArray());
        }
    }

    /** Checks a length that must fit a body written into one payload; API misuse otherwise. */
    static Bytes checkLength(Bytes bytes, String what, int max) {
        java.util.Objects.requireNonNull(bytes, what);
        if (bytes.length() > max) {
            throw new IllegalArgumentException(what + " length: " + bytes.length() + " (expected: <= " + max + ")");
        }
        return bytes;
    }

    static int checkRange(int value, String what, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: " + min + "-" + max + ")");
        }
        return value;
    }

    static long checkUnsignedInt(long value, String what) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 0-4294967295)");
        }
        return value;
    }
}
