package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;
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
        return read(in, n);
    }

    static Bytes readRemaining(ByteBuf in) {
        return read(in, in.readableBytes());
    }

    /** Reads {@code n} readable bytes with one copy (straight from the backing array when there is one). */
    private static Bytes read(ByteBuf in, int n) {
        if (n == 0) {
            return Bytes.EMPTY;
        }
        Bytes out;
        if (in.hasArray()) {
            out = Bytes.of(in.array(), in.arrayOffset() + in.readerIndex(), n);
            in.skipBytes(n);
        } else {
            byte[] b = new byte[n];
            in.readBytes(b);
            out = Bytes.of(b);
        }
        return out;
    }

    /**
     * Throws INVALID_SYNTAX if bytes remain after the payload of {@code type}; the message is built
     * only on failure, so a well-formed message costs no string.
     */
    static void requireEnd(ByteBuf in, IkePayloadType type) throws InvalidSyntaxException {
        if (in.isReadable()) {
            throw syntax("%s payload: %d trailing bytes (expected: 0)", type, in.readableBytes());
        }
    }

    /**
     * Fences the next {@code length} readable bytes of {@code in} by lowering its writer index, so a
     * nested structure cannot over-read, without allocating a slice; returns the writer index to
     * restore (in a {@code finally}) once the structure is read. The caller checked {@code length}.
     */
    static int fence(ByteBuf in, int length) {
        int limit = in.writerIndex();
        in.writerIndex(in.readerIndex() + length);
        return limit;
    }

    /**
     * Returns an immutable copy of a list a decoder built; one or two elements become a compact
     * list without an array, and the records' {@code List.copyOf} then returns it as is.
     */
    static <T> List<T> immutable(List<T> list) {
        switch (list.size()) {
            case 0:
                return List.of();
            case 1:
                return List.of(list.get(0));
            case 2:
                return List.of(list.get(0), list.get(1));
            default:
                return List.copyOf(list);
        }
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
