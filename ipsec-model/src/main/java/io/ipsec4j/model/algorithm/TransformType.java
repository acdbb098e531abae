package io.ipsec4j.model.algorithm;

import java.util.List;

/**
 * An IKEv2 transform type: which kind of algorithm a transform in an SA proposal negotiates.
 *
 * <p>Each transform substructure of an IKEv2 SA payload carries a one-byte Transform Type followed
 * by a Transform ID whose meaning depends on the type. Types 1–5 come from RFC 7296; types 6–12
 * ("Additional Key Exchange 1–7") from RFC 9370, which lets a proposal add up to seven key exchanges
 * (for example ML-KEM) after the first one. This is an open registry: {@link #valueOf(int)} keeps
 * unknown numbers so that a decoded transform can be re-encoded unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9370#section-2.2.1">RFC 9370 §2.2.1</a>
 */
public final class TransformType implements Comparable<TransformType> {

    /** Transform types are one byte on the wire (RFC 7296 §3.3.2). */
    static final int MAX_CODE = 255;

    /** Encryption Algorithm (ENCR), RFC 7296 §3.3.2. */
    public static final TransformType ENCR = new TransformType(1, "ENCR");
    /** Pseudorandom Function (PRF), RFC 7296 §3.3.2; IKE SAs only. */
    public static final TransformType PRF = new TransformType(2, "PRF");
    /** Integrity Algorithm (INTEG), RFC 7296 §3.3.2. */
    public static final TransformType INTEG = new TransformType(3, "INTEG");
    /** Key Exchange Method (KE, formerly "Diffie-Hellman Group"), RFC 7296 §3.3.2, RFC 9370. */
    public static final TransformType KE = new TransformType(4, "KE");
    /** Extended Sequence Numbers (ESN), RFC 7296 §3.3.2; ESP and AH only. */
    public static final TransformType ESN = new TransformType(5, "ESN");
    /** Additional Key Exchange 1 (ADDKE1), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE1 = new TransformType(6, "ADDKE1");
    /** Additional Key Exchange 2 (ADDKE2), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE2 = new TransformType(7, "ADDKE2");
    /** Additional Key Exchange 3 (ADDKE3), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE3 = new TransformType(8, "ADDKE3");
    /** Additional Key Exchange 4 (ADDKE4), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE4 = new TransformType(9, "ADDKE4");
    /** Additional Key Exchange 5 (ADDKE5), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE5 = new TransformType(10, "ADDKE5");
    /** Additional Key Exchange 6 (ADDKE6), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE6 = new TransformType(11, "ADDKE6");
    /** Additional Key Exchange 7 (ADDKE7), RFC 9370 §2.2.1. */
    public static final TransformType ADDKE7 = new TransformType(12, "ADDKE7");

    private static final List<TransformType> KNOWN = List.of(
            ENCR, PRF, INTEG, KE, ESN, ADDKE1, ADDKE2, ADDKE3, ADDKE4, ADDKE5, ADDKE6, ADDKE7);

    private final int code;
    private final String name;

    private TransformType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * Returns the constant for {@code code}, or a new instance named {@code UNKNOWN_<code>} that keeps
     * the number.
     *
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte wire field
     */
    public static TransformType valueOf(int code) {
        if (code < 0 || code > MAX_CODE) {
            throw new IllegalArgumentException(
                    "transform type: " + code + " (expected: 0-" + MAX_CODE + ")");
        }
        if (code >= 1 && code <= KNOWN.size()) {
            return KNOWN.get(code - 1);
        }
        return new TransformType(code, "UNKNOWN_" + code);
    }

    /**
     * Returns the Additional Key Exchange type with the given index (1–7).
     *
     * @throws IllegalArgumentException if {@code index} is not 1–7
     */
    public static TransformType additionalKeyExchange(int index) {
        if (index < 1 || index > 7) {
            throw new IllegalArgumentException(
                    "additional key exchange index: " + index + " (expected: 1-7)");
        }
        return KNOWN.get(ADDKE1.code - 1 + index - 1);
    }

    /** Returns the registered transform types, in code order. */
    public static List<TransformType> knownValues() {
        return KNOWN;
    }

    /** Returns the Transform Type number as sent on the wire. */
    public int code() {
        return code;
    }

    /** Returns the constant name ({@code ENCR}, {@code ADDKE3}) or {@code UNKNOWN_<code>}. */
    public String name() {
        return name;
    }

    /** Returns {@code true} for the registered types 1–12. */
    public boolean isKnown() {
        return code >= 1 && code <= KNOWN.size();
    }

    /** Returns {@code true} for ADDKE1..ADDKE7 (types 6–12, RFC 9370). */
    public boolean isAdditionalKeyExchange() {
        return code >= ADDKE1.code && code <= ADDKE7.code;
    }

    /**
     * Returns the RFC 9370 index (1–7) of an Additional Key Exchange type.
     *
     * @throws IllegalStateException if this is not an Additional Key Exchange type
     */
    public int additionalKeyExchangeIndex() {
        if (!isAdditionalKeyExchange()) {
            throw new IllegalStateException(this + " is not an additional key exchange type");
        }
        return code - ADDKE1.code + 1;
    }

    @Override
    public int compareTo(TransformType other) {
        return Integer.compare(code, other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformType && ((TransformType) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** Returns {@code NAME(code)}, for example {@code ENCR(1)}. */
    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
