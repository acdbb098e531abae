package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.Requirement.MAY;
import static io.ipsec4j.model.algorithm.Requirement.MUST;
import static io.ipsec4j.model.algorithm.Requirement.MUST_MINUS;
import static io.ipsec4j.model.algorithm.Requirement.MUST_NOT;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD;
import static io.ipsec4j.model.algorithm.Requirement.UNSPECIFIED;

import java.util.List;

/**
 * An IKEv2 Integrity Algorithm transform (Transform Type 3): the MAC that protects a non-AEAD IKE
 * or ESP SA.
 *
 * <p>Most integrity transforms truncate their MAC: HMAC-SHA2-256-128 keeps 16 of 32 bytes
 * (RFC 4868), HMAC-SHA1-96 12 of 20 (RFC 2404). {@link #keyLengthBytes()} is the key taken from the
 * keying material, {@link #icvLengthBytes()} the truncated output on the wire. With an AEAD cipher no
 * integrity transform is negotiated (or NONE, RFC 7296 §3.3). {@link #matchingPrf()} is the PRF built
 * from the same primitive, which strongSwan adds to an IKE proposal that names no PRF.
 *
 * <p>Requirement levels: ESP from RFC 8221 §6, IKEv2 from RFC 8247 §3.3. RFC 8221 gives NONE as
 * "MUST / MUST NOT" (MUST with AEAD, MUST NOT otherwise; the proposals here only allow it with AEAD,
 * so MUST is recorded) and AES-XCBC-96 as "SHOULD / MAY" (SHOULD for IoT; MAY is recorded).
 * The DES-MAC and KPDK-MD5 sizes are not defined by any current RFC and are 0.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8221#section-6">RFC 8221 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8247#section-3.3">RFC 8247 §3.3</a>
 */
public final class IntegrityAlgorithm extends Algorithm {

    /** NONE (0): no integrity transform, only valid with an AEAD cipher (RFC 7296 §3.3). */
    public static final IntegrityAlgorithm NONE =
            new IntegrityAlgorithm(0, "NONE", "NONE", MUST, UNSPECIFIED, 0, 0, null, null);
    /** AUTH_HMAC_MD5_96 (1), RFC 2403. */
    public static final IntegrityAlgorithm HMAC_MD5_96 = new IntegrityAlgorithm(1, "HMAC_MD5_96",
            "AUTH_HMAC_MD5_96", MUST_NOT, MUST_NOT, 16, 12, "HmacMD5", PrfAlgorithm.HMAC_MD5);
    /** AUTH_HMAC_SHA1_96 (2), RFC 2404. */
    public static final IntegrityAlgorithm HMAC_SHA1_96 = new IntegrityAlgorithm(2, "HMAC_SHA1_96",
            "AUTH_HMAC_SHA1_96", MUST_MINUS, MUST_MINUS, 20, 12, "HmacSHA1", PrfAlgorithm.HMAC_SHA1);
    /** AUTH_DES_MAC (3): no current specification; sizes unknown. */
    public static final IntegrityAlgorithm DES_MAC = new IntegrityAlgorithm(
            3, "DES_MAC", "AUTH_DES_MAC", MUST_NOT, MUST_NOT, 0, 0, null, null);
    /** AUTH_KPDK_MD5 (4), RFC 1826 keyed MD5: sizes unknown. */
    public static final IntegrityAlgorithm KPDK_MD5 = new IntegrityAlgorithm(
            4, "KPDK_MD5", "AUTH_KPDK_MD5", MUST_NOT, MUST_NOT, 0, 0, null, null);
    /** AUTH_AES_XCBC_96 (5), RFC 3566. */
    public static final IntegrityAlgorithm AES_XCBC_96 = new IntegrityAlgorithm(5, "AES_XCBC_96",
            "AUTH_AES_XCBC_96", MAY, SHOULD, 16, 12, null, PrfAlgorithm.AES128_XCBC);
    /** AUTH_HMAC_MD5_128 (6), RFC 4595 (Fibre Channel). */
    public static final IntegrityAlgorithm HMAC_MD5_128 = new IntegrityAlgorithm(6, "HMAC_MD5_128",
            "AUTH_HMAC_MD5_128", UNSPECIFIED, UNSPECIFIED, 16, 16, "HmacMD5", PrfAlgorithm.HMAC_MD5);
    /** AUTH_HMAC_SHA1_160 (7), RFC 4595 (Fibre Channel). */
    public static final IntegrityAlgorithm HMAC_SHA1_160 = new IntegrityAlgorithm(7, "HMAC_SHA1_160",
            "AUTH_HMAC_SHA1_160", UNSPECIFIED, UNSPECIFIED, 20, 20, "HmacSHA1", PrfAlgorithm.HMAC_SHA1);
    /** AUTH_AES_CMAC_96 (8), RFC 4494. */
    public static final IntegrityAlgorithm AES_CMAC_96 = new IntegrityAlgorithm(8, "AES_CMAC_96",
            "AUTH_AES_CMAC_96", UNSPECIFIED, UNSPECIFIED, 16, 12, null, PrfAlgorithm.AES128_CMAC);
    /** AUTH_AES_128_GMAC (9), RFC 4543: 16-byte key plus 4-byte salt. */
    public static final IntegrityAlgorithm AES_128_GMAC = new IntegrityAlgorithm(
            9, "AES_128_GMAC", "AUTH_AES_128_GMAC", MAY, UNSPECIFIED, 16, 16, null, null);
    /** AUTH_AES_192_GMAC (10), RFC 4543: 24-byte key plus 4-byte salt. */
    public static final IntegrityAlgorithm AES_192_GMAC = new IntegrityAlgorithm(
            10, "AES_192_GMAC", "AUTH_AES_192_GMAC", UNSPECIFIED, UNSPECIFIED, 24, 16, null, null);
    /** AUTH_AES_256_GMAC (11), RFC 4543: 32-byte key plus 4-byte salt. */
    public static final IntegrityAlgorithm AES_256_GMAC = new IntegrityAlgorithm(
            11, "AES_256_GMAC", "AUTH_AES_256_GMAC", MAY, UNSPECIFIED, 32, 16, null, null);
    /** AUTH_HMAC_SHA2_256_128 (12), RFC 4868. */
    public static final IntegrityAlgorithm HMAC_SHA2_256_128 = new IntegrityAlgorithm(12,
            "HMAC_SHA2_256_128", "AUTH_HMAC_SHA2_256_128", MUST, MUST, 32, 16, "HmacSHA256",
            PrfAlgorithm.HMAC_SHA2_256);
    /** AUTH_HMAC_SHA2_384_192 (13), RFC 4868. */
    public static final IntegrityAlgorithm HMAC_SHA2_384_192 = new IntegrityAlgorithm(13,
            "HMAC_SHA2_384_192", "AUTH_HMAC_SHA2_384_192", UNSPECIFIED, UNSPECIFIED, 48, 24,
            "HmacSHA384", PrfAlgorithm.HMAC_SHA2_384);
    /** AUTH_HMAC_SHA2_512_256 (14), RFC 4868. */
    public static final IntegrityAlgorithm HMAC_SHA2_512_256 = new IntegrityAlgorithm(14,
            "HMAC_SHA2_512_256", "AUTH_HMAC_SHA2_512_256", SHOULD, SHOULD, 64, 32, "HmacSHA512",
            PrfAlgorithm.HMAC_SHA2_512);

    private static final List<IntegrityAlgorithm> KNOWN = List.of(NONE, HMAC_MD5_96, HMAC_SHA1_96,
            DES_MAC, KPDK_MD5, AES_XCBC_96, HMAC_MD5_128, HMAC_SHA1_160, AES_CMAC_96, AES_128_GMAC,
            AES_192_GMAC, AES_256_GMAC, HMAC_SHA2_256_128, HMAC_SHA2_384_192, HMAC_SHA2_512_256);

    /** GMAC takes a 4-byte salt after its key (RFC 4543 §7). */
    private static final int GMAC_SALT_BYTES = 4;

    private final int keyLengthBytes;
    private final int icvLengthBytes;
    private final String jcaMacName;
    private final PrfAlgorithm matchingPrf;

    private IntegrityAlgorithm(int id, String name, String ianaName, Requirement esp, Requirement ike,
            int keyLengthBytes, int icvLengthBytes, String jcaMacName, PrfAlgorithm matchingPrf) {
        super(id, name, ianaName, esp, ike);
        this.keyLengthBytes = keyLengthBytes;
        this.icvLengthBytes = icvLengthBytes;
        this.jcaMacName = jcaMacName;
        this.matchingPrf = matchingPrf;
    }

    private IntegrityAlgorithm(int id) {
        super(id);
        this.keyLengthBytes = 0;
        this.icvLengthBytes = 0;
        this.jcaMacName = null;
        this.matchingPrf = null;
    }

    /**
     * Returns the constant for {@code id}, or a new unknown instance that keeps the id.
     *
     * @throws IllegalArgumentException if {@code id} is not 0–65535
     */
    public static IntegrityAlgorithm valueOf(int id) {
        if (id >= 0 && id < KNOWN.size()) {
            return KNOWN.get(id);
        }
        return new IntegrityAlgorithm(id);
    }

    /** Returns the registered constants, in id order (NONE first). */
    public static List<IntegrityAlgorithm> knownValues() {
        return KNOWN;
    }

    @Override
    public TransformType transformType() {
        return TransformType.INTEG;
    }

    /** Returns the MAC key length in bytes (RFC 7296 §2.13: the KEYMAT share); 0 for NONE or unknown sizes. */
    public int keyLengthBytes() {
        return keyLengthBytes;
    }

    /** Returns the salt that follows the key in the keying material: 4 for the GMAC transforms, else 0. */
    public int saltLengthBytes() {
        return isGmac() ? GMAC_SALT_BYTES : 0;
    }

    /** Returns the keying material this transform consumes: key plus salt. */
    public int keyMaterialLengthBytes() {
        return keyLengthBytes + saltLengthBytes();
    }

    /** Returns the (truncated) ICV length on the wire in bytes; 0 for NONE or unknown sizes. */
    public int icvLengthBytes() {
        return icvLengthBytes;
    }

    /** Returns the JCA {@code Mac} name for the HMAC transforms ({@code "HmacSHA256"}), else {@code null}. */
    public String jcaMacName() {
        return jcaMacName;
    }

    /**
     * Returns the PRF built from the same primitive (HMAC_SHA2_256_128 → HMAC_SHA2_256, AES_XCBC_96 →
     * AES128_XCBC), or {@code null} when there is none (NONE, DES-MAC, KPDK, GMAC, unknown).
     */
    public PrfAlgorithm matchingPrf() {
        return matchingPrf;
    }

    private boolean isGmac() {
        return isKnown() && id() >= AES_128_GMAC.id() && id() <= AES_256_GMAC.id();
    }
}
