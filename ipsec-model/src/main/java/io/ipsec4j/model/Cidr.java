package io.ipsec4j.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation, such as {@code 10.1.0.0/16} or {@code 2001:db8::/32}.
 *
 * <p>Host bits must be zero: {@code 10.1.2.3/16} is refused with the network it probably meant,
 * because a silently masked subnet is exactly the kind of mismatch that fails Phase II.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4632#section-3.1">RFC 4632 §3.1</a>
 */
public final class Cidr implements Comparable<Cidr> {
    /** 0.0.0.0/0, the IPv4 selector of route-based tunnels. */
    public static final Cidr ANY_IPV4 = parse("0.0.0.0/0");
    /** ::/0, the IPv6 selector of route-based tunnels. */
    public static final Cidr ANY_IPV6 = parse("::/0");

    private final IpAddress network;
    private final int prefixLength;

    private Cidr(IpAddress network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** The network {@code address/prefixLength}; host bits must be zero. */
    public static Cidr of(IpAddress address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        int max = address.family().bits();
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException(
                    "prefix length: " + prefixLength + " (expected: 0.." + max + " for " + address.family() + ")");
        }
        IpAddress masked = mask(address, prefixLength);
        if (!masked.equals(address)) {
            throw new IllegalArgumentException(address + "/" + prefixLength + ": host bits are set (did you mean "
                    + masked + "/" + prefixLength + "?)");
        }
        return new Cidr(address, prefixLength);
    }

    /** The network containing {@code address} with that prefix: host bits are cleared. */
    public static Cidr containing(IpAddress address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        return of(mask(address, Math.max(0, Math.min(prefixLength, address.family().bits()))), prefixLength);
    }

    /** A single host: /32 or /128. */
    public static Cidr host(IpAddress address) {
        return new Cidr(Objects.requireNonNull(address, "address"), address.family().bits());
    }

    /**
     * Parses {@code address/prefix}; a bare address means a single host. Host bits must be zero.
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return host(IpAddress.parse(trimmed));
        }
        IpAddress address = IpAddress.parse(trimmed.substring(0, slash));
        String prefix = trimmed.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("CIDR \"" + text + "\": prefix length is not a number");
        }
        return of(address, Integer.parseInt(prefix));
    }

    private static IpAddress mask(IpAddress address, int prefixLength) {
        byte[] bytes = address.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xff00 >> bitsHere);
        }
        return IpAddress.of(bytes);
    }

    public IpAddress network() {
        return network;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public IpFamily family() {
        return network.family();
    }

    /** The first address: the network address itself. */
    public IpAddress first() {
        return network;
    }

    /** The last address (the broadcast address in IPv4 terms). */
    public IpAddress last() {
        int hostBits = family().bits() - prefixLength;
        BigInteger hosts = BigInteger.ONE.shiftLeft(hostBits).subtract(BigInteger.ONE);
        return IpAddress.fromBigInteger(family(), network.toBigInteger().or(hosts));
    }

    /** Number of addresses, 2^(bits − prefix). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
    }

    /** True for 0.0.0.0/0 and ::/0. */
    public boolean isDefaultRoute() {
        return prefixLength == 0;
    }

    public boolean contains(IpAddress address) {
        return address.family() == family() && mask(address, prefixLength).equals(network);
    }

    /** True when every address of {@code other} is in this network. */
    public boolean contains(Cidr other) {
        return other.family() == family() && other.prefixLength >= prefixLength && contains(other.network);
    }

    /** True when the two networks share at least one address. */
    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof Cidr
                        && prefixLength == ((Cidr) other).prefixLength
                        && network.equals(((Cidr) other).network));
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }

    @Override
    public int compareTo(Cidr other) {
        int byNetwork = network.compareTo(other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
