package io.ipsec4j.ike;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Dispatch of a received IKE datagram on its major version, before any version-specific decoding.
 *
 * <p>IKEv1 (ISAKMP) and IKEv2 share the 28-byte header: two 8-byte SPIs, the next payload, a
 * version byte whose high nibble is the major version, the exchange type, flags, message ID and
 * length. A receiver looks at the major version to choose the decoder; an IKEv2 decoder answers
 * a higher major version with INVALID_MAJOR_VERSION (RFC 7296 §2.5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
public final class IkeHeaders {
    /** Length of the IKE header in bytes, both versions (RFC 7296 §3.1, RFC 2408 §3.1). */
    public static final int HEADER_LENGTH = 28;
    /** Offset of the version byte in the header. */
    public static final int VERSION_OFFSET = 17;
    /** Major version of IKEv1 / ISAKMP. */
    public static final int MAJOR_VERSION_1 = 1;
    /** Major version of IKEv2. */
    public static final int MAJOR_VERSION_2 = 2;

    private IkeHeaders() {}

    /**
     * Returns the major version of the datagram at the reader index without moving it, or -1 if
     * fewer than {@link #HEADER_LENGTH} bytes are readable.
     */
    public static int majorVersion(ByteBuf datagram) {
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.readableBytes() < HEADER_LENGTH) {
            return -1;
        }
        return datagram.getUnsignedByte(datagram.readerIndex() + VERSION_OFFSET) >>> 4;
    }
}
