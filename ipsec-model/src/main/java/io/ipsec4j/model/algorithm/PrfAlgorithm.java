package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.Requirement.MUST;
import static io.ipsec4j.model.algorithm.Requirement.MUST_MINUS;
import static io.ipsec4j.model.algorithm.Requirement.MUST_NOT;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD;
import static io.ipsec4j.model.algorithm.Requirement.SHOULD_PLUS;
import static io.ipsec4j.model.algorithm.Requirement.UNSPECIFIED;

import java.util.List;

/**
 * An IKEv2 Pseudorandom Function transform (Transform Type 2).
 *
 * <p>The PRF drives the whole IKEv2 key schedule: SKEYSEED = prf(Ni | Nr, g^ir) and the prf+
 * expansion into SK_d, SK_a, SK_e, SK_p and the Child SA KEYMAT (RFC 7296 §2.13–2.14, §2.17). HMAC
 * PRFs take keys of any length and prefer one as long as their output; AES-XCBC-PRF-128 and
 * AES-CMAC-PRF-128 take a fixed 128-bit key, which is why RFC 7296 §2.14 feeds them only the first
 * 8 bytes of each nonce ({@link #hasFixedKeyLength()}). PRFs exist only in IKE SAs, so every
 * {@link #espStatus()} is UNSPECIFIED; {@link #ikeStatus()} follows RFC 8247 §3.2.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8247#section-3.2">RFC 8247 §3.2</a>
 */
public final class PrfAlgorithm extends Algorithm {

    /** PRF_HMAC_MD5 (1), RFC 2104. */
    public static final PrfAlgorithm HMAC_MD5 =
            new PrfAlgorithm(1, "HMAC_MD5", "PRF_HMAC_MD5", MUST_NOT, 16, 16, false, "HmacMD5");
    /** PRF_HMAC_SHA1 (2), RFC 2104. */
    public static final PrfAlgorithm HMAC_SHA1 =
            new PrfAlgorithm(2, "HMAC_SHA1", "PRF_HMAC_SHA1", MUST_MINUS, 20, 20, false, "HmacSHA1");
    /** PRF_HMAC_TIGER (3), RFC 2104 with the Tiger hash (no JCA name). */
    public static final PrfAlgorithm HMAC_TIGER =
            new PrfAlgorithm(3, "HMAC_TIGER", "PRF_HMAC_TIGER", UNSPECIFIED, 24, 24, false, null);
    /** PRF_AES128_XCBC (4), RFC 4434: fixed 128-bit key. */
    public static final PrfAlgorithm AES128_XCBC =
            new PrfAlgorithm(4, "AES128_XCBC", "PRF_AES128_XCBC", SHOULD, 16, 16, true, null);
    /** PRF_HMAC_SHA2_256 (5), RFC 4868. */
    public static final PrfAlgorithm HMAC_SHA2_256 = new PrfAlgorithm(
            5, "HMAC_SHA2_256", "PRF_HMAC_SHA2_256", MUST, 32, 32, false, "HmacSHA256");
    /** PRF_HMAC_SHA2_384 (6), RFC 4868. */
    public static final PrfAlgorithm HMAC_SHA2_384 = new PrfAlgorithm(
            6, "HMAC_SHA2_384", "PRF_HMAC_SHA2_384", UNSPECIFIED, 48, 48, false, "HmacSHA384");
    /** PRF_HMAC_SHA2_512 (7), RFC 4868. */
    public static final PrfAlgorithm HMAC_SHA2_512 = new PrfAlgorithm(
            7, "HMAC_SHA2_512", "PRF_HMAC_SHA2_512", SHOULD_PLUS, 64, 64, false, "HmacSHA512");
    /** PRF_AES128_CMAC (8), RFC 4615: fixed 128-bit key. */
    public static final PrfAlgorithm AES128_CMAC =
            new PrfAlgorithm(8, "AES128_CMAC", "PRF_AES128_CMAC", UNSPECIFIED, 16, 16, true, null);

    private static final List<PrfAlgorithm> KNOWN = List.of(HMAC_MD5, HMAC_SHA1, HMAC_TIGER,
            AES128_XCBC, HMAC_SHA2_256, HMAC_SHA2_384, HMAC_SHA2_512, AES128_CMAC);

    private final int outputLengthBytes;
    private final int preferredKeyLengthBytes;
    private final boolean fixedKeyLength;
    private final String jcaMacName;

    private PrfAlgorithm(int id, String name, String ianaName, Requirement ike, int outputLengthBytes,
            int preferredKeyLengthBytes, boolean fixedKeyLength, String jcaMacName) {
        super(id, name, ianaName, UNSPECIFIED, ike);
        this.outputLengthBytes = outputLengthBytes;
        this.preferredKeyLengthBytes = preferredKeyLengthBytes;
        this.fixedKeyLength = fixedKeyLength;
        this.jcaMacName = jcaMacName;
    }

    private PrfAlgorithm(int id) {
        super(id);
        this.outputLengthBytes = 0;
        this.preferredKeyLengthBytes = 0;
        this.fixedKeyLength = false;
        this.jcaMacName = null;
    }

    /**
     * Returns the constant for {@code id}, or a new unknown instance that keeps the id.
     *
     * @throws IllegalArgumentException if {@code id} is not 0–65535
     */
    public static PrfAlgorithm valueOf(int id) {
        for (PrfAlgorithm a : KNOWN) {
            if (a.id() == id) {
                return a;
            }
        }
        return new PrfAlgorithm(id);
    }

    /** Returns the registered constants, in id order. */
    public static List<PrfAlgorithm> knownValues() {
        return KNOWN;
    }

    @Override
    public TransformType transformType() {
        return TransformType.PRF;
    }

    /** Returns the PRF output length in bytes (0 if unknown). */
    public int outputLengthBytes() {
        return outputLengthBytes;
    }

    /**
     * Returns the preferred key length in bytes (RFC 7296 §2.13): the output length for HMAC, 16 for
     * the AES-based PRFs. SK_d, SK_pi and SK_pr have this length.
     */
    public int preferredKeyLengthBytes() {
        return preferredKeyLengthBytes;
    }

    /**
     * Returns {@code true} for AES128_XCBC and AES128_CMAC, whose key is always 128 bits: RFC 7296
     * §2.14 then builds SKEYSEED's key from the first 8 bytes of Ni and of Nr.
     */
    public boolean hasFixedKeyLength() {
        return fixedKeyLength;
    }

    /** Returns the JCA {@code Mac} name ({@code "HmacSHA256"}), or {@code null} where the JDK has none. */
    public String jcaMacName() {
        return jcaMacName;
    }
}
