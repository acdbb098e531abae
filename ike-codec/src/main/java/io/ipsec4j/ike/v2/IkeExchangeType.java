package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 exchange type: the Exchange Type field of the IKE header.
 *
 * <p>IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL come from RFC 7296; later RFCs add
 * session resumption (RFC 5723), the intermediate exchange (RFC 9242), follow-up key exchanges (RFC
 * 9370) and the G-IKEv2 group exchanges. This is an open registry: {@link #valueOf(int)} returns
 * the constant for a registered number or a new instance named {@code UNKNOWN_<code>} that keeps
 * the number, so that a value this library does not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-1">IANA IKEv2 Exchange Types</a>
 */
public final class IkeExchangeType extends IkeRegistryValue implements Comparable<IkeExchangeType> {

    /** Exchange types are one byte on the wire (RFC 7296 §3.1). */
    static final int MAX_CODE = 255;

    /** IKE_SA_INIT (RFC 7296 §1.2). */
    public static final IkeExchangeType IKE_SA_INIT = new IkeExchangeType(34, "IKE_SA_INIT");
    /** IKE_AUTH (RFC 7296 §1.2). */
    public static final IkeExchangeType IKE_AUTH = new IkeExchangeType(35, "IKE_AUTH");
    /** CREATE_CHILD_SA (RFC 7296 §1.3). */
    public static final IkeExchangeType CREATE_CHILD_SA = new IkeExchangeType(36, "CREATE_CHILD_SA");
    /** INFORMATIONAL (RFC 7296 §1.4). */
    public static final IkeExchangeType INFORMATIONAL = new IkeExchangeType(37, "INFORMATIONAL");
    /** IKE_SESSION_RESUME (RFC 5723). */
    public static final IkeExchangeType IKE_SESSION_RESUME = new IkeExchangeType(38, "IKE_SESSION_RESUME");
    /** GSA_AUTH (G-IKEv2). */
    public static final IkeExchangeType GSA_AUTH = new IkeExchangeType(39, "GSA_AUTH");
    /** GSA_REGISTRATION (G-IKEv2). */
    public static final IkeExchangeType GSA_REGISTRATION = new IkeExchangeType(40, "GSA_REGISTRATION");
    /** GSA_REKEY (G-IKEv2). */
    public static final IkeExchangeType GSA_REKEY = new IkeExchangeType(41, "GSA_REKEY");
    /** IKE_INTERMEDIATE (RFC 9242). */
    public static final IkeExchangeType IKE_INTERMEDIATE = new IkeExchangeType(43, "IKE_INTERMEDIATE");
    /** IKE_FOLLOWUP_KE (RFC 9370). */
    public static final IkeExchangeType IKE_FOLLOWUP_KE = new IkeExchangeType(44, "IKE_FOLLOWUP_KE");

    private static final List<IkeExchangeType> KNOWN = List.of(
            IKE_SA_INIT, IKE_AUTH, CREATE_CHILD_SA, INFORMATIONAL, IKE_SESSION_RESUME, GSA_AUTH,
            GSA_REGISTRATION, GSA_REKEY, IKE_INTERMEDIATE, IKE_FOLLOWUP_KE);
    private static final Map<Integer, IkeExchangeType> BY_CODE = byCode(KNOWN);

    private IkeExchangeType(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeExchangeType valueOf(int code) {
        return find(BY_CODE, "exchange type", MAX_CODE, code, c -> new IkeExchangeType(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeExchangeType> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    @Override
    public int compareTo(IkeExchangeType other) {
        return Integer.compare(code(), other.code());
    }
}
