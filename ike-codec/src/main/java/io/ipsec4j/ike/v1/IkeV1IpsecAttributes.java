package io.ipsec4j.ike.v1;

/**
 * The attribute classes of an IPsec DOI (phase 2) transform and their plain values.
 *
 * <p>The algorithm numbers (ESP transform IDs, Authentication Algorithm) map to the model through
 * {@link io.ipsec4j.model.algorithm.IkeV1Attributes}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 §4.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5.1">RFC 3947 §5.1</a>
 */
public final class IkeV1IpsecAttributes {
    /** SA Life Type. */
    public static final int SA_LIFE_TYPE = 1;
    /** SA Life Duration (basic or variable). */
    public static final int SA_LIFE_DURATION = 2;
    /** Group Description: the PFS group. */
    public static final int GROUP_DESCRIPTION = 3;
    /** Encapsulation Mode. */
    public static final int ENCAPSULATION_MODE = 4;
    /** Authentication Algorithm. */
    public static final int AUTHENTICATION_ALGORITHM = 5;
    /** Key Length in bits. */
    public static final int KEY_LENGTH = 6;
    /** Key Rounds. */
    public static final int KEY_ROUNDS = 7;
    /** Extended (64-bit) Sequence Number (RFC 4304). */
    public static final int EXTENDED_SEQUENCE_NUMBER = 11;

    /** The protocol ID of an ESP proposal: PROTO_IPSEC_ESP (RFC 2407 §4.4.1). */
    public static final int PROTO_IPSEC_ESP = 3;
    /** The protocol ID of an AH proposal: PROTO_IPSEC_AH. */
    public static final int PROTO_IPSEC_AH = 2;

    /** Encapsulation Mode: tunnel. */
    public static final int MODE_TUNNEL = 1;
    /** Encapsulation Mode: transport. */
    public static final int MODE_TRANSPORT = 2;
    /** Encapsulation Mode: UDP-encapsulated tunnel (RFC 3947). */
    public static final int MODE_UDP_TUNNEL = 3;
    /** Encapsulation Mode: UDP-encapsulated transport (RFC 3947). */
    public static final int MODE_UDP_TRANSPORT = 4;
    /** Encapsulation Mode: UDP-encapsulated tunnel, draft value. */
    public static final int MODE_UDP_TUNNEL_DRAFT = 61443;
    /** Encapsulation Mode: UDP-encapsulated transport, draft value. */
    public static final int MODE_UDP_TRANSPORT_DRAFT = 61444;

    private IkeV1IpsecAttributes() {}
}
