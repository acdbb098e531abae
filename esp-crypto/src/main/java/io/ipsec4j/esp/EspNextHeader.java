package io.ipsec4j.esp;

/**
 * The Next Header values the ESP engine itself interprets (IANA protocol numbers).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2.6">RFC 4303 §2.6</a>
 */
public final class EspNextHeader {
    /** IP-in-IP: the payload is an IPv4 packet (tunnel mode). */
    public static final int IPV4 = 4;
    /** The payload is an IPv6 packet (tunnel mode). */
    public static final int IPV6 = 41;
    /** No Next Header: a dummy packet (RFC 4303 §2.6), to be dropped by the receiver. */
    public static final int NO_NEXT_HEADER = 59;

    private EspNextHeader() {
    }

    /** Returns {@code true} for a dummy packet's next header. */
    public static boolean isDummy(int nextHeader) {
        return nextHeader == NO_NEXT_HEADER;
    }
}
