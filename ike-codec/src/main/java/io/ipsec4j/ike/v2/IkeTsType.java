package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 traffic selector type.
 *
 * <p>Types 7 and 8 are IPv4 and IPv6 address ranges with an IP protocol and a port range (RFC
 * 7296); 9 is a Fibre Channel range (RFC 4595) and 10 a security label (RFC 9478), which this codec
 * keeps as opaque bytes. This is an open registry: {@link #valueOf(int)} returns the constant for a
 * registered number or a new instance named {@code UNKNOWN_<code>} that keeps the number, so that a
 * value this library does not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.13.1">RFC 7296 §3.13.1</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-19">IANA IKEv2 Traffic Selector Types</a>
 */
public final class IkeTsType extends IkeRegistryValue implements Comparable<IkeTsType> {

    /** TS types are one byte on the wire (RFC 7296 §3.13.1). */
    static final int MAX_CODE = 255;

    /** An IPv4 address range (RFC 7296 §3.13.1). */
    public static final IkeTsType IPV4_ADDR_RANGE = new IkeTsType(7, "IPV4_ADDR_RANGE");
    /** An IPv6 address range (RFC 7296 §3.13.1). */
    public static final IkeTsType IPV6_ADDR_RANGE = new IkeTsType(8, "IPV6_ADDR_RANGE");
    /** A Fibre Channel address range (RFC 4595). */
    public static final IkeTsType FC_ADDR_RANGE = new IkeTsType(9, "FC_ADDR_RANGE");
    /** A security label (RFC 9478). */
    public static final IkeTsType SECLABEL = new IkeTsType(10, "SECLABEL");

    private static final List<IkeTsType> KNOWN = List.of(
            IPV4_ADDR_RANGE, IPV6_ADDR_RANGE, FC_ADDR_RANGE, SECLABEL);
    private static final Map<Integer, IkeTsType> BY_CODE = byCode(KNOWN);

    private IkeTsType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeTsType valueOf(int code) {
        return find(BY_CODE, "TS type", MAX_CODE, code, c -> new IkeTsType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeTsType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeTsType other) {
        return Integer.compare(code(), other.code());
    }
}
