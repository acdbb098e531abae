package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** Bounds-checked reads and writes shared by the payload codecs: validate before reading. */
final class IkeWire {
    /** Length of the generic payload header: next payload, flags, payload length (RFC 7296 §3.2). */
    static final int GENERIC_HEADER_LENGTH = 4;
    /** The payload length field is two bytes, header included (RFC 7296 §3.2). */
    static final int MAX_PAYLOAD_LENGTH = 0xFFFF;
    /** Largest body of one payload. */
    static final int MAX_BODY_LENGTH = MAX_PAYLOAD_LENGTH - GENERIC_HEADER_LENGTH;

    private IkeWire() {}

    static InvalidSyntaxException syntax(String format, Object... args) {
        return new InvalidSyntaxException(String.format(Locale.ROOT, format, args));
    }

    /** An unprotected INVALID_SYNTAX that re-states {@code cause} with more context and keeps it as its cause. */
    static InvalidSyntaxException syntax(Throwable cause, String format, Object... args) {
        return new InvalidSyntaxException(String.format(Locale.ROOT, format, args), Bytes.EMPTY, false, cause);
    }

    /** Throws INVALID_SYNTAX unless {@code n} bytes are readable. */
    static void require(ByteBuf in, int n, String what) throws InvalidSyntaxException {
        if (in.readableBytes() < n) {
            throw syntax("%s: %d bytes left (expected: >= %d)", what, in.readableBytes(), n);
        }
    }

    static Bytes readBytes(ByteBuf in, int n, String what) throws InvalidSyntaxException {
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

    /** Throws INVALID_SYNTAX if bytes remain after a fixed structure. */
    static void requireEnd(ByteBuf in, String what) throws InvalidSyntaxException {
        if (in.isReadable()) {
            throw syntax("%s: %d trailing bytes (expected: 0)", what, in.readableBytes());
        }
    }

    static void writeBytes(ByteBuf out, Bytes bytes) {
        if (!bytes.isEmpty()) {
            out.writeBytes(bytes.toByteArray());
        }
    }

    /** Checks a length that must fit a body written into one payload; API misuse otherwise. */
    static Bytes checkLength(Bytes bytes, String what, int max) {
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
}
