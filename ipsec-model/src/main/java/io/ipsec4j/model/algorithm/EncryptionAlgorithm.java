package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.Requirement.MAY;
import static io.ipsec4j.model.algorithm.Requirement.MUST;
import static io.ipsec4j.model.algorithm.Requirement.MUST_NOT;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD_NOT;
import static io.ipsec4j.model.algorithm.Requirement.UNSPECIFIED;

import java.util.List;

/**
 * An IKEv2 Encryption Algorithm transform (Transform Type 1), with the sizes the ESP engine and the
 * key schedule need.
 *
 * <p>Encryption transforms are either a plain cipher that must be paired with an
 * {@link IntegrityAlgorithm} (CBC, CTR, NULL) or an AEAD algorithm (GCM, CCM, ChaCha20-Poly1305 and
 * the integrity-only GMAC) that must not be. Variable-key-length ciphers are sent with a Key Length
 * attribute (RFC 7296 §3.3.5); see {@link #hasVariableKeyLength()}. Counter-based modes take a salt
 * ("nonce") from the end of their keying material (RFC 3686, 4106, 4309, 4543, 7634), so the KEYMAT
 * they consume is longer than the key ({@link #keyMaterialLengthBytes(int)}). For an unknown id the
 * sizes are 0 and the key size list is empty; it is treated as a non-AEAD cipher.
 *
 * <p>Requirement levels: ESP from RFC 8221 §5, IKEv2 from RFC 8247 §3.1. RFC 8247's table lists
 * ENCR_3DES as MAY (its prose says "downgraded ... to SHOULD NOT"); the table is followed here.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8221#section-5">RFC 8221 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8247#section-3.1">RFC 8247 §3.1</a>
 */
public final class EncryptionAlgorithm extends Algorithm {

    private static final List<Integer> THREE_SIZES = List.of(128, 192, 256);

    /** ENCR_DES (2), RFC 2405: single DES-CBC, 56-bit key in 64 bits with parity. */
    public static final EncryptionAlgorithm DES =
            block(2, "DES", "ENCR_DES", MUST_NOT, MUST_NOT, List.of(64), false, 8);
    /** ENCR_3DES (3), RFC 2451: triple DES-CBC (EDE, three keys). */
    public static final EncryptionAlgorithm TRIPLE_DES =
            block(3, "TRIPLE_DES", "ENCR_3DES", SHOULD_NOT, MAY, List.of(192), false, 8);
    /** ENCR_CAST (6), RFC 2451: CAST-128 in CBC mode. */
    public static final EncryptionAlgorithm CAST =
            block(6, "CAST", "ENCR_CAST", UNSPECIFIED, UNSPECIFIED, List.of(128), false, 8);
    /** ENCR_BLOWFISH (7), RFC 2451: Blowfish-CBC with a Key Length attribute. */
    public static final EncryptionAlgorithm BLOWFISH =
            block(7, "BLOWFISH", "ENCR_BLOWFISH", MUST_NOT, UNSPECIFIED, THREE_SIZES, true, 8);
    /** ENCR_NULL (11), RFC 2410: no confidentiality; ESP only (RFC 7296 §3.3.2 forbids it in IKE). */
    public static final EncryptionAlgorithm NULL = new EncryptionAlgorithm(
            11, "NULL", "ENCR_NULL", MUST, UNSPECIFIED, List.of(0), false, false, false, 0, 0, 0, 1);
    /** ENCR_AES_CBC (12), RFC 3602 (ESP), RFC 7296 (IKE). */
    public static final EncryptionAlgorithm AES_CBC =
            block(12, "AES_CBC", "ENCR_AES_CBC", MUST, MUST, THREE_SIZES, true, 16);
    /** ENCR_AES_CTR (13), RFC 3686 (ESP), RFC 5930 (IKE): 4-byte nonce after the key. */
    public static final EncryptionAlgorithm AES_CTR =
            ctr(13, "AES_CTR", "ENCR_AES_CTR", UNSPECIFIED, UNSPECIFIED);
    /** ENCR_AES_CCM_8 (14), RFC 4309 (ESP), RFC 5282 (IKE): 8-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm AES_CCM_8 =
            aead(14, "AES_CCM_8", "ENCR_AES_CCM_8", SHOULD, SHOULD, THREE_SIZES, true, 8, 3);
    /** ENCR_AES_CCM_12 (15), RFC 4309, RFC 5282: 12-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm AES_CCM_12 =
            aead(15, "AES_CCM_12", "ENCR_AES_CCM_12", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 12, 3);
    /** ENCR_AES_CCM_16 (16), RFC 4309, RFC 5282: 16-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm AES_CCM_16 =
            aead(16, "AES_CCM_16", "ENCR_AES_CCM_16", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 16, 3);
    /** ENCR_AES_GCM_8 (18), RFC 4106 (ESP), RFC 5282 (IKE): 8-byte ICV, 4-byte salt. */
    public static final EncryptionAlgorithm AES_GCM_8 =
            aead(18, "AES_GCM_8", "ENCR_AES_GCM_8", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 8, 4);
    /** ENCR_AES_GCM_12 (19), RFC 4106, RFC 5282: 12-byte ICV, 4-byte salt. */
    public static final EncryptionAlgorithm AES_GCM_12 =
            aead(19, "AES_GCM_12", "ENCR_AES_GCM_12", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 12, 4);
    /** ENCR_AES_GCM_16 (20), RFC 4106, RFC 5282: 16-byte ICV, 4-byte salt. */
    public static final EncryptionAlgorithm AES_GCM_16 =
            aead(20, "AES_GCM_16", "ENCR_AES_GCM_16", MUST, SHOULD, THREE_SIZES, true, 16, 4);
    /** ENCR_NULL_AUTH_AES_GMAC (21), RFC 4543: integrity only, no confidentiality; ESP only. */
    public static final EncryptionAlgorithm NULL_AUTH_AES_GMAC = new EncryptionAlgorithm(21,
            "NULL_AUTH_AES_GMAC", "ENCR_NULL_AUTH_AES_GMAC", UNSPECIFIED, UNSPECIFIED, THREE_SIZES,
            true, true, false, 16, 8, 4, 1);
    /** ENCR_CAMELLIA_CBC (23), RFC 5529. */
    public static final EncryptionAlgorithm CAMELLIA_CBC =
            block(23, "CAMELLIA_CBC", "ENCR_CAMELLIA_CBC", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 16);
    /** ENCR_CAMELLIA_CTR (24), RFC 5529: 4-byte nonce after the key. */
    public static final EncryptionAlgorithm CAMELLIA_CTR =
            ctr(24, "CAMELLIA_CTR", "ENCR_CAMELLIA_CTR", UNSPECIFIED, UNSPECIFIED);
    /** ENCR_CAMELLIA_CCM_8 (25), RFC 5529: 8-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm CAMELLIA_CCM_8 = aead(25, "CAMELLIA_CCM_8",
            "ENCR_CAMELLIA_CCM_8", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 8, 3);
    /** ENCR_CAMELLIA_CCM_12 (26), RFC 5529: 12-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm CAMELLIA_CCM_12 = aead(26, "CAMELLIA_CCM_12",
            "ENCR_CAMELLIA_CCM_12", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 12, 3);
    /** ENCR_CAMELLIA_CCM_16 (27), RFC 5529: 16-byte ICV, 3-byte salt. */
    public static final EncryptionAlgorithm CAMELLIA_CCM_16 = aead(27, "CAMELLIA_CCM_16",
            "ENCR_CAMELLIA_CCM_16", UNSPECIFIED, UNSPECIFIED, THREE_SIZES, true, 16, 3);
    /** ENCR_CHACHA20_POLY1305 (28), RFC 7634: fixed 256-bit key (no Key Length attribute), 4-byte salt. */
    public static final EncryptionAlgorithm CHACHA20_POLY1305 = aead(28, "CHACHA20_POLY1305",
            "ENCR_CHACHA20_POLY1305", SHOULD, SHOULD, List.of(256), false, 16, 4);

    private static final List<EncryptionAlgorithm> KNOWN = List.of(DES, TRIPLE_DES, CAST, BLOWFISH,
            NULL, AES_CBC, AES_CTR, AES_CCM_8, AES_CCM_12, AES_CCM_16, AES_GCM_8, AES_GCM_12, AES_GCM_16,
            NULL_AUTH_AES_GMAC, CAMELLIA_CBC, CAMELLIA_CTR, CAMELLIA_CCM_8, CAMELLIA_CCM_12,
            CAMELLIA_CCM_16, CHACHA20_POLY1305);

    private final List<Integer> keySizesBits;
    private final boolean variableKeyLength;
    private final boolean aead;
    private final boolean confidentiality;
    private final int icvLengthBytes;
    private final int ivLengthBytes;
    private final int saltLengthBytes;
    private final int blockSizeBytes;

    private EncryptionAlgorithm(int id, String name, String ianaName, Requirement esp, Requirement ike,
            List<Integer> keySizesBits, boolean variableKeyLength, boolean aead, boolean confidentiality,
            int icvLengthBytes, int ivLengthBytes, int saltLengthBytes, int blockSizeBytes) {
        super(id, name, ianaName, esp, ike);
        this.keySizesBits = keySizesBits;
        this.variableKeyLength = variableKeyLength;
        this.aead = aead;
        this.confidentiality = confidentiality;
        this.icvLengthBytes = icvLengthBytes;
        this.ivLengthBytes = ivLengthBytes;
        this.saltLengthBytes = saltLengthBytes;
        this.blockSizeBytes = blockSizeBytes;
    }

    private EncryptionAlgorithm(int id) {
        super(id);
        this.keySizesBits = List.of();
        this.variableKeyLength = true;
        this.aead = false;
        this.confidentiality = true;
        this.icvLengthBytes = 0;
        this.ivLengthBytes = 0;
        this.saltLengthBytes = 0;
        this.blockSizeBytes = 1;
    }

    /** A CBC block cipher: IV = block, no salt, not AEAD. */
    private static EncryptionAlgorithm block(int id, String name, String iana, Requirement esp,
            Requirement ike, List<Integer> keys, boolean variable, int blockSize) {
        return new EncryptionAlgorithm(id, name, iana, esp, ike, keys, variable, false, true, 0,
                blockSize, 0, blockSize);
    }

    /** A counter mode (RFC 3686 / RFC 5529): 8-byte IV, 4-byte nonce, stream (block 1). */
    private static EncryptionAlgorithm ctr(int id, String name, String iana, Requirement esp,
            Requirement ike) {
        return new EncryptionAlgorithm(id, name, iana, esp, ike, THREE_SIZES, true, false, true, 0, 8,
                4, 1);
    }

    /** An AEAD mode with confidentiality: 8-byte IV, stream (block 1). */
    private static EncryptionAlgorithm aead(int id, String name, String iana, Requirement esp,
            Requirement ike, List<Integer> keys, boolean variable, int icv, int salt) {
        return new EncryptionAlgorithm(id, name, iana, esp, ike, keys, variable, true, true, icv, 8, salt,
                1);
    }

    /**
     * Returns the constant for {@code id}, or a new unknown instance that keeps the id.
     *
     * @throws IllegalArgumentException if {@code id} is not 0–65535
     */
    public static EncryptionAlgorithm valueOf(int id) {
        for (EncryptionAlgorithm a : KNOWN) {
            if (a.id() == id) {
                return a;
            }
        }
        return new EncryptionAlgorithm(id);
    }

    /** Returns the registered constants, in id order. */
    public static List<EncryptionAlgorithm> knownValues() {
        return KNOWN;
    }

    @Override
    public TransformType transformType() {
        return TransformType.ENCR;
    }

    /** Returns the allowed key sizes in bits, smallest first ({@code [0]} for NULL; empty if unknown). */
    public List<Integer> keySizesBits() {
        return keySizesBits;
    }

    /**
     * Returns {@code true} when the transform is sent with a Key Length attribute (RFC 7296 §3.3.5):
     * AES and Camellia in every mode, Blowfish and GMAC; {@code false} for fixed-key ciphers (DES, 3DES,
     * CAST, NULL, ChaCha20-Poly1305 per RFC 7634 §4).
     */
    public boolean hasVariableKeyLength() {
        return variableKeyLength;
    }

    /** Returns the key size used when none is given: the smallest allowed (0 if unknown). */
    public int defaultKeySizeBits() {
        return keySizesBits.isEmpty() ? 0 : keySizesBits.get(0);
    }

    /** Returns {@code true} for combined-mode algorithms (GCM, CCM, GMAC, ChaCha20-Poly1305), RFC 5282. */
    public boolean isAead() {
        return aead;
    }

    /** Returns {@code false} for NULL and NULL_AUTH_AES_GMAC, which leave the payload in clear text. */
    public boolean providesConfidentiality() {
        return confidentiality;
    }

    /** Returns the ICV (authentication tag) length of an AEAD algorithm in bytes, 0 otherwise. */
    public int icvLengthBytes() {
        return icvLengthBytes;
    }

    /** Returns the length of the IV carried in each packet: the block for CBC, 8 for CTR/AEAD, 0 for NULL. */
    public int ivLengthBytes() {
        return ivLengthBytes;
    }

    /** Returns the salt (nonce) taken from the end of the keying material: 4 for GCM/GMAC/CTR/ChaCha, 3 for CCM. */
    public int saltLengthBytes() {
        return saltLengthBytes;
    }

    /**
     * Returns the padding alignment of the cipher: 16 for AES/Camellia-CBC, 8 for DES/3DES/CAST/Blowfish,
     * 1 for stream and AEAD modes (ESP then still aligns the trailer to 4 bytes, RFC 4303 §2.4).
     */
    public int blockSizeBytes() {
        return blockSizeBytes;
    }

    /**
     * Returns the keying material this transform takes from KEYMAT or SKEYSEED output: the key plus the
     * salt (RFC 7296 §2.17, RFC 4106 §8.1, RFC 4309 §7.1, RFC 3686 §5.1).
     *
     * A key size that is not a whole number of bytes is rounded up.
     *
     * @throws IllegalArgumentException if {@code keyBits} is negative
     */
    public int keyMaterialLengthBytes(int keyBits) {
        if (keyBits < 0) {
            throw new IllegalArgumentException("key size: " + keyBits + " bits (expected: >= 0)");
        }
        return (keyBits + 7) / 8 + saltLengthBytes;
    }
}
