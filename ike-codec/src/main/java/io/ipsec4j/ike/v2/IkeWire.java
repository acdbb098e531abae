package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.internal.IkeWireBytes;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Locale;

/** Bounds-checked reads and writes shared by the payload codecs: validate before reading. */
final class IkeWire extends IkeWireBytes {
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
        return copyBytes(in, n);
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
}
