package io.ipsec4j.model;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address parsed from a literal, never from DNS.
 *
 * <p>{@link InetAddress#getByName} resolves names and turns IPv4-mapped IPv6 addresses into IPv4
 * ones; neither is acceptable in a configuration model. This type parses dotted-quad IPv4 and
 * RFC 4291 §2.2 IPv6 text (with {@code ::} and an embedded IPv4 tail), prints IPv6 in the RFC
 * 5952 canonical form, and compares by family and bytes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5952#section-4">RFC 5952 §4</a>
 */
public final class IpAddress implements Comparable<IpAddress> {
    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of {@code bytes} (4 or 16 of them). */
    public static IpAddress of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("address length: " + bytes.length + " (expected: 4 or 16)");
        }
        return new IpAddress(bytes.clone());
    }

    /** Converts a JDK address (no lookup is made). */
    public static IpAddress of(InetAddress address) {
        return of(Objects.requireNonNull(address, "address").getAddress());
    }

    /** Parses an IPv4 or IPv6 literal; anything else is an {@link IllegalArgumentException}. */
    public static IpAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        byte[] parsed = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        if (parsed == null) {
            throw new IllegalArgumentException("not an IP address literal: \"" + text + "\"");
        }
        return new IpAddress(parsed);
    }

    /** True when {@code text} is an IPv4 or IPv6 literal. */
    public static boolean isLiteral(String text) {
        if (text == null) {
            return false;
        }
        return (text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text)) != null;
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            // Leading zeros are refused: "010" is octal to some tools and decimal to others.
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        if (text.length() > 45) {
            return null;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (doubleColon < 0) {
            return parseGroups(text, out, true) == 16 ? out : null;
        }
        byte[] head = new byte[16];
        byte[] tail = new byte[16];
        int headLen = parseGroups(text.substring(0, doubleColon), head, false);
        int tailLen = parseGroups(text.substring(doubleColon + 2), tail, true);
        // "::" stands for at least one zero group.
        if (headLen < 0 || tailLen < 0 || headLen + tailLen > 14) {
            return null;
        }
        System.arraycopy(head, 0, out, 0, headLen);
        System.arraycopy(tail, 0, out, 16 - tailLen, tailLen);
        return out;
    }

    /**
     * Parses colon-separated hex groups into {@code out} (16 bytes); the last group may be a
     * dotted IPv4 address when {@code v4Tail}. Returns the bytes written, or -1 when invalid.
     */
    private static int parseGroups(String text, byte[] out, boolean v4Tail) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] groups = text.split(":", -1);
        int pos = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (v4Tail && i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseV4(g);
                if (v4 == null || pos + 4 > out.length) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || pos + 2 > out.length) {
                return -1;
            }
            int v = 0;
            for (int j = 0; j < g.length(); j++) {
                char c = g.charAt(j);
                int d = c < 128 ? Character.digit(c, 16) : -1;
                if (d < 0) {
                    return -1;
                }
                v = (v << 4) | d;
            }
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
        }
        return pos;
    }

    public IpFamily family() {
        return bytes.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    /** A copy of the address bytes in network order. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The JDK form of this address (no lookup; IPv4-mapped IPv6 stays IPv6). */
    public InetAddress toInetAddress() {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, null) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: length checked", e);
        }
    }

    /** The address as an unsigned number. */
    public BigInteger toBigInteger() {
        return new BigInteger(1, bytes);
    }

    /** The address of {@code family} whose number is {@code value}. */
    static IpAddress fromBigInteger(IpFamily family, BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[family.addressLength()];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return new IpAddress(out);
    }

    /** True for 0.0.0.0 and ::. */
    public boolean isUnspecified() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof IpAddress && Arrays.equals(bytes, ((IpAddress) other).bytes));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** IPv4 before IPv6, then by unsigned value. */
    @Override
    public int compareTo(IpAddress other) {
        int byLength = Integer.compare(bytes.length, other.bytes.length);
        return byLength != 0 ? byLength : Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return formatV6();
    }

    private String formatV6() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first on a tie.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
