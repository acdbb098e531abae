package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.Requirement.MUST;
import static io.ipsec4j.model.algorithm.Requirement.MUST_NOT;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD_NOT;
import static io.ipsec4j.model.algorithm.Requirement.UNSPECIFIED;

import java.util.List;

/**
 * An IKEv2 Key Exchange Method transform (Transform Type 4, formerly "Diffie-Hellman Group"; the
 * same ids are used in the Additional Key Exchange types 6–12 of RFC 9370 and, for 1–30, as the
 * IKEv1 Group Description).
 *
 * <p>{@link #publicValueLengthBytes()} is the length of the Key Exchange Data the initiator sends:
 * the prime length for MODP groups (RFC 7296 §3.4), x‖y for ECP and Brainpool groups (RFC 5903 §7,
 * RFC 6954 §4), the u-coordinate for Curve25519/448 (RFC 8031 §2) and the encapsulation key for
 * ML-KEM; for ML-KEM the responder answers with a ciphertext of a different length
 * ({@link #responderPublicValueLengthBytes()}).
 *
 * <p>{@link #ikeStatus()} follows RFC 8247 §3.4 (groups it does not list are UNSPECIFIED, including
 * Curve25519 and the ML-KEM methods). RFC 8221 has no key exchange table: a PFS group of an ESP SA
 * is negotiated by IKEv2 (CREATE_CHILD_SA), so {@link #espStatus()} returns the same RFC 8247 level.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8247#section-3.4">RFC 8247 §3.4</a>
 * @see <a href="https://www.iana.org/assignments/ikev2-parameters">IANA Transform Type 4 registry</a>
 */
public final class KeyExchangeMethod extends Algorithm {

    /** The family of a key exchange method. */
    public enum Kind {
        /** NONE (0): no key exchange. */
        NONE,
        /** Finite-field Diffie-Hellman (RFC 2409, RFC 3526, RFC 5114). */
        MODP,
        /** Elliptic curve Diffie-Hellman over NIST prime curves (RFC 5903, RFC 5114). */
        ECP,
        /** Elliptic curve Diffie-Hellman over Brainpool curves (RFC 6954). */
        BRAINPOOL,
        /** X25519 / X448 (RFC 8031). */
        MONTGOMERY,
        /** ML-KEM (FIPS 203), a key encapsulation mechanism (draft-ietf-ipsecme-ikev2-mlkem). */
        ML_KEM
    }

    /** NONE (0), RFC 7296: no key exchange (optional PFS, or an optional additional key exchange). */
    public static final KeyExchangeMethod NONE = of(0, "NONE", "NONE", Kind.NONE, 0, 0, UNSPECIFIED);
    /** 768-bit MODP Group (1), RFC 2409 §6.1. */
    public static final KeyExchangeMethod MODP_768 =
            of(1, "MODP_768", "768-bit MODP Group", Kind.MODP, 96, 60, MUST_NOT);
    /** 1024-bit MODP Group (2), RFC 2409 §6.2. */
    public static final KeyExchangeMethod MODP_1024 =
            of(2, "MODP_1024", "1024-bit MODP Group", Kind.MODP, 128, 80, SHOULD_NOT);
    /** 1536-bit MODP Group (5), RFC 3526 §2. */
    public static final KeyExchangeMethod MODP_1536 =
            of(5, "MODP_1536", "1536-bit MODP Group", Kind.MODP, 192, 96, SHOULD_NOT);
    /** 2048-bit MODP Group (14), RFC 3526 §3. */
    public static final KeyExchangeMethod MODP_2048 =
            of(14, "MODP_2048", "2048-bit MODP Group", Kind.MODP, 256, 112, MUST);
    /** 3072-bit MODP Group (15), RFC 3526 §4. */
    public static final KeyExchangeMethod MODP_3072 =
            of(15, "MODP_3072", "3072-bit MODP Group", Kind.MODP, 384, 128, UNSPECIFIED);
    /** 4096-bit MODP Group (16), RFC 3526 §5. */
    public static final KeyExchangeMethod MODP_4096 =
            of(16, "MODP_4096", "4096-bit MODP Group", Kind.MODP, 512, 152, UNSPECIFIED);
    /** 6144-bit MODP Group (17), RFC 3526 §6. */
    public static final KeyExchangeMethod MODP_6144 =
            of(17, "MODP_6144", "6144-bit MODP Group", Kind.MODP, 768, 176, UNSPECIFIED);
    /** 8192-bit MODP Group (18), RFC 3526 §7. */
    public static final KeyExchangeMethod MODP_8192 =
            of(18, "MODP_8192", "8192-bit MODP Group", Kind.MODP, 1024, 200, UNSPECIFIED);
    /** 256-bit random ECP group (19), RFC 5903 §3.1 (NIST P-256). */
    public static final KeyExchangeMethod ECP_256 =
            of(19, "ECP_256", "256-bit random ECP group", Kind.ECP, 64, 128, SHOULD);
    /** 384-bit random ECP group (20), RFC 5903 §3.2 (NIST P-384). */
    public static final KeyExchangeMethod ECP_384 =
            of(20, "ECP_384", "384-bit random ECP group", Kind.ECP, 96, 192, UNSPECIFIED);
    /** 521-bit random ECP group (21), RFC 5903 §3.3 (NIST P-521). */
    public static final KeyExchangeMethod ECP_521 =
            of(21, "ECP_521", "521-bit random ECP group", Kind.ECP, 132, 256, UNSPECIFIED);
    /** 1024-bit MODP Group with 160-bit Prime Order Subgroup (22), RFC 5114 §2.1. */
    public static final KeyExchangeMethod MODP_1024_S160 = of(22, "MODP_1024_S160",
            "1024-bit MODP Group with 160-bit Prime Order Subgroup", Kind.MODP, 128, 80, SHOULD_NOT);
    /** 2048-bit MODP Group with 224-bit Prime Order Subgroup (23), RFC 5114 §2.2. */
    public static final KeyExchangeMethod MODP_2048_S224 = of(23, "MODP_2048_S224",
            "2048-bit MODP Group with 224-bit Prime Order Subgroup", Kind.MODP, 256, 112, SHOULD_NOT);
    /** 2048-bit MODP Group with 256-bit Prime Order Subgroup (24), RFC 5114 §2.3. */
    public static final KeyExchangeMethod MODP_2048_S256 = of(24, "MODP_2048_S256",
            "2048-bit MODP Group with 256-bit Prime Order Subgroup", Kind.MODP, 256, 112, SHOULD_NOT);
    /** 192-bit Random ECP Group (25), RFC 5114 §2.4 (NIST P-192). */
    public static final KeyExchangeMethod ECP_192 =
            of(25, "ECP_192", "192-bit Random ECP Group", Kind.ECP, 48, 96, UNSPECIFIED);
    /** 224-bit Random ECP Group (26), RFC 5114 §2.5 (NIST P-224). */
    public static final KeyExchangeMethod ECP_224 =
            of(26, "ECP_224", "224-bit Random ECP Group", Kind.ECP, 56, 112, UNSPECIFIED);
    /** brainpoolP224r1 (27), RFC 6954. */
    public static final KeyExchangeMethod BRAINPOOL_P224R1 =
            of(27, "BRAINPOOL_P224R1", "brainpoolP224r1", Kind.BRAINPOOL, 56, 112, UNSPECIFIED);
    /** brainpoolP256r1 (28), RFC 6954. */
    public static final KeyExchangeMethod BRAINPOOL_P256R1 =
            of(28, "BRAINPOOL_P256R1", "brainpoolP256r1", Kind.BRAINPOOL, 64, 128, UNSPECIFIED);
    /** brainpoolP384r1 (29), RFC 6954. */
    public static final KeyExchangeMethod BRAINPOOL_P384R1 =
            of(29, "BRAINPOOL_P384R1", "brainpoolP384r1", Kind.BRAINPOOL, 96, 192, UNSPECIFIED);
    /** brainpoolP512r1 (30), RFC 6954. */
    public static final KeyExchangeMethod BRAINPOOL_P512R1 =
            of(30, "BRAINPOOL_P512R1", "brainpoolP512r1", Kind.BRAINPOOL, 128, 256, UNSPECIFIED);
    /** Curve25519 (31), RFC 8031: X25519. */
    public static final KeyExchangeMethod CURVE25519 =
            of(31, "CURVE25519", "Curve25519", Kind.MONTGOMERY, 32, 128, UNSPECIFIED);
    /** Curve448 (32), RFC 8031: X448. */
    public static final KeyExchangeMethod CURVE448 =
            of(32, "CURVE448", "Curve448", Kind.MONTGOMERY, 56, 224, UNSPECIFIED);
    /** ml-kem-512 (35), draft-ietf-ipsecme-ikev2-mlkem: 800-byte encapsulation key, 768-byte ciphertext. */
    public static final KeyExchangeMethod ML_KEM_512 =
            kem(35, "ML_KEM_512", "ml-kem-512", 800, 768, 128);
    /** ml-kem-768 (36), draft-ietf-ipsecme-ikev2-mlkem: 1184-byte encapsulation key, 1088-byte ciphertext. */
    public static final KeyExchangeMethod ML_KEM_768 =
            kem(36, "ML_KEM_768", "ml-kem-768", 1184, 1088, 192);
    /** ml-kem-1024 (37), draft-ietf-ipsecme-ikev2-mlkem: 1568-byte encapsulation key and ciphertext. */
    public static final KeyExchangeMethod ML_KEM_1024 =
            kem(37, "ML_KEM_1024", "ml-kem-1024", 1568, 1568, 256);

    private static final List<KeyExchangeMethod> KNOWN = List.of(NONE, MODP_768, MODP_1024, MODP_1536,
            MODP_2048, MODP_3072, MODP_4096, MODP_6144, MODP_8192, ECP_256, ECP_384, ECP_521,
            MODP_1024_S160, MODP_2048_S224, MODP_2048_S256, ECP_192, ECP_224, BRAINPOOL_P224R1,
            BRAINPOOL_P256R1, BRAINPOOL_P384R1, BRAINPOOL_P512R1, CURVE25519, CURVE448, ML_KEM_512,
            ML_KEM_768, ML_KEM_1024);

    private final Kind kind;
    private final int publicValueLengthBytes;
    private final int responderPublicValueLengthBytes;
    private final int securityStrengthBits;

    private KeyExchangeMethod(int id, String name, String ianaName, Kind kind, int initiatorLength,
            int responderLength, int strength, Requirement status) {
        // PFS groups are negotiated by IKEv2 as well, so the ESP status is the RFC 8247 one.
        super(id, name, ianaName, status, status);
        this.kind = kind;
        this.publicValueLengthBytes = initiatorLength;
        this.responderPublicValueLengthBytes = responderLength;
        this.securityStrengthBits = strength;
    }

    private KeyExchangeMethod(int id) {
        super(id);
        this.kind = null;
        this.publicValueLengthBytes = 0;
        this.responderPublicValueLengthBytes = 0;
        this.securityStrengthBits = 0;
    }

    private static KeyExchangeMethod of(int id, String name, String iana, Kind kind, int length,
            int strength, Requirement status) {
        return new KeyExchangeMethod(id, name, iana, kind, length, length, strength, status);
    }

    private static KeyExchangeMethod kem(int id, String name, String iana, int encapsulationKey,
            int ciphertext, int strength) {
        return new KeyExchangeMethod(id, name, iana, Kind.ML_KEM, encapsulationKey, ciphertext, strength,
                UNSPECIFIED);
    }

    /**
     * Returns the constant for {@code id}, or a new unknown instance that keeps the id.
     *
     * @throws IllegalArgumentException if {@code id} is not 0–65535
     */
    public static KeyExchangeMethod valueOf(int id) {
        for (KeyExchangeMethod m : KNOWN) {
            if (m.id() == id) {
                return m;
            }
        }
        return new KeyExchangeMethod(id);
    }

    /** Returns the registered constants, in id order (NONE first). */
    public static List<KeyExchangeMethod> knownValues() {
        return KNOWN;
    }

    @Override
    public TransformType transformType() {
        return TransformType.KE;
    }

    /** Returns the family, or {@code null} for an unknown id. */
    public Kind kind() {
        return kind;
    }

    /** Returns {@code true} for ML-KEM, where the two sides send values of different kinds and lengths. */
    public boolean isKem() {
        return kind == Kind.ML_KEM;
    }

    /** Returns the length of the initiator's Key Exchange Data in bytes (0 for NONE or unknown). */
    public int publicValueLengthBytes() {
        return publicValueLengthBytes;
    }

    /** Returns the length of the responder's Key Exchange Data: the ML-KEM ciphertext, else the same as the initiator's. */
    public int responderPublicValueLengthBytes() {
        return responderPublicValueLengthBytes;
    }

    /**
     * Returns the approximate security strength in bits, after NIST SP 800-57 Part 1 Table 2 (MODP
     * groups between its points interpolated, as RFC 3526 §8 estimates them) and FIPS 203 for ML-KEM
     * (categories 1, 3, 5). Meant for warnings, not for key sizing; 0 for NONE and unknown ids.
     */
    public int securityStrengthBits() {
        return securityStrengthBits;
    }
}
