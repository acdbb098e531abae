package io.ipsec4j.ike.v1;

/**
 * The attribute classes of an IKE (phase 1) transform and the values this codec interprets.
 *
 * <p>The algorithm numbers themselves (Encryption, Hash, Group Description) map to the model
 * through {@link io.ipsec4j.model.algorithm.IkeV1Attributes}; the numbers here are the classes and
 * the transform and protocol IDs; life types and authentication methods are the model's
 * {@link io.ipsec4j.model.algorithm.IkeV1LifeType} and {@link io.ipsec4j.model.algorithm.IkeV1AuthMethod}.
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

    private IkeV1Phase1Attributes() {}
}
