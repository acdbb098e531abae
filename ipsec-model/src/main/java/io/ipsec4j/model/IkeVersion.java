package io.ipsec4j.model;

/**
 * The IKE protocol version of Phase I, with IKEv1's exchange mode.
 *
 * <p>IKEv1 (RFC 2409) establishes its SA in main mode (identity protected, six messages) or
 * aggressive mode (three messages, identities in the clear); IKEv2 (RFC 7296) has one exchange.
 * Two ends that disagree here never complete Phase I.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 */
public enum IkeVersion {
    /** IKEv1, main mode. */
    IKEV1_MAIN(1),
    /** IKEv1, aggressive mode. */
    IKEV1_AGGRESSIVE(1),
    /** IKEv2. */
    IKEV2(2);

    private final int majorVersion;

    IkeVersion(int majorVersion) {
        this.majorVersion = majorVersion;
    }

    /** The major version in the IKE header: 1 or 2. */
    public int majorVersion() {
        return majorVersion;
    }

    public boolean isV1() {
        return majorVersion == 1;
    }
}
