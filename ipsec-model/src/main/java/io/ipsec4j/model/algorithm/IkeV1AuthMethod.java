package io.ipsec4j.model.algorithm;

import java.util.List;

/**
 * The IKEv1 phase-1 Authentication Method attribute (ISAKMP SA attribute class 3).
 *
 * <p>Values 1–5 come from RFC 2409 Appendix A, 9–11 from RFC 4754 (ECDSA), 65001–65010 from the
 * XAUTH draft (draft-ietf-ipsec-isakmp-xauth, private-use range) as Cisco, strongSwan and libreswan
 * send them. An open registry: {@link #valueOf(int)} keeps unknown values so that a decoded transform
 * re-encodes unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 Appendix A</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4754#section-3">RFC 4754 §3</a>
 */
public final class IkeV1AuthMethod extends IkeV1Value {

    /** Pre-shared key (1), RFC 2409 App. A. */
    public static final IkeV1AuthMethod PRE_SHARED_KEY = new IkeV1AuthMethod(1, "PRE_SHARED_KEY");
    /** DSS signatures (2), RFC 2409 App. A. */
    public static final IkeV1AuthMethod DSS_SIGNATURES = new IkeV1AuthMethod(2, "DSS_SIGNATURES");
    /** RSA signatures (3), RFC 2409 App. A. */
    public static final IkeV1AuthMethod RSA_SIGNATURES = new IkeV1AuthMethod(3, "RSA_SIGNATURES");
    /** Encryption with RSA (4), RFC 2409 App. A. */
    public static final IkeV1AuthMethod RSA_ENCRYPTION = new IkeV1AuthMethod(4, "RSA_ENCRYPTION");
    /** Revised encryption with RSA (5), RFC 2409 App. A. */
    public static final IkeV1AuthMethod REVISED_RSA_ENCRYPTION =
            new IkeV1AuthMethod(5, "REVISED_RSA_ENCRYPTION");
    /** ECDSA with SHA-256 on the P-256 curve (9), RFC 4754 §3. */
    public static final IkeV1AuthMethod ECDSA_SHA256_P256 = new IkeV1AuthMethod(9, "ECDSA_SHA256_P256");
    /** ECDSA with SHA-384 on the P-384 curve (10), RFC 4754 §3. */
    public static final IkeV1AuthMethod ECDSA_SHA384_P384 = new IkeV1AuthMethod(10, "ECDSA_SHA384_P384");
    /** ECDSA with SHA-512 on the P-521 curve (11), RFC 4754 §3. */
    public static final IkeV1AuthMethod ECDSA_SHA512_P521 = new IkeV1AuthMethod(11, "ECDSA_SHA512_P521");
    /** XAUTH, initiator, pre-shared key (65001), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_INIT_PRESHARED =
            new IkeV1AuthMethod(65001, "XAUTH_INIT_PRESHARED");
    /** XAUTH, responder, pre-shared key (65002), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_RESP_PRESHARED =
            new IkeV1AuthMethod(65002, "XAUTH_RESP_PRESHARED");
    /** XAUTH, initiator, DSS (65003), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_INIT_DSS = new IkeV1AuthMethod(65003, "XAUTH_INIT_DSS");
    /** XAUTH, responder, DSS (65004), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_RESP_DSS = new IkeV1AuthMethod(65004, "XAUTH_RESP_DSS");
    /** XAUTH, initiator, RSA signatures (65005), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_INIT_RSA = new IkeV1AuthMethod(65005, "XAUTH_INIT_RSA");
    /** XAUTH, responder, RSA signatures (65006), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_RESP_RSA = new IkeV1AuthMethod(65006, "XAUTH_RESP_RSA");
    /** XAUTH, initiator, RSA encryption (65007), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_INIT_RSA_ENCRYPTION =
            new IkeV1AuthMethod(65007, "XAUTH_INIT_RSA_ENCRYPTION");
    /** XAUTH, responder, RSA encryption (65008), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_RESP_RSA_ENCRYPTION =
            new IkeV1AuthMethod(65008, "XAUTH_RESP_RSA_ENCRYPTION");
    /** XAUTH, initiator, revised RSA encryption (65009), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_INIT_RSA_REVISED_ENCRYPTION =
            new IkeV1AuthMethod(65009, "XAUTH_INIT_RSA_REVISED_ENCRYPTION");
    /** XAUTH, responder, revised RSA encryption (65010), draft-ietf-ipsec-isakmp-xauth. */
    public static final IkeV1AuthMethod XAUTH_RESP_RSA_REVISED_ENCRYPTION =
            new IkeV1AuthMethod(65010, "XAUTH_RESP_RSA_REVISED_ENCRYPTION");

    private static final List<IkeV1AuthMethod> KNOWN = List.of(PRE_SHARED_KEY, DSS_SIGNATURES,
            RSA_SIGNATURES, RSA_ENCRYPTION, REVISED_RSA_ENCRYPTION, ECDSA_SHA256_P256, ECDSA_SHA384_P384,
            ECDSA_SHA512_P521, XAUTH_INIT_PRESHARED, XAUTH_RESP_PRESHARED, XAUTH_INIT_DSS, XAUTH_RESP_DSS,
            XAUTH_INIT_RSA, XAUTH_RESP_RSA, XAUTH_INIT_RSA_ENCRYPTION, XAUTH_RESP_RSA_ENCRYPTION,
            XAUTH_INIT_RSA_REVISED_ENCRYPTION, XAUTH_RESP_RSA_REVISED_ENCRYPTION);

    private IkeV1AuthMethod(int value, String name) {
        super(value, name);
    }

    /**
     * Returns the constant for {@code value}, or a new instance named {@code UNKNOWN_<value>}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit the 16-bit attribute
     */
    public static IkeV1AuthMethod valueOf(int value) {
        return find(KNOWN, value, v -> new IkeV1AuthMethod(v, "UNKNOWN_" + v));
    }

    /** Returns the registered values, in numeric order. */
    public static List<IkeV1AuthMethod> knownValues() {
        return KNOWN;
    }

    /** Returns {@code true} for the pre-shared key methods (plain and XAUTH). */
    public boolean isPreSharedKey() {
        return value() == 1 || value() == 65001 || value() == 65002;
    }

    /** Returns {@code true} for the XAUTH variants (65001–65010). */
    public boolean isXauth() {
        return value() >= 65001 && value() <= 65010;
    }
}
