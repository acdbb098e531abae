package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 configuration payload type: request, reply, set or acknowledge.
 *
 * <p>A CP payload of type CFG_REQUEST asks for attributes such as an internal address, CFG_REPLY
 * answers it; CFG_SET and CFG_ACK push and acknowledge values. This is an open registry: {@link
 * #valueOf(int)} returns the constant for a registered number or a new instance named {@code
 * UNKNOWN_<code>} that keeps the number, so that a value this library does not know survives
 * decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.15">RFC 7296 §3.15</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-20">IANA IKEv2 Configuration Payload CFG Types</a>
 */
public final class IkeConfigType extends IkeRegistryValue implements Comparable<IkeConfigType> {

    /** CFG types are one byte on the wire (RFC 7296 §3.15). */
    static final int MAX_CODE = 255;

    /** CFG_REQUEST (RFC 7296 §3.15). */
    public static final IkeConfigType CFG_REQUEST = new IkeConfigType(1, "CFG_REQUEST");
    /** CFG_REPLY (RFC 7296 §3.15). */
    public static final IkeConfigType CFG_REPLY = new IkeConfigType(2, "CFG_REPLY");
    /** CFG_SET (RFC 7296 §3.15). */
    public static final IkeConfigType CFG_SET = new IkeConfigType(3, "CFG_SET");
    /** CFG_ACK (RFC 7296 §3.15). */
    public static final IkeConfigType CFG_ACK = new IkeConfigType(4, "CFG_ACK");

    private static final List<IkeConfigType> KNOWN = List.of(
            CFG_REQUEST, CFG_REPLY, CFG_SET, CFG_ACK);
    private static final Map<Integer, IkeConfigType> BY_CODE = byCode(KNOWN);

    private IkeConfigType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeConfigType valueOf(int code) {
        return find(BY_CODE, "CFG type", MAX_CODE, code, c -> new IkeConfigType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeConfigType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeConfigType other) {
        return Integer.compare(code(), other.code());
    }
}
