package io.ipsec4j.model.algorithm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps IKEv1 attribute values to the IKEv2 registry and back.
 *
 * <p>IKEv1 numbers its algorithms in registries of its own: the phase-1 (Oakley) Encryption and Hash
 * Algorithm attributes (RFC 2409 Appendix A), and for phase 2 the IPsec DOI ESP Transform IDs and
 * Authentication Algorithm attribute (RFC 2407 §4.4.4, §4.5, later IANA additions). The numbers
 * differ from IKEv2's: AES-CBC is Oakley 7, ESP_AES 12 and IKEv2 12; NULL_AUTH_AES_GMAC is ESP 23 in
 * IKEv1 but 21 in IKEv2 (21 is ESP_SEED_CBC in IKEv1); ESP_CAMELLIA is 22 in IKEv1, 23 in IKEv2.
 * The Group Description attribute uses the same numbers as IKEv2 Transform Type 4 (IKEv1 also
 * assigns 3, 4 and 6–13 to EC2N groups, which stay unknown {@link KeyExchangeMethod}s).
 *
 * <p>A value without an IKEv2 equivalent (Oakley IDEA, RC5; HMAC-RIPEMD; an unassigned number)
 * maps to an empty optional: the codec keeps the raw attribute value so it re-encodes unchanged.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 Appendix A</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 §4.5</a>
 * @see <a href="https://www.iana.org/assignments/isakmp-registry">IANA ISAKMP and IPsec DOI registries</a>
 */
public final class IkeV1Attributes {

    /** IKEv1 attribute values are 16 bits (basic attributes, RFC 2408 §3.3). */
    static final int MAX_VALUE = 0xFFFF;

    /** Oakley Encryption Algorithm (RFC 2409 App. A) → IKEv2 ENCR id. IDEA (2) and RC5 (4) have none. */
    private static final int[][] PHASE1_ENCRYPTION = {
        {1, 2}, // DES-CBC → ENCR_DES
        {3, 7}, // Blowfish-CBC → ENCR_BLOWFISH
        {5, 3}, // 3DES-CBC → ENCR_3DES
        {6, 6}, // CAST-CBC → ENCR_CAST
        {7, 12}, // AES-CBC (RFC 3602) → ENCR_AES_CBC
        {8, 23}, // Camellia-CBC (RFC 4132) → ENCR_CAMELLIA_CBC
    };

    /** Oakley Hash Algorithm (RFC 2409 App. A, RFC 4868) → IKEv2 PRF id and INTEG id (0 = none). */
    private static final int[][] HASH = {
        {1, 1, 1}, // MD5 → PRF_HMAC_MD5, AUTH_HMAC_MD5_96
        {2, 2, 2}, // SHA → PRF_HMAC_SHA1, AUTH_HMAC_SHA1_96
        {3, 3, 0}, // Tiger → PRF_HMAC_TIGER, no integrity transform
        {4, 5, 12}, // SHA2-256 → PRF_HMAC_SHA2_256, AUTH_HMAC_SHA2_256_128
        {5, 6, 13}, // SHA2-384 → PRF_HMAC_SHA2_384, AUTH_HMAC_SHA2_384_192
        {6, 7, 14}, // SHA2-512 → PRF_HMAC_SHA2_512, AUTH_HMAC_SHA2_512_256
    };

    /** IPsec DOI ESP Transform ID (RFC 2407 §4.4.4, IANA) → IKEv2 ENCR id. */
    private static final int[][] ESP_TRANSFORM = {
        {2, 2}, // ESP_DES
        {3, 3}, // ESP_3DES
        {6, 6}, // ESP_CAST
        {7, 7}, // ESP_BLOWFISH
        {11, 11}, // ESP_NULL
        {12, 12}, // ESP_AES (CBC, RFC 3602)
        {13, 13}, // ESP_AES-CTR (RFC 3686)
        {14, 14}, // ESP_AES-CCM_8 (RFC 4309)
        {15, 15}, // ESP_AES-CCM_12
        {16, 16}, // ESP_AES-CCM_16
        {18, 18}, // ESP_AES-GCM_8 (RFC 4106)
        {19, 19}, // ESP_AES-GCM_12
        {20, 20}, // ESP_AES-GCM_16
        {22, 23}, // ESP_CAMELLIA (RFC 4312) → ENCR_CAMELLIA_CBC
        {23, 21}, // ESP_NULL_AUTH_AES-GMAC (RFC 4543) → ENCR_NULL_AUTH_AES_GMAC
    };

    /** IPsec DOI Authentication Algorithm (RFC 2407 §4.5, RFC 4868, RFC 4543) → IKEv2 INTEG id. */
    private static final int[][] AUTHENTICATION = {
        {1, 1}, // HMAC-MD5 → AUTH_HMAC_MD5_96
        {2, 2}, // HMAC-SHA → AUTH_HMAC_SHA1_96
        {3, 3}, // DES-MAC
        {4, 4}, // KPDK
        {5, 12}, // HMAC-SHA2-256 → AUTH_HMAC_SHA2_256_128
        {6, 13}, // HMAC-SHA2-384 → AUTH_HMAC_SHA2_384_192
        {7, 14}, // HMAC-SHA2-512 → AUTH_HMAC_SHA2_512_256
        {9, 5}, // AES-XCBC-MAC → AUTH_AES_XCBC_96
        {11, 9}, // AES-128-GMAC
        {12, 10}, // AES-192-GMAC
        {13, 11}, // AES-256-GMAC
    };

    private IkeV1Attributes() {}

    static int checkAttributeValue(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException(
                    "IKEv1 attribute value: " + value + " (expected: 0-" + MAX_VALUE + ")");
        }
        return value;
    }

    /** Maps an Oakley Encryption Algorithm value (phase 1) to the IKEv2 algorithm, if there is one. */
    public static Optional<EncryptionAlgorithm> phase1Encryption(int value) {
        return lookup(PHASE1_ENCRYPTION, checkAttributeValue(value), 1).stream()
                .mapToObj(EncryptionAlgorithm::valueOf).findFirst();
    }

    /** Maps an encryption algorithm to its Oakley Encryption Algorithm value, if IKEv1 phase 1 has one. */
    public static OptionalInt phase1EncryptionValue(EncryptionAlgorithm algorithm) {
        return reverse(PHASE1_ENCRYPTION, known(algorithm).id(), 1);
    }

    /** Maps an Oakley Hash Algorithm value (phase 1) to the PRF built on it. */
    public static Optional<PrfAlgorithm> hashToPrf(int value) {
        return lookup(HASH, checkAttributeValue(value), 1).stream()
                .mapToObj(PrfAlgorithm::valueOf).findFirst();
    }

    /** Maps a PRF to its Oakley Hash Algorithm value, if there is one. */
    public static OptionalInt hashValue(PrfAlgorithm prf) {
        return reverse(HASH, known(prf).id(), 1);
    }

    /** Maps an Oakley Hash Algorithm value to the IKEv2 integrity transform of the same hash (Tiger: none). */
    public static Optional<IntegrityAlgorithm> hashToIntegrity(int value) {
        OptionalInt id = lookup(HASH, checkAttributeValue(value), 2);
        return id.isPresent() && id.getAsInt() != 0
                ? Optional.of(IntegrityAlgorithm.valueOf(id.getAsInt())) : Optional.empty();
    }

    /** Maps an integrity transform to the Oakley Hash Algorithm value of its hash (the HMAC truncations only). */
    public static OptionalInt hashValue(IntegrityAlgorithm integrity) {
        int id = known(integrity).id();
        return id == 0 ? OptionalInt.empty() : reverse(HASH, id, 2);
    }

    /** Maps a Group Description value to the key exchange method with the same number (unknown ones kept). */
    public static KeyExchangeMethod groupDescription(int value) {
        return KeyExchangeMethod.valueOf(checkAttributeValue(value));
    }

    /** Maps a key exchange method to its Group Description value (the same number). */
    public static int groupDescriptionValue(KeyExchangeMethod method) {
        return Objects.requireNonNull(method, "method").id();
    }

    /** Maps an IPsec DOI ESP Transform ID (phase 2) to the IKEv2 encryption algorithm, if there is one. */
    public static Optional<EncryptionAlgorithm> espTransform(int transformId) {
        return lookup(ESP_TRANSFORM, checkAttributeValue(transformId), 1).stream()
                .mapToObj(EncryptionAlgorithm::valueOf).findFirst();
    }

    /** Maps an encryption algorithm to its IPsec DOI ESP Transform ID, if IKEv1 has one. */
    public static OptionalInt espTransformId(EncryptionAlgorithm algorithm) {
        return reverse(ESP_TRANSFORM, known(algorithm).id(), 1);
    }

    /** Maps an IPsec DOI Authentication Algorithm value (phase 2) to the IKEv2 integrity transform. */
    public static Optional<IntegrityAlgorithm> authenticationAlgorithm(int value) {
        return lookup(AUTHENTICATION, checkAttributeValue(value), 1).stream()
                .mapToObj(IntegrityAlgorithm::valueOf).findFirst();
    }

    /** Maps an integrity transform to its IPsec DOI Authentication Algorithm value, if IKEv1 has one. */
    public static OptionalInt authenticationAlgorithmValue(IntegrityAlgorithm integrity) {
        return reverse(AUTHENTICATION, known(integrity).id(), 1);
    }

    private static <A extends Algorithm> A known(A algorithm) {
        return Objects.requireNonNull(algorithm, "algorithm");
    }

    private static OptionalInt lookup(int[][] table, int ikeV1, int column) {
        for (int[] row : table) {
            if (row[0] == ikeV1) {
                return OptionalInt.of(row[column]);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt reverse(int[][] table, int ikeV2, int column) {
        for (int[] row : table) {
            if (row[column] == ikeV2) {
                return OptionalInt.of(row[0]);
            }
        }
        return OptionalInt.empty();
    }
}
