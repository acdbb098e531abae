package io.ipsec4j.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One traffic selector: addresses, an IP protocol (0 = any) and a port range.
 *
 * <p>Phase II of a policy-based tunnel negotiates these for each side (TSi/TSr in IKEv2, the
 * quick-mode IDs in IKEv1). A selector is written like strongSwan's {@code local_ts}:
 * {@code 10.0.0.0/24}, {@code 10.0.0.0/24[tcp/443]}, {@code 10.0.0.1-10.0.0.9[udp]},
 * {@code 2001:db8::/64[17/500-600]}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
public final class TrafficSelector implements Comparable<TrafficSelector> {
    /** Protocol number meaning "any protocol". */
    public static final int ANY_PROTOCOL = 0;
    /** Everything IPv4: the selector of route-based tunnels. */
    public static final TrafficSelector ANY_IPV4 = of(Cidr.ANY_IPV4);
    /** Everything IPv6. */
    public static final TrafficSelector ANY_IPV6 = of(Cidr.ANY_IPV6);

    private final AddressRange addresses;
    private final int protocol;
    private final PortRange ports;

    private TrafficSelector(AddressRange addresses, int protocol, PortRange ports) {
        this.addresses = addresses;
        this.protocol = protocol;
        this.ports = ports;
    }

    /** All traffic of a subnet. */
    public static TrafficSelector of(Cidr subnet) {
        return new TrafficSelector(AddressRange.of(Objects.requireNonNull(subnet, "subnet")), ANY_PROTOCOL, PortRange.ALL);
    }

    /** Addresses, protocol (0..255, 0 = any) and ports; ports other than all need a protocol. */
    public static TrafficSelector of(AddressRange addresses, int protocol, PortRange ports) {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(ports, "ports");
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("protocol: " + protocol + " (expected: 0..255)");
        }
        if (protocol == ANY_PROTOCOL && !ports.isAll()) {
            throw new IllegalArgumentException(
                    "traffic selector " + addresses + ": ports " + ports + " need a protocol (tcp, udp, sctp…)");
        }
        return new TrafficSelector(addresses, protocol, ports);
    }

    /** Parses strongSwan's selector syntax (see the class comment). */
    public static TrafficSelector parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        int bracket = t.indexOf('[');
        if (bracket < 0) {
            return of(AddressRange.parse(t), ANY_PROTOCOL, PortRange.ALL);
        }
        if (!t.endsWith("]")) {
            throw new IllegalArgumentException("traffic selector \"" + text + "\": missing ']'");
        }
        AddressRange range = AddressRange.parse(t.substring(0, bracket));
        String inner = t.substring(bracket + 1, t.length() - 1).trim();
        int slash = inner.indexOf('/');
        String proto = slash < 0 ? inner : inner.substring(0, slash);
        PortRange ports = slash < 0 ? PortRange.ALL : PortRange.parse(inner.substring(slash + 1));
        return of(range, parseProtocol(proto, text), ports);
    }

    private static int parseProtocol(String name, String whole) {
        String p = name.trim().toLowerCase(Locale.ROOT);
        switch (p) {
            case "":
            case "any":
            case "%any":
                return ANY_PROTOCOL;
            case "icmp":
                return 1;
            case "tcp":
                return 6;
            case "udp":
                return 17;
            case "gre":
                return 47;
            case "esp":
                return 50;
            case "icmpv6":
            case "ipv6-icmp":
                return 58;
            case "sctp":
                return 132;
            default:
                if (!p.isEmpty() && p.length() <= 3 && p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Integer.parseInt(p);
                }
                throw new IllegalArgumentException("traffic selector \"" + whole + "\": unknown protocol \"" + name + "\"");
        }
    }

    public AddressRange addresses() {
        return addresses;
    }

    public int protocol() {
        return protocol;
    }

    public PortRange ports() {
        return ports;
    }

    public IpFamily family() {
        return addresses.family();
    }

    /** True for 0.0.0.0/0 or ::/0 with any protocol and port. */
    public boolean isAnyTraffic() {
        return addresses.isAll() && protocol == ANY_PROTOCOL && ports.isAll();
    }

    /** True when all traffic this selector matches is also matched by {@code this}. */
    public boolean covers(TrafficSelector other) {
        return addresses.contains(other.addresses)
                && (protocol == ANY_PROTOCOL || protocol == other.protocol)
                && ports.contains(other.ports);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TrafficSelector)) {
            return false;
        }
        TrafficSelector o = (TrafficSelector) other;
        return protocol == o.protocol && addresses.equals(o.addresses) && ports.equals(o.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, protocol, ports);
    }

    @Override
    public int compareTo(TrafficSelector other) {
        int c = addresses.compareTo(other.addresses);
        if (c == 0) {
            c = Integer.compare(protocol, other.protocol);
        }
        return c != 0 ? c : ports.compareTo(other.ports);
    }

    /** strongSwan syntax: {@code 10.0.0.0/24} or {@code 10.0.0.0/24[6/443]}. */
    @Override
    public String toString() {
        if (protocol == ANY_PROTOCOL) {
            return addresses.toString();
        }
        return addresses + "[" + protocol + (ports.isAll() ? "" : "/" + ports) + "]";
    }
}
