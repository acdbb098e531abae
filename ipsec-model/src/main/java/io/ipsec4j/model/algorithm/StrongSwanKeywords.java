package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_12;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_16;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_8;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CTR;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_12;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_8;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.BLOWFISH;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.CAMELLIA_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.CAMELLIA_CCM_12;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.CAMELLIA_CCM_16;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.CAMELLIA_CCM_8;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.CAMELLIA_CTR;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strongSwan proposal keywords ({@code proposal_keywords_static.txt}) and the Harmony SASE
 * subset of them, plus the resolution of one proposal token.
 *
 * <p>Transforms without a strongSwan keyword (unknown ids, and a few registered ones such as the
 * GMAC integrity transforms or PRF_HMAC_TIGER) are written in an ipsec4j extension that strongSwan
 * does not read: {@code encr<id>_<bits>}, {@code integ<id>}, {@code prf<id>}, {@code ke<id>},
 * {@code esn<id>}. It keeps formatting total and round-trippable.
 */
final class StrongSwanKeywords {

    /** The full strongSwan vocabulary. */
    static final VendorNames NAMES = new VendorNames();
    static final NameTable<EsnMode> ESN = new NameTable<>();
    /** Every keyword of every type, mapped to its typed value (keywords are unique across types). */
    static final NameTable<Object> ALL = new NameTable<>();
    /** The Harmony SASE API enums: a subset of the keywords, DH groups as numbers. */
    static final VendorNames HARMONY = new VendorNames();

    private static final Pattern ADDITIONAL_KE = Pattern.compile("ke([1-7])_(.+)");
    private static final Pattern EXTENSION =
            Pattern.compile("(encr|integ|prf|ke|esn)([0-9]{1,6})(?:_([0-9]{1,6}))?");
    private static final List<Integer> SIZES = List.of(128, 192, 256);

    static {
        buildEncryption();
        NAMES.integ(IntegrityAlgorithm.HMAC_MD5_96, "md5")
                .integ(IntegrityAlgorithm.HMAC_MD5_128, "md5_128")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "sha1", "sha")
                .integ(IntegrityAlgorithm.HMAC_SHA1_160, "sha1_160")
                .integ(IntegrityAlgorithm.AES_XCBC_96, "aesxcbc")
                .integ(IntegrityAlgorithm.AES_CMAC_96, "aescmac")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "sha256", "sha2_256")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "sha384", "sha2_384")
                .integ(IntegrityAlgorithm.HMAC_SHA2_512_256, "sha512", "sha2_512");
        NAMES.prf(PrfAlgorithm.HMAC_MD5, "prfmd5")
                .prf(PrfAlgorithm.HMAC_SHA1, "prfsha1")
                .prf(PrfAlgorithm.AES128_XCBC, "prfaesxcbc")
                .prf(PrfAlgorithm.AES128_CMAC, "prfaescmac")
                .prf(PrfAlgorithm.HMAC_SHA2_256, "prfsha256")
                .prf(PrfAlgorithm.HMAC_SHA2_384, "prfsha384")
                .prf(PrfAlgorithm.HMAC_SHA2_512, "prfsha512");
        NAMES.ke(KeyExchangeMethod.NONE, "none")
                .ke(KeyExchangeMethod.MODP_768, "modp768")
                .ke(KeyExchangeMethod.MODP_1024, "modp1024")
                .ke(KeyExchangeMethod.MODP_1536, "modp1536")
                .ke(KeyExchangeMethod.MODP_2048, "modp2048")
                .ke(KeyExchangeMethod.MODP_3072, "modp3072")
                .ke(KeyExchangeMethod.MODP_4096, "modp4096")
                .ke(KeyExchangeMethod.MODP_6144, "modp6144")
                .ke(KeyExchangeMethod.MODP_8192, "modp8192")
                .ke(KeyExchangeMethod.MODP_1024_S160, "modp1024s160")
                .ke(KeyExchangeMethod.MODP_2048_S224, "modp2048s224")
                .ke(KeyExchangeMethod.MODP_2048_S256, "modp2048s256")
                .ke(KeyExchangeMethod.ECP_256, "ecp256")
                .ke(KeyExchangeMethod.ECP_384, "ecp384")
                .ke(KeyExchangeMethod.ECP_521, "ecp521")
                .ke(KeyExchangeMethod.ECP_192, "ecp192")
                .ke(KeyExchangeMethod.ECP_224, "ecp224")
                .ke(KeyExchangeMethod.BRAINPOOL_P224R1, "ecp224bp")
                .ke(KeyExchangeMethod.BRAINPOOL_P256R1, "ecp256bp")
                .ke(KeyExchangeMethod.BRAINPOOL_P384R1, "ecp384bp")
                .ke(KeyExchangeMethod.BRAINPOOL_P512R1, "ecp512bp")
                .ke(KeyExchangeMethod.CURVE25519, "curve25519", "x25519")
                .ke(KeyExchangeMethod.CURVE448, "curve448", "x448")
                .ke(KeyExchangeMethod.ML_KEM_512, "mlkem512")
                .ke(KeyExchangeMethod.ML_KEM_768, "mlkem768")
                .ke(KeyExchangeMethod.ML_KEM_1024, "mlkem1024");
        ESN.add(EsnMode.ESN, "esn").add(EsnMode.NO_ESN, "noesn");
        NAMES.encryption.spellings().forEach((k, v) -> ALL.add(v, k));
        NAMES.integrity.spellings().forEach((k, v) -> ALL.add(v, k));
        NAMES.prf.spellings().forEach((k, v) -> ALL.add(v, k));
        NAMES.keyExchange.spellings().forEach((k, v) -> ALL.add(v, k));
        ESN.spellings().forEach((k, v) -> ALL.add(v, k));
        buildHarmony();
    }

    private StrongSwanKeywords() {}

    private static void buildEncryption() {
        NAMES.enc(EncryptionAlgorithm.NULL, 0, "null")
                .enc(EncryptionAlgorithm.DES, 64, "des")
                .enc(EncryptionAlgorithm.TRIPLE_DES, 192, "3des")
                .enc(EncryptionAlgorithm.CAST, 128, "cast128")
                .enc(EncryptionAlgorithm.CHACHA20_POLY1305, 256, "chacha20poly1305");
        for (int bits : SIZES) {
            String aes = "aes" + bits;
            String camellia = "camellia" + bits;
            NAMES.enc(AES_CBC, bits, aes)
                    .enc(AES_CTR, bits, aes + "ctr")
                    .enc(AES_CCM_8, bits, aes + "ccm8", aes + "ccm64")
                    .enc(AES_CCM_12, bits, aes + "ccm12", aes + "ccm96")
                    .enc(AES_CCM_16, bits, aes + "ccm16", aes + "ccm128", aes + "ccm")
                    .enc(AES_GCM_8, bits, aes + "gcm8", aes + "gcm64")
                    .enc(AES_GCM_12, bits, aes + "gcm12", aes + "gcm96")
                    .enc(AES_GCM_16, bits, aes + "gcm16", aes + "gcm128", aes + "gcm")
                    .enc(EncryptionAlgorithm.NULL_AUTH_AES_GMAC, bits, aes + "gmac")
                    .enc(CAMELLIA_CBC, bits, camellia)
                    .enc(CAMELLIA_CTR, bits, camellia + "ctr")
                    .enc(CAMELLIA_CCM_8, bits, camellia + "ccm8", camellia + "ccm64")
                    .enc(CAMELLIA_CCM_12, bits, camellia + "ccm12", camellia + "ccm96")
                    .enc(CAMELLIA_CCM_16, bits, camellia + "ccm16", camellia + "ccm128")
                    .enc(BLOWFISH, bits, "blowfish" + bits);
        }
        NAMES.encryption.alias(Encryption.of(AES_CBC, 128), "aes");
        NAMES.encryption.alias(Encryption.of(CAMELLIA_CBC, 128), "camellia");
        NAMES.encryption.alias(Encryption.of(BLOWFISH, 128), "blowfish");
    }

    private static void buildHarmony() {
        StringBuilder enc = new StringBuilder("3des");
        for (int bits : SIZES) {
            enc.append(" blowfish").append(bits).append(" aes").append(bits).append(" aes").append(bits)
                    .append("ctr camellia").append(bits).append(" camellia").append(bits).append("ctr");
            for (String icv : List.of("8", "12", "16")) {
                enc.append(" aes").append(bits).append("ccm").append(icv)
                        .append(" aes").append(bits).append("gcm").append(icv)
                        .append(" camellia").append(bits).append("ccm").append(icv);
            }
        }
        enc.append(" chacha20poly1305");
        for (String k : enc.toString().split(" ")) {
            HARMONY.encryption.add(NAMES.encryption.find(k), k);
        }
        for (String k : List.of("md5", "sha1", "sha256", "sha384", "sha512", "aesxcbc", "aescmac")) {
            HARMONY.integrity.add(NAMES.integrity.find(k), k);
        }
        for (String k : List.of("prfmd5", "prfsha1", "prfaesxcbc", "prfaescmac", "prfsha256",
                "prfsha384", "prfsha512")) {
            HARMONY.prf.add(NAMES.prf.find(k), k);
        }
        HARMONY.keNumbers(2, 5, 14, 19, 20, 21, 31);
    }

    /** Returns the keyword of {@code e} (or the {@code encr<id>_<bits>} extension). */
    static String keyword(Encryption e) {
        return NAMES.encryption.nameOf(e)
                .orElseGet(() -> "encr" + e.algorithm().id() + "_" + e.keyBits());
    }

    static String keyword(IntegrityAlgorithm a) {
        return NAMES.integrity.nameOf(a).orElseGet(() -> "integ" + a.id());
    }

    static String keyword(PrfAlgorithm a) {
        return NAMES.prf.nameOf(a).orElseGet(() -> "prf" + a.id());
    }

    static String keyword(KeyExchangeMethod m) {
        return NAMES.keyExchange.nameOf(m).orElseGet(() -> "ke" + m.id());
    }

    static String keyword(EsnMode m) {
        return ESN.nameOf(m).orElseGet(() -> "esn" + m.id());
    }

    /** One additional key exchange keyword, {@code ke<index>_<method>} (RFC 9370). */
    record AdditionalKe(int index, KeyExchangeMethod method) {}

    /**
     * Resolves one proposal token to an {@link Encryption}, {@link IntegrityAlgorithm},
     * {@link PrfAlgorithm}, {@link KeyExchangeMethod}, {@link EsnMode} or {@link AdditionalKe}.
     *
     * @return the value, or {@code null} if the token is no keyword
     * @throws IllegalArgumentException if an extension token has an id or key size out of range
     */
    static Object resolve(String token) {
        String k = NameTable.normalize(token);
        Object known = ALL.find(k);
        if (known != null) {
            return known;
        }
        Matcher addKe = ADDITIONAL_KE.matcher(k);
        if (addKe.matches()) {
            Object method = resolve(addKe.group(2));
            return method instanceof KeyExchangeMethod
                    ? new AdditionalKe(Integer.parseInt(addKe.group(1)), (KeyExchangeMethod) method)
                    : null;
        }
        Matcher ext = EXTENSION.matcher(k);
        if (!ext.matches()) {
            return null;
        }
        int id = Integer.parseInt(ext.group(2));
        String bits = ext.group(3);
        if (bits != null && !ext.group(1).equals("encr")) {
            return null;
        }
        switch (ext.group(1)) {
            case "encr":
                EncryptionAlgorithm alg = EncryptionAlgorithm.valueOf(id);
                return bits == null ? Encryption.of(alg) : Encryption.of(alg, Integer.parseInt(bits));
            case "integ":
                return IntegrityAlgorithm.valueOf(id);
            case "prf":
                return PrfAlgorithm.valueOf(id);
            case "ke":
                return KeyExchangeMethod.valueOf(id);
            default:
                return EsnMode.valueOf(id);
        }
    }
}
