package io.ipsec4j.model.algorithm;

import java.util.List;

/**
 * The IKEv1 Life Type attribute: the unit of the following Life Duration attribute, for phase 1
 * (RFC 2409 App. A, class 11) and phase 2 (RFC 2407 §4.5, SA Life Type).
 *
 * <p>An open registry: {@link #valueOf(int)} keeps unknown values so that they re-encode unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 Appendix A</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 §4.5</a>
 */
public final class IkeV1LifeType extends IkeV1Value {

    /** Seconds (1), RFC 2409 App. A, RFC 2407 §4.5. */
    public static final IkeV1LifeType SECONDS = new IkeV1LifeType(1, "SECONDS");
    /** Kilobytes (2), RFC 2409 App. A, RFC 2407 §4.5. */
    public static final IkeV1LifeType KILOBYTES = new IkeV1LifeType(2, "KILOBYTES");

    private static final List<IkeV1LifeType> KNOWN = List.of(SECONDS, KILOBYTES);

    private IkeV1LifeType(int value, String name) {
        super(value, name);
    }

    /**
     * Returns the constant for {@code value}, or a new instance named {@code UNKNOWN_<value>}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit the 16-bit attribute
     */
    public static IkeV1LifeType valueOf(int value) {
        return find(KNOWN, value, v -> new IkeV1LifeType(v, "UNKNOWN_" + v));
    }

    /** Returns the registered values: SECONDS, KILOBYTES. */
    public static List<IkeV1LifeType> knownValues() {
        return KNOWN;
    }
}
