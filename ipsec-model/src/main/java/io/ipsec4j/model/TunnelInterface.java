package io.ipsec4j.model;

import java.util.Objects;

/**
 * The inside addresses of a route-based tunnel's interface (VTI), e.g. a /30 from 169.254.0.0/16
 * with our address {@code .2} and the peer's {@code .1}, as AWS and Azure hand them out.
 *
 * @param localAddress  our inside address
 * @param remoteAddress the peer's inside address (its BGP neighbour address)
 * @param prefixLength  the prefix of the inside network both addresses belong to
 */
public record TunnelInterface(IpAddress localAddress, IpAddress remoteAddress, int prefixLength) {
    /** Validates the addresses against the network. */
    public TunnelInterface {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Cidr net = Cidr.containing(localAddress, prefixLength);
        if (!net.contains(remoteAddress)) {
            throw new IllegalArgumentException("tunnel interface: remote inside address " + remoteAddress
                    + " is not in the local inside network " + net);
        }
        if (localAddress.equals(remoteAddress)) {
            throw new IllegalArgumentException("tunnel interface: both ends have inside address " + localAddress);
        }
        // In IPv4 networks of /30 or larger the first and last addresses are network and broadcast.
        if (localAddress.family() == IpFamily.IPV4 && prefixLength <= 30) {
            for (IpAddress a : new IpAddress[] {localAddress, remoteAddress}) {
                if (a.equals(net.first()) || a.equals(net.last())) {
                    throw new IllegalArgumentException("tunnel interface: " + a + " is the network or broadcast address of " + net);
                }
            }
        }
    }

    /** Parses our address with prefix ({@code 169.254.10.2/30}) and the peer's address. */
    public static TunnelInterface parse(String localWithPrefix, String remote) {
        String t = localWithPrefix.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("tunnel interface \"" + localWithPrefix + "\": expected address/prefix");
        }
        String prefix = t.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("tunnel interface \"" + localWithPrefix + "\": prefix is not a number");
        }
        return new TunnelInterface(IpAddress.parse(t.substring(0, slash)), IpAddress.parse(remote.trim()),
                Integer.parseInt(prefix));
    }

    /** The inside network, e.g. 169.254.10.0/30. */
    public Cidr network() {
        return Cidr.containing(localAddress, prefixLength);
    }

    public IpFamily family() {
        return localAddress.family();
    }

    @Override
    public String toString() {
        return localAddress + "/" + prefixLength + " <-> " + remoteAddress;
    }
}
