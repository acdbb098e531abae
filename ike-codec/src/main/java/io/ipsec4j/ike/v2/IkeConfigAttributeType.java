package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 configuration attribute type, as carried in a CP payload.
 *
 * <p>The first bit of the two-byte attribute type field is reserved, so types are 15 bits. Requests
 * usually carry the attribute with an empty value; replies carry the value (an address, a netmask,
 * a subnet, a version string). This is an open registry: {@link #valueOf(int)} returns the constant
 * for a registered number or a new instance named {@code UNKNOWN_<code>} that keeps the number, so
 * that a value this library does not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.15.1">RFC 7296 §3.15.1</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-21">IANA IKEv2 Configuration Payload Attribute Types</a>
 */
public final class IkeConfigAttributeType extends IkeRegistryValue implements Comparable<IkeConfigAttributeType> {

    /** Attribute types are 15 bits on the wire, after a reserved bit (RFC 7296 §3.15.1). */
    static final int MAX_CODE = 32767;

    /** INTERNAL_IP4_ADDRESS (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_ADDRESS = new IkeConfigAttributeType(1, "INTERNAL_IP4_ADDRESS");
    /** INTERNAL_IP4_NETMASK (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_NETMASK = new IkeConfigAttributeType(2, "INTERNAL_IP4_NETMASK");
    /** INTERNAL_IP4_DNS (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_DNS = new IkeConfigAttributeType(3, "INTERNAL_IP4_DNS");
    /** INTERNAL_IP4_NBNS (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_NBNS = new IkeConfigAttributeType(4, "INTERNAL_IP4_NBNS");
    /** INTERNAL_IP4_DHCP (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_DHCP = new IkeConfigAttributeType(6, "INTERNAL_IP4_DHCP");
    /** APPLICATION_VERSION (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType APPLICATION_VERSION = new IkeConfigAttributeType(7, "APPLICATION_VERSION");
    /** INTERNAL_IP6_ADDRESS (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP6_ADDRESS = new IkeConfigAttributeType(8, "INTERNAL_IP6_ADDRESS");
    /** INTERNAL_IP6_DNS (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP6_DNS = new IkeConfigAttributeType(10, "INTERNAL_IP6_DNS");
    /** INTERNAL_IP6_DHCP (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP6_DHCP = new IkeConfigAttributeType(12, "INTERNAL_IP6_DHCP");
    /** INTERNAL_IP4_SUBNET (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP4_SUBNET = new IkeConfigAttributeType(13, "INTERNAL_IP4_SUBNET");
    /** SUPPORTED_ATTRIBUTES (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType SUPPORTED_ATTRIBUTES = new IkeConfigAttributeType(14, "SUPPORTED_ATTRIBUTES");
    /** INTERNAL_IP6_SUBNET (RFC 7296 §3.15.1). */
    public static final IkeConfigAttributeType INTERNAL_IP6_SUBNET = new IkeConfigAttributeType(15, "INTERNAL_IP6_SUBNET");
    /** MIP6_HOME_PREFIX (RFC 5026). */
    public static final IkeConfigAttributeType MIP6_HOME_PREFIX = new IkeConfigAttributeType(16, "MIP6_HOME_PREFIX");
    /** INTERNAL_IP6_LINK (RFC 5739). */
    public static final IkeConfigAttributeType INTERNAL_IP6_LINK = new IkeConfigAttributeType(17, "INTERNAL_IP6_LINK");
    /** INTERNAL_IP6_PREFIX (RFC 5739). */
    public static final IkeConfigAttributeType INTERNAL_IP6_PREFIX = new IkeConfigAttributeType(18, "INTERNAL_IP6_PREFIX");
    /** HOME_AGENT_ADDRESS (IANA registry). */
    public static final IkeConfigAttributeType HOME_AGENT_ADDRESS = new IkeConfigAttributeType(19, "HOME_AGENT_ADDRESS");
    /** P_CSCF_IP4_ADDRESS (RFC 7651). */
    public static final IkeConfigAttributeType P_CSCF_IP4_ADDRESS = new IkeConfigAttributeType(20, "P_CSCF_IP4_ADDRESS");
    /** P_CSCF_IP6_ADDRESS (RFC 7651). */
    public static final IkeConfigAttributeType P_CSCF_IP6_ADDRESS = new IkeConfigAttributeType(21, "P_CSCF_IP6_ADDRESS");
    /** FTT_KAT (IANA registry). */
    public static final IkeConfigAttributeType FTT_KAT = new IkeConfigAttributeType(22, "FTT_KAT");
    /** EXTERNAL_SOURCE_IP4_NAT_INFO (IANA registry). */
    public static final IkeConfigAttributeType EXTERNAL_SOURCE_IP4_NAT_INFO = new IkeConfigAttributeType(23, "EXTERNAL_SOURCE_IP4_NAT_INFO");
    /** TIMEOUT_PERIOD_FOR_LIVENESS_CHECK (IANA registry). */
    public static final IkeConfigAttributeType TIMEOUT_PERIOD_FOR_LIVENESS_CHECK = new IkeConfigAttributeType(24, "TIMEOUT_PERIOD_FOR_LIVENESS_CHECK");
    /** INTERNAL_DNS_DOMAIN (RFC 8598). */
    public static final IkeConfigAttributeType INTERNAL_DNS_DOMAIN = new IkeConfigAttributeType(25, "INTERNAL_DNS_DOMAIN");
    /** INTERNAL_DNSSEC_TA (RFC 8598). */
    public static final IkeConfigAttributeType INTERNAL_DNSSEC_TA = new IkeConfigAttributeType(26, "INTERNAL_DNSSEC_TA");

    private static final List<IkeConfigAttributeType> KNOWN = List.of(
            INTERNAL_IP4_ADDRESS, INTERNAL_IP4_NETMASK, INTERNAL_IP4_DNS, INTERNAL_IP4_NBNS, INTERNAL_IP4_DHCP, APPLICATION_VERSION,
            INTERNAL_IP6_ADDRESS, INTERNAL_IP6_DNS, INTERNAL_IP6_DHCP, INTERNAL_IP4_SUBNET, SUPPORTED_ATTRIBUTES, INTERNAL_IP6_SUBNET,
            MIP6_HOME_PREFIX, INTERNAL_IP6_LINK, INTERNAL_IP6_PREFIX, HOME_AGENT_ADDRESS, P_CSCF_IP4_ADDRESS, P_CSCF_IP6_ADDRESS,
            FTT_KAT, EXTERNAL_SOURCE_IP4_NAT_INFO, TIMEOUT_PERIOD_FOR_LIVENESS_CHECK, INTERNAL_DNS_DOMAIN, INTERNAL_DNSSEC_TA);
    private static final Map<Integer, IkeConfigAttributeType> BY_CODE = byCode(KNOWN);

    private IkeConfigAttributeType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeConfigAttributeType valueOf(int code) {
        return find(BY_CODE, "configuration attribute type", MAX_CODE, code, c -> new IkeConfigAttributeType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeConfigAttributeType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeConfigAttributeType other) {
        return Integer.compare(code(), other.code());
    }
}
