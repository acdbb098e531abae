package io.ipsec4j.ike.v2;

import io.ipsec4j.model.AddressRange;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.PortRange;
import io.ipsec4j.model.TrafficSelector;
import io.netty.buffer.ByteBuf;
import java.util.Objects;
import java.util.Optional;

/**
 * One traffic selector of a TSi/TSr payload.
 *
 * <p>On the wire a selector is the TS Type, a byte that is the IP Protocol ID for address ranges,
 * the two-byte Selector Length and a type-specific rest. For {@link IkeTsType#IPV4_ADDR_RANGE} and
 * {@link IkeTsType#IPV6_ADDR_RANGE} the rest is Start Port, End Port, Starting Address and Ending
 * Address (12 or 36 bytes); other types are kept as opaque bytes. The wire allows what the model's
 * {@link TrafficSelector} does not (the OPAQUE port range 65535–0, ports with protocol 0, a start
 * address after the end), so {@link #toTrafficSelector()} is partial.
 *
 * @param tsType the TS Type
 * @param protocol the second byte: the IP Protocol ID (0 = any) for address ranges
 * @param rest the bytes after the Selector Length
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.13.1">RFC 7296 §3.13.1</a>
 */
public record IkeTrafficSelector(IkeTsType tsType, int protocol, Bytes rest) {

    /** Validates the lengths of address range selectors. */
    public IkeTrafficSelector {
        Objects.requireNonNull(tsType, "tsType");
        Objects.requireNonNull(rest, "rest");
        IkeWire.checkRange(protocol, "IP protocol", 0, 255);
        int expected = tsType.equals(IkeTsType.IPV4_ADDR_RANGE) ? 12
                : tsType.equals(IkeTsType.IPV6_ADDR_RANGE) ? 36 : -1;
        if (expected >= 0 && rest.length() != expected) {
            throw new IllegalArgumentException("selector length of " + tsType + ": " + (rest.length() + 4)
                    + " (expected: " + (expected + 4) + ")");
        }
        IkeWire.checkLength(rest, "selector", 0xFFFF - 4);
    }

    /**
     * Returns an address range selector; ports and addresses as on the wire (no ordering is checked).
     *
     * @throws IllegalArgumentException if the addresses are of different families
     */
    public static IkeTrafficSelector ofAddressRange(int protocol, int startPort, int endPort,
            IpAddress start, IpAddress end) {
        IkeWire.checkRange(startPort, "start port", 0, 0xFFFF);
        IkeWire.checkRange(endPort, "end port", 0, 0xFFFF);
        if (start.family() != end.family()) {
            throw new IllegalArgumentException("selector addresses " + start + "-" + end + ": mixed families");
        }
        byte[] s = start.toByteArray();
        byte[] b = new byte[4 + 2 * s.length];
        b[0] = (byte) (startPort >>> 8);
        b[1] = (byte) startPort;
        b[2] = (byte) (endPort >>> 8);
        b[3] = (byte) endPort;
        System.arraycopy(s, 0, b, 4, s.length);
        System.arraycopy(end.toByteArray(), 0, b, 4 + s.length, s.length);
        IkeTsType type = start.family() == IpFamily.IPV4 ? IkeTsType.IPV4_ADDR_RANGE : IkeTsType.IPV6_ADDR_RANGE;
        return new IkeTrafficSelector(type, protocol, Bytes.of(b));
    }

    /** Returns the wire selector for a model selector. */
    public static IkeTrafficSelector of(TrafficSelector selector) {
        return ofAddressRange(selector.protocol(), selector.ports().start(), selector.ports().end(),
                selector.addresses().start(), selector.addresses().end());
    }

    static IkeTrafficSelector decode(ByteBuf in) throws InvalidSyntaxException {
        IkeWire.require(in, 4, "traffic selector");
        IkeTsType type = IkeTsType.valueOf(in.readUnsignedByte());
        int protocol = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        if (length < 4) {
            throw IkeWire.syntax("selector length: %d (expected: >= 4)", length);
        }
        return new IkeTrafficSelector(type, protocol, IkeWire.readBytes(in, length - 4, "traffic selector"));
    }

    /** Returns {@code true} for the IPv4 and IPv6 address range types. */
    public boolean isAddressRange() {
        return tsType.equals(IkeTsType.IPV4_ADDR_RANGE) || tsType.equals(IkeTsType.IPV6_ADDR_RANGE);
    }

    /** Returns the Start Port of an address range selector. */
    public int startPort() {
        requireRange();
        return (rest.get(0) & 0xFF) << 8 | rest.get(1) & 0xFF;
    }

    /** Returns the End Port of an address range selector. */
    public int endPort() {
        requireRange();
        return (rest.get(2) & 0xFF) << 8 | rest.get(3) & 0xFF;
    }

    /** Returns the Starting Address of an address range selector. */
    public IpAddress startAddress() {
        requireRange();
        return IpAddress.of(rest.slice(4, 4 + addressLength()).toByteArray());
    }

    /** Returns the Ending Address of an address range selector. */
    public IpAddress endAddress() {
        requireRange();
        return IpAddress.of(rest.slice(4 + addressLength(), rest.length()).toByteArray());
    }

    /**
     * Returns the model selector, or empty when the model cannot express this one: not an address
     * range, start after end (of ports or addresses), or ports restricted without a protocol.
     */
    public Optional<TrafficSelector> toTrafficSelector() {
        if (!isAddressRange() || startPort() > endPort() || startAddress().compareTo(endAddress()) > 0) {
            return Optional.empty();
        }
        PortRange ports = PortRange.of(startPort(), endPort());
        if (protocol == TrafficSelector.ANY_PROTOCOL && !ports.isAll()) {
            return Optional.empty();
        }
        return Optional.of(TrafficSelector.of(AddressRange.of(startAddress(), endAddress()), protocol, ports));
    }

    private int addressLength() {
        return tsType.equals(IkeTsType.IPV4_ADDR_RANGE) ? 4 : 16;
    }

    private void requireRange() {
        if (!isAddressRange()) {
            throw new IllegalStateException("TS type: " + tsType + " (expected: an address range)");
        }
    }

    int encodedLength() {
        return 4 + rest.length();
    }

    void encode(ByteBuf out) {
        out.writeByte(tsType.code());
        out.writeByte(protocol);
        out.writeShort(4 + rest.length());
        IkeWire.writeBytes(out, rest);
    }
}
