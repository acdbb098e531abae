package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.internal.IkeWireBytes;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Locale;

/** Bounds-checked reads and writes shared by the IKEv1 payload codecs: validate before reading. */
final class IkeV1Wire extends IkeWireBytes {
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
        return copyBytes(in, n);
    }

    static long checkUnsignedInt(long value, String what) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 0-4294967295)");
        }
        return value;
    }
}
