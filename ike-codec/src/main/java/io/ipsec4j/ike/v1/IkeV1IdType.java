package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IPsec DOI identification type: the ID Type of an ID or NAT-OA payload.
 *
 * <p>An open registry: unknown numbers are kept and re-encode unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.2.1">RFC 2407 §4.6.2.1</a>
 */
public final class IkeV1IdType extends IkeRegistryValue {
    static final int MAX_CODE = 255;

    /** A four-octet IPv4 address (RFC 2407 §4.6.2.2). */
    public static final IkeV1IdType IPV4_ADDR = new IkeV1IdType(1, "IPV4_ADDR");
    /** A fully-qualified domain name (RFC 2407 §4.6.2.3). */
    public static final IkeV1IdType FQDN = new IkeV1IdType(2, "FQDN");
    /** A user@domain name (RFC 2407 §4.6.2.4). */
    public static final IkeV1IdType USER_FQDN = new IkeV1IdType(3, "USER_FQDN");
    /** An IPv4 address and mask (RFC 2407 §4.6.2.5). */
    public static final IkeV1IdType IPV4_ADDR_SUBNET = new IkeV1IdType(4, "IPV4_ADDR_SUBNET");
    /** A sixteen-octet IPv6 address (RFC 2407 §4.6.2.6). */
    public static final IkeV1IdType IPV6_ADDR = new IkeV1IdType(5, "IPV6_ADDR");
    /** An IPv6 address and mask (RFC 2407 §4.6.2.7). */
    public static final IkeV1IdType IPV6_ADDR_SUBNET = new IkeV1IdType(6, "IPV6_ADDR_SUBNET");
    /** An IPv4 address range, first and last (RFC 2407 §4.6.2.8). */
    public static final IkeV1IdType IPV4_ADDR_RANGE = new IkeV1IdType(7, "IPV4_ADDR_RANGE");
    /** An IPv6 address range (RFC 2407 §4.6.2.9). */
    public static final IkeV1IdType IPV6_ADDR_RANGE = new IkeV1IdType(8, "IPV6_ADDR_RANGE");
    /** A DER-encoded X.500 distinguished name (RFC 2407 §4.6.2.10). */
    public static final IkeV1IdType DER_ASN1_DN = new IkeV1IdType(9, "DER_ASN1_DN");
    /** A DER-encoded X.500 general name (RFC 2407 §4.6.2.11). */
    public static final IkeV1IdType DER_ASN1_GN = new IkeV1IdType(10, "DER_ASN1_GN");
    /** An opaque key identifier (RFC 2407 §4.6.2.12). */
    public static final IkeV1IdType KEY_ID = new IkeV1IdType(11, "KEY_ID");

    private static final List<IkeV1IdType> KNOWN = List.of(IPV4_ADDR, FQDN, USER_FQDN, IPV4_ADDR_SUBNET,
            IPV6_ADDR, IPV6_ADDR_SUBNET, IPV4_ADDR_RANGE, IPV6_ADDR_RANGE, DER_ASN1_DN, DER_ASN1_GN, KEY_ID);
    private static final Map<Integer, IkeV1IdType> BY_CODE = byCode(KNOWN);

    private IkeV1IdType(int code, String name) {
        super(code, name);
    }

    /** Returns the constant for {@code code}, or a new instance that keeps the number. */
    public static IkeV1IdType valueOf(int code) {
        return find(BY_CODE, "ID type", MAX_CODE, code, c -> new IkeV1IdType(c, unknownName(c)));
    }

    /** Returns the registered values. */
    public static List<IkeV1IdType> knownValues() {
        return KNOWN;
    }
}
