package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDistinguishedNames;
import io.ipsec4j.ike.IkeMalformedNameException;
import io.ipsec4j.model.AddressRange;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PortRange;
import io.ipsec4j.model.TrafficSelector;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversion between IKEv1 ID payloads and the model's {@link Identity} (phase 1 IDii / IDir) and
 * {@link TrafficSelector} (quick mode client IDs IDci / IDcr).
 *
 * <p>A phase 1 ID is an address, FQDN, user FQDN, DER DN (text form of {@link IkeDistinguishedNames})
 * or key ID. A client ID is an address, a subnet (address and mask, RFC 2407
 * §4.6.2.5) or a range, with an IP protocol and one port or 0 for any: a selector with a port range
 * other than one port or all has no IKEv1 form.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.2">RFC 2407 §4.6.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5.5">RFC 2409 §5.5</a>
 */
public final class IkeV1Identities {
    private IkeV1Identities() {}

    /** Returns the model identity of a phase 1 ID payload, if the model has its type. */
    public static Optional<Identity> toIdentity(IkeV1IdPayload id) {
        try {
            byte[] d = id.data().toByteArray();
            switch (id.idType().code()) {
                case 1:
                case 5:
                    return Optional.of(Identity.address(IpAddress.of(d)));
                case 2:
                    return Optional.of(Identity.fqdn(new String(d, StandardCharsets.UTF_8)));
                case 3:
                    return Optional.of(Identity.userFqdn(new String(d, StandardCharsets.UTF_8)));
                case 9:
                    return Optional.of(IkeDistinguishedNames.toIdentity(id.data()));
                case 11:
                    return Optional.of(Identity.keyId(HexFormat.of().formatHex(d)));
                default:
                    return Optional.empty();
            }
        } catch (IkeMalformedNameException e) {
            return Optional.empty(); // not a DER Name, or one over the bounds
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // bytes the model rejects (a bad length, an invalid name)
        }
    }

    /** Returns the phase 1 ID payload of {@code identity} (protocol and port 0). */
    public static IkeV1IdPayload toIdPayload(Identity identity) {
        Objects.requireNonNull(identity, "identity");
        switch (identity.type()) {
            case IPV4_ADDR:
            case IPV6_ADDR:
                IpAddress a = IpAddress.parse(identity.value());
                return new IkeV1IdPayload(a.toByteArray().length == 4 ? IkeV1IdType.IPV4_ADDR : IkeV1IdType.IPV6_ADDR,
                        0, 0, Bytes.of(a.toByteArray()));
            case FQDN:
                return new IkeV1IdPayload(IkeV1IdType.FQDN, 0, 0, utf8(identity.value()));
            case USER_FQDN:
                return new IkeV1IdPayload(IkeV1IdType.USER_FQDN, 0, 0, utf8(identity.value()));
            case DER_ASN1_DN:
                return new IkeV1IdPayload(IkeV1IdType.DER_ASN1_DN, 0, 0, IkeDistinguishedNames.encode(identity));
            case KEY_ID:
                return new IkeV1IdPayload(IkeV1IdType.KEY_ID, 0, 0, Bytes.fromHex(identity.value()));
            default:
                throw new IllegalArgumentException("identity " + identity.type() + ": no IKEv1 encoding here");
        }
    }

    /** Returns the traffic selector of a quick mode client ID, if it is an address, subnet or range. */
    public static Optional<TrafficSelector> toTrafficSelector(IkeV1IdPayload id) {
        try {
            byte[] d = id.data().toByteArray();
            int c = id.idType().code();
            int n = c == 1 || c == 4 || c == 7 ? 4 : 16;
            AddressRange range;
            if (c == 1 || c == 5) {
                range = AddressRange.of(Cidr.host(IpAddress.of(d)));
            } else if (c == 4 || c == 6) {
                range = AddressRange.of(Cidr.of(IpAddress.of(java.util.Arrays.copyOf(d, n)), prefix(d, n)));
            } else if (c == 7 || c == 8) {
                if (d.length != 2 * n) {
                    return Optional.empty();
                }
                range = AddressRange.of(IpAddress.of(java.util.Arrays.copyOf(d, n)),
                        IpAddress.of(java.util.Arrays.copyOfRange(d, n, 2 * n)));
            } else {
                return Optional.empty();
            }
            PortRange ports = id.port() == 0 ? PortRange.ALL : PortRange.of(id.port());
            return Optional.of(TrafficSelector.of(range, id.protocolId(), ports));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a bad length, a non-contiguous mask, a reversed range
        }
    }

    /** Returns the quick mode client ID of {@code selector}: a host address, a subnet or a range. */
    public static IkeV1IdPayload toIdPayload(TrafficSelector selector) {
        Objects.requireNonNull(selector, "selector");
        PortRange p = selector.ports();
        if (!p.isAll() && p.start() != p.end()) {
            throw new IllegalArgumentException("ports " + p + ": IKEv1 IDs carry one port or all");
        }
        int port = p.isAll() ? 0 : p.start();
        boolean v4 = selector.addresses().start().toByteArray().length == 4;
        Optional<Cidr> cidr = selector.addresses().asCidr();
        byte[] data;
        IkeV1IdType type;
        if (cidr.isPresent()) {
            byte[] net = cidr.get().network().toByteArray();
            byte[] mask = new byte[net.length];
            for (int i = 0; i < cidr.get().prefixLength(); i++) {
                mask[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            data = java.util.Arrays.copyOf(net, 2 * net.length);
            System.arraycopy(mask, 0, data, net.length, net.length);
            type = v4 ? IkeV1IdType.IPV4_ADDR_SUBNET : IkeV1IdType.IPV6_ADDR_SUBNET;
        } else {
            byte[] a = selector.addresses().start().toByteArray();
            byte[] b = selector.addresses().end().toByteArray();
            data = java.util.Arrays.copyOf(a, 2 * a.length);
            System.arraycopy(b, 0, data, a.length, a.length);
            type = v4 ? IkeV1IdType.IPV4_ADDR_RANGE : IkeV1IdType.IPV6_ADDR_RANGE;
        }
        return new IkeV1IdPayload(type, selector.protocol(), port, Bytes.of(data));
    }

    /** Returns the prefix length of the mask after the address, or throws for a non-contiguous one. */
    private static int prefix(byte[] d, int n) {
        if (d.length != 2 * n) {
            throw new IllegalArgumentException("subnet ID length: " + d.length + " (expected: " + 2 * n + ")");
        }
        int bits = 0;
        boolean ended = false;
        for (int i = n; i < 2 * n; i++) {
            for (int b = 7; b >= 0; b--) {
                boolean set = (d[i] >>> b & 1) != 0;
                if (set && ended) {
                    throw new IllegalArgumentException("non-contiguous subnet mask");
                }
                if (set) {
                    bits++;
                } else {
                    ended = true;
                }
            }
        }
        return bits;
    }

    private static Bytes utf8(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
