package io.ipsec4j.model.algorithm;

import java.util.List;

/**
 * The IKEv1 phase-2 Encapsulation Mode attribute (IPsec DOI SA attribute 4).
 *
 * <p>Tunnel and transport come from RFC 2407 §4.5; the UDP-encapsulated modes for NAT traversal
 * from RFC 3947 §5 (3, 4). Implementations of the NAT-T drafts used 61443 and 61444 before the RFC;
 * peers still send them. An open registry: {@link #valueOf(int)} keeps unknown values.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 §4.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5">RFC 3947 §5</a>
 */
public final class IkeV1EncapsulationMode extends IkeV1Value {

    /** Tunnel (1), RFC 2407 §4.5. */
    public static final IkeV1EncapsulationMode TUNNEL = new IkeV1EncapsulationMode(1, "TUNNEL");
    /** Transport (2), RFC 2407 §4.5. */
    public static final IkeV1EncapsulationMode TRANSPORT = new IkeV1EncapsulationMode(2, "TRANSPORT");
    /** UDP-Encapsulated-Tunnel (3), RFC 3947 §5. */
    public static final IkeV1EncapsulationMode UDP_ENCAPSULATED_TUNNEL =
            new IkeV1EncapsulationMode(3, "UDP_ENCAPSULATED_TUNNEL");
    /** UDP-Encapsulated-Transport (4), RFC 3947 §5. */
    public static final IkeV1EncapsulationMode UDP_ENCAPSULATED_TRANSPORT =
            new IkeV1EncapsulationMode(4, "UDP_ENCAPSULATED_TRANSPORT");
    /** UDP-Encapsulated-Tunnel as draft-ietf-ipsec-nat-t-ike sent it (61443). */
    public static final IkeV1EncapsulationMode UDP_ENCAPSULATED_TUNNEL_DRAFT =
            new IkeV1EncapsulationMode(61443, "UDP_ENCAPSULATED_TUNNEL_DRAFT");
    /** UDP-Encapsulated-Transport as draft-ietf-ipsec-nat-t-ike sent it (61444). */
    public static final IkeV1EncapsulationMode UDP_ENCAPSULATED_TRANSPORT_DRAFT =
            new IkeV1EncapsulationMode(61444, "UDP_ENCAPSULATED_TRANSPORT_DRAFT");

    private static final List<IkeV1EncapsulationMode> KNOWN = List.of(TUNNEL, TRANSPORT,
            UDP_ENCAPSULATED_TUNNEL, UDP_ENCAPSULATED_TRANSPORT, UDP_ENCAPSULATED_TUNNEL_DRAFT,
            UDP_ENCAPSULATED_TRANSPORT_DRAFT);

    private IkeV1EncapsulationMode(int value, String name) {
        super(value, name);
    }

    /**
     * Returns the constant for {@code value}, or a new instance named {@code UNKNOWN_<value>}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit the 16-bit attribute
     */
    public static IkeV1EncapsulationMode valueOf(int value) {
        return find(KNOWN, value, v -> new IkeV1EncapsulationMode(v, "UNKNOWN_" + v));
    }

    /** Returns the registered values. */
    public static List<IkeV1EncapsulationMode> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for the tunnel modes (plain, UDP-encapsulated and its draft value). */
    public boolean isTunnel() {
        return value() == 1 || value() == 3 || value() == 61443;
    }

    /** Returns {@code true} for the UDP-encapsulated (NAT-T) modes, RFC and draft values. */
    public boolean isUdpEncapsulated() {
        return value() == 3 || value() == 4 || value() == 61443 || value() == 61444;
    }
}
