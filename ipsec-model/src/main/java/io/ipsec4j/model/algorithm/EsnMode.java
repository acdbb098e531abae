package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.Requirement.UNSPECIFIED;

import java.util.List;

/**
 * An IKEv2 Extended Sequence Numbers transform (Transform Type 5) of an ESP or AH proposal.
 *
 * <p>With ESN the SA counts packets with a 64-bit sequence number whose high half is never sent but
 * enters the ICV (RFC 4303 §2.2.1, §3.3.3); without it the 32-bit counter forces a rekey before it
 * wraps. A proposal may offer both, in order of preference. Neither RFC 8221 nor RFC 8247 assigns
 * a requirement level, so both statuses are UNSPECIFIED.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2.2.1">RFC 4303 §2.2.1</a>
 */
public final class EsnMode extends Algorithm {

    /** No Extended Sequence Numbers (0): 32-bit sequence numbers. */
    public static final EsnMode NO_ESN = new EsnMode(0, "NO_ESN", "No Extended Sequence Numbers");
    /** Extended Sequence Numbers (1): 64-bit sequence numbers. */
    public static final EsnMode ESN = new EsnMode(1, "ESN", "Extended Sequence Numbers");

    private static final List<EsnMode> KNOWN = List.of(NO_ESN, ESN);

    private EsnMode(int id, String name, String ianaName) {
        super(id, name, ianaName, UNSPECIFIED, UNSPECIFIED);
    }

    private EsnMode(int id) {
        super(id);
    }

    /**
     * Returns the constant for {@code id}, or a new unknown instance that keeps the id.
     *
     * @throws IllegalArgumentException if {@code id} is not 0–65535
     */
    public static EsnMode valueOf(int id) {
        if (id == 0 || id == 1) {
            return KNOWN.get(id);
        }
        return new EsnMode(id);
    }

    /** Returns the registered constants: NO_ESN, ESN. */
    public static List<EsnMode> knownValues() {
        return KNOWN;
    }

    @Override
    public TransformType transformType() {
        return TransformType.ESN;
    }

    /** Returns {@code true} for {@link #ESN}: 64-bit sequence numbers. */
    public boolean isExtended() {
        return equals(ESN);
    }
}
