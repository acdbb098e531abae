package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.internal.IkeWireBytes;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
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

    /** Throws INVALID_SYNTAX if bytes remain after a fixed structure. */
    static void requireEnd(ByteBuf in, String what) throws InvalidSyntaxException {
        if (in.isReadable()) {
            throw syntax("%s: %d trailing bytes (expected: 0)", what, in.readableBytes());
        }
    }
}
