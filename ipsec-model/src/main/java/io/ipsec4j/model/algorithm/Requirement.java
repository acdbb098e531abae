package io.ipsec4j.model.algorithm;

/**
 * An implementation requirement level as the IETF algorithm guidance documents assign it.
 *
 * <p>RFC 8221 (ESP and AH) and RFC 8247 (IKEv2) give each algorithm a BCP 14 keyword, extended with
 * {@code MUST-} (a MUST expected to be downgraded), {@code SHOULD+} (a SHOULD expected to become a
 * MUST) and {@code SHOULD-}. The levels are about what implementations must support; the checks use
 * {@link #isDiscouraged()} to warn about configurations that choose an algorithm the RFCs advise
 * against. Algorithms that a table does not list are {@link #UNSPECIFIED}: both RFCs say such an
 * algorithm "MAY be implemented", and list MAY only for algorithms that were downgraded.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8221#section-2">RFC 8221 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8247#section-2">RFC 8247 §2</a>
 */
public enum Requirement {
    /** {@code MUST}: mandatory to implement. */
    MUST("MUST"),
    /** {@code MUST-}: mandatory today, expected to be downgraded (RFC 8247 §2). */
    MUST_MINUS("MUST-"),
    /** {@code SHOULD+}: recommended, expected to become a MUST (RFC 8247 §2). */
    SHOULD_PLUS("SHOULD+"),
    /** {@code SHOULD}: recommended. */
    SHOULD("SHOULD"),
    /** {@code MAY}: optional (listed in the tables only when downgraded). */
    MAY("MAY"),
    /** {@code SHOULD NOT}: advised against. */
    SHOULD_NOT("SHOULD NOT"),
    /** {@code MUST NOT}: must not be implemented. */
    MUST_NOT("MUST NOT"),
    /** Not listed in the RFC table (or not applicable to this protocol). */
    UNSPECIFIED("UNSPECIFIED");

    private final String rfcWording;

    Requirement(String rfcWording) {
        this.rfcWording = rfcWording;
    }

    /** Returns {@code true} for {@link #SHOULD_NOT} and {@link #MUST_NOT}. */
    public boolean isDiscouraged() {
        return this == SHOULD_NOT || this == MUST_NOT;
    }

    /** Returns the keyword as the RFC tables print it, for example {@code "SHOULD NOT"} or {@code "MUST-"}. */
    public String rfcWording() {
        return rfcWording;
    }
}
