package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeRegistryValue;
import java.util.List;
import java.util.Map;

/**
 * An IKEv2 authentication method: how the data of an AUTH payload was computed.
 *
 * <p>RFC 7296 defines RSA signatures, shared-key MIC and DSS; RFC 4754 the three ECDSA methods, RFC
 * 7619 NULL authentication and RFC 7427 the generic Digital Signature method whose data starts with
 * an ASN.1 AlgorithmIdentifier. This is an open registry: {@link #valueOf(int)} returns the
 * constant for a registered number or a new instance named {@code UNKNOWN_<code>} that keeps the
 * number, so that a value this library does not know survives decoding and re-encoding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.8">RFC 7296 §3.8</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7427#section-3">RFC 7427 §3</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters/ikev2-parameters.xhtml#ikev2-parameters-12">IANA IKEv2 Authentication Method</a>
 */
public final class IkeAuthMethod extends IkeRegistryValue implements Comparable<IkeAuthMethod> {

    /** Auth methods are one byte on the wire (RFC 7296 §3.8). */
    static final int MAX_CODE = 255;

    /** RSA Digital Signature (RFC 7296 §3.8). */
    public static final IkeAuthMethod RSA_DIGITAL_SIGNATURE = new IkeAuthMethod(1, "RSA_DIGITAL_SIGNATURE");
    /** Shared Key Message Integrity Code (RFC 7296 §3.8). */
    public static final IkeAuthMethod SHARED_KEY_MIC = new IkeAuthMethod(2, "SHARED_KEY_MIC");
    /** DSS Digital Signature (RFC 7296 §3.8). */
    public static final IkeAuthMethod DSS_DIGITAL_SIGNATURE = new IkeAuthMethod(3, "DSS_DIGITAL_SIGNATURE");
    /** ECDSA with SHA-256 on the P-256 curve (RFC 4754). */
    public static final IkeAuthMethod ECDSA_SHA256_P256 = new IkeAuthMethod(9, "ECDSA_SHA256_P256");
    /** ECDSA with SHA-384 on the P-384 curve (RFC 4754). */
    public static final IkeAuthMethod ECDSA_SHA384_P384 = new IkeAuthMethod(10, "ECDSA_SHA384_P384");
    /** ECDSA with SHA-512 on the P-521 curve (RFC 4754). */
    public static final IkeAuthMethod ECDSA_SHA512_P521 = new IkeAuthMethod(11, "ECDSA_SHA512_P521");
    /** Generic Secure Password Authentication Method (RFC 6467). */
    public static final IkeAuthMethod GENERIC_SECURE_PASSWORD = new IkeAuthMethod(12, "GENERIC_SECURE_PASSWORD");
    /** NULL Authentication (RFC 7619). */
    public static final IkeAuthMethod NULL = new IkeAuthMethod(13, "NULL");
    /** Digital Signature with an AlgorithmIdentifier (RFC 7427 §3). */
    public static final IkeAuthMethod DIGITAL_SIGNATURE = new IkeAuthMethod(14, "DIGITAL_SIGNATURE");

    private static final List<IkeAuthMethod> KNOWN = List.of(
            RSA_DIGITAL_SIGNATURE, SHARED_KEY_MIC, DSS_DIGITAL_SIGNATURE, ECDSA_SHA256_P256, ECDSA_SHA384_P384, ECDSA_SHA512_P521,
            GENERIC_SECURE_PASSWORD, NULL, DIGITAL_SIGNATURE);
    private static final Map<Integer, IkeAuthMethod> BY_CODE = byCode(KNOWN);

    private IkeAuthMethod(int code, String name) {
        super(code, name);
    }

    /**
     * Returns the constant for {@code code}, or a new instance that keeps the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the wire field
     */
    public static IkeAuthMethod valueOf(int code) {
        return find(BY_CODE, "auth method", MAX_CODE, code, c -> new IkeAuthMethod(c, unknownName(c)));
    }

    /** Returns the registered values, in declaration order. */
    public static List<IkeAuthMethod> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for a registered value. */
    public boolean isKnown() {
        return BY_CODE.containsKey(code());
    }

    /** Returns {@code true} for {@link #DIGITAL_SIGNATURE}, whose data starts with an AlgorithmIdentifier. */
    public boolean hasAlgorithmIdentifier() {
        return code() == 14;
    }

    @Override
    public int compareTo(IkeAuthMethod other) {
        return Integer.compare(code(), other.code());
    }
}
