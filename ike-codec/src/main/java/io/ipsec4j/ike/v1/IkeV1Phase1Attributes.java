package io.ipsec4j.ike.v1;

/**
 * The attribute classes of an IKE (phase 1) transform and the values this codec interprets.
 *
 * <p>The algorithm numbers themselves (Encryption, Hash, Group Description) map to the model
 * through {@link io.ipsec4j.model.algorithm.IkeV1Attributes}; the numbers here are the classes and
 * the few values with no model counterpart (life type, authentication method).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 Appendix A</a>
 */
public final class IkeV1Phase1Attributes {
    /** Encryption Algorithm (B). */
    public static final int ENCRYPTION_ALGORITHM = 1;
    /** Hash Algorithm (B). */
    public static final int HASH_ALGORITHM = 2;
    /** Authentication Method (B). */
    public static final int AUTHENTICATION_METHOD = 3;
    /** Group Description (B). */
    public static final int GROUP_DESCRIPTION = 4;
    /** Group Type (B). */
    public static final int GROUP_TYPE = 5;
    /** Life Type (B). */
    public static final int LIFE_TYPE = 11;
    /** Life Duration (V). */
    public static final int LIFE_DURATION = 12;
    /** PRF (B). */
    public static final int PRF = 13;
    /** Key Length in bits (B). */
    public static final int KEY_LENGTH = 14;

    /** The IKE transform ID of every phase 1 transform: KEY_IKE (RFC 2407 §4.4.2). */
    public static final int TRANSFORM_KEY_IKE = 1;
    /** The protocol ID of a phase 1 proposal: PROTO_ISAKMP (RFC 2407 §4.4.1). */
    public static final int PROTO_ISAKMP = 1;

    /** Life Type value: seconds. */
    public static final int LIFE_SECONDS = 1;
    /** Life Type value: kilobytes. */
    public static final int LIFE_KILOBYTES = 2;

    /** Authentication Method: pre-shared key. */
    public static final int AUTH_PSK = 1;
    /** Authentication Method: DSS signatures. */
    public static final int AUTH_DSS = 2;
    /** Authentication Method: RSA signatures. */
    public static final int AUTH_RSA_SIG = 3;
    /** Authentication Method: XAUTH initiator with pre-shared key (draft-beaulieu-ike-xauth). */
    public static final int AUTH_XAUTH_INIT_PSK = 65001;
    /** Authentication Method: XAUTH responder with pre-shared key. */
    public static final int AUTH_XAUTH_RESP_PSK = 65002;
    /** Authentication Method: XAUTH initiator with RSA signatures. */
    public static final int AUTH_XAUTH_INIT_RSA = 65005;
    /** Authentication Method: XAUTH responder with RSA signatures. */
    public static final int AUTH_XAUTH_RESP_RSA = 65006;

    private IkeV1Phase1Attributes() {}
}
