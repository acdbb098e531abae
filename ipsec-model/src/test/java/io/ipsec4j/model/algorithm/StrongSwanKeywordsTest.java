package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** strongSwan keywords (docs/IKE-ESP-REFERENCE.md §3.3) and the Harmony SASE enums (CONFIG-FORMATS §4). */
class StrongSwanKeywordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "null, NULL, 0", "des, DES, 64", "3des, TRIPLE_DES, 192", "cast128, CAST, 128",
        "blowfish, BLOWFISH, 128", "blowfish256, BLOWFISH, 256", "aes, AES_CBC, 128", "aes192, AES_CBC, 192",
        "aes256ctr, AES_CTR, 256", "aes128ccm8, AES_CCM_8, 128", "aes128ccm64, AES_CCM_8, 128",
        "aes128ccm96, AES_CCM_12, 128", "aes128ccm, AES_CCM_16, 128", "aes256gcm8, AES_GCM_8, 256",
        "aes128gcm64, AES_GCM_8, 128", "aes128gcm12, AES_GCM_12, 128", "aes128gcm, AES_GCM_16, 128",
        "aes256gcm128, AES_GCM_16, 256", "aes192gmac, NULL_AUTH_AES_GMAC, 192", "camellia, CAMELLIA_CBC, 128",
        "camellia256ctr, CAMELLIA_CTR, 256", "camellia128ccm16, CAMELLIA_CCM_16, 128",
        "camellia192ccm64, CAMELLIA_CCM_8, 192", "chacha20poly1305, CHACHA20_POLY1305, 256",
    })
    void encryptionKeywordsMapToIanaIdsAndKeySizes(String keyword, String algorithm, int bits) throws Exception {
        EncryptionAlgorithm a = (EncryptionAlgorithm) EncryptionAlgorithm.class.getField(algorithm).get(null);
        assertThat(AlgorithmNames.encryption(Vendor.STRONGSWAN, keyword)).isEqualTo(Encryption.of(a, bits));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "md5, 1", "sha1, 2", "sha, 2", "sha1_160, 7", "aesxcbc, 5", "aescmac, 8", "sha256, 12", "sha2_256, 12",
        "sha384, 13", "sha512, 14", "md5_128, 6",
    })
    void integrityKeywordsMapToIanaIds(String keyword, int id) {
        assertThat(AlgorithmNames.integrity(Vendor.STRONGSWAN, keyword).id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "prfmd5, 1", "prfsha1, 2", "prfaesxcbc, 4", "prfsha256, 5", "prfsha384, 6", "prfsha512, 7", "prfaescmac, 8",
    })
    void prfKeywordsMapToIanaIds(String keyword, int id) {
        assertThat(AlgorithmNames.prf(Vendor.STRONGSWAN, keyword).id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "modp768, 1", "modp1024, 2", "modp1536, 5", "modp2048, 14", "modp3072, 15", "modp4096, 16",
        "modp6144, 17", "modp8192, 18", "ecp256, 19", "ecp384, 20", "ecp521, 21", "modp1024s160, 22",
        "modp2048s224, 23", "modp2048s256, 24", "ecp192, 25", "ecp224, 26", "ecp224bp, 27", "ecp256bp, 28",
        "ecp384bp, 29", "ecp512bp, 30", "curve25519, 31", "x25519, 31", "curve448, 32", "x448, 32",
        "mlkem512, 35", "mlkem768, 36", "mlkem1024, 37", "none, 0",
    })
    void keyExchangeKeywordsMapToIanaIds(String keyword, int id) {
        assertThat(AlgorithmNames.keyExchange(Vendor.STRONGSWAN, keyword).id()).isEqualTo(id);
    }

    @Test
    void everyHarmonySaseEnumValueParses() {
        String[] auth = {"md5", "sha1", "sha256", "sha384", "sha512", "aesxcbc", "aescmac"};
        for (String a : auth) {
            assertThat(AlgorithmNames.integrity(Vendor.HARMONY_SASE, a))
                    .isEqualTo(AlgorithmNames.integrity(Vendor.STRONGSWAN, a));
        }
        for (String p : new String[] {"prfmd5", "prfsha1", "prfaesxcbc", "prfaescmac", "prfsha256", "prfsha384",
            "prfsha512"}) {
            assertThat(AlgorithmNames.prf(Vendor.HARMONY_SASE, p)).isEqualTo(AlgorithmNames.prf(Vendor.STRONGSWAN, p));
        }
        for (int dh : new int[] {2, 5, 14, 19, 20, 21, 31}) {
            assertThat(AlgorithmNames.keyExchange(Vendor.HARMONY_SASE, Integer.toString(dh)).id()).isEqualTo(dh);
            assertThat(AlgorithmNames.name(Vendor.HARMONY_SASE, KeyExchangeMethod.valueOf(dh)))
                    .contains(Integer.toString(dh));
        }
        // 3des, blowfish×3, aes×3, aes ctr×3, camellia×3, camellia ctr×3, aes ccm 9, aes gcm 9, camellia ccm 9, chacha
        assertThat(AlgorithmNames.encryptionSpellings(Vendor.HARMONY_SASE)).hasSize(1 + 3 * 5 + 27 + 1);
        assertThat(AlgorithmNames.encryption(Vendor.HARMONY_SASE, "camellia192ccm12"))
                .isEqualTo(Encryption.of(EncryptionAlgorithm.CAMELLIA_CCM_12, 192));
        assertThat(AlgorithmNames.encryption(Vendor.HARMONY_SASE, "aes256gcm16")).isEqualTo(Encryption.AES256_GCM_16);
    }

    @Test
    void keywordsAreUniqueAcrossTransformTypes() {
        int total = StrongSwanKeywords.NAMES.encryption.spellings().size()
                + StrongSwanKeywords.NAMES.integrity.spellings().size()
                + StrongSwanKeywords.NAMES.prf.spellings().size()
                + StrongSwanKeywords.NAMES.keyExchange.spellings().size()
                + StrongSwanKeywords.ESN.spellings().size();
        assertThat(StrongSwanKeywords.ALL.spellings()).hasSize(total);
    }

    @Test
    void tokensResolveToTypedValues() {
        assertThat(StrongSwanKeywords.resolve("ESN")).isEqualTo(EsnMode.ESN);
        assertThat(StrongSwanKeywords.resolve("ke2_mlkem512"))
                .isEqualTo(new StrongSwanKeywords.AdditionalKe(2, KeyExchangeMethod.ML_KEM_512));
        assertThat(StrongSwanKeywords.resolve("prf99")).isEqualTo(PrfAlgorithm.valueOf(99));
        assertThat(StrongSwanKeywords.resolve("ke99_128")).isNull();
        assertThat(StrongSwanKeywords.resolve("aes129")).isNull();
    }
}
