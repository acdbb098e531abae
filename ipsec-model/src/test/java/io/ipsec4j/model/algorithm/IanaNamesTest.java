package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IanaNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ENCR_AES_GCM_16-256, AES_GCM_16, 256",
        "ENCR_AES_GCM_16, AES_GCM_16, 128",
        "AES_GCM_16-192, AES_GCM_16, 192",
        "ENCR_3DES, TRIPLE_DES, 192",
        "ENCR_3DES-192, TRIPLE_DES, 192",
        "encr_chacha20_poly1305, CHACHA20_POLY1305, 256",
        "ENCR_NULL, NULL, 0",
    })
    void encryptionNamesCarryTheKeySizeAfterAHyphen(String name, String algorithm, int bits) throws Exception {
        EncryptionAlgorithm a = (EncryptionAlgorithm) EncryptionAlgorithm.class.getField(algorithm).get(null);
        assertThat(AlgorithmNames.encryption(Vendor.IANA, name)).isEqualTo(Encryption.of(a, bits));
    }

    @Test
    void printedNamesAreTheRegistryNames() {
        assertThat(AlgorithmNames.name(Vendor.IANA, Encryption.AES128_CBC)).contains("ENCR_AES_CBC-128");
        assertThat(AlgorithmNames.name(Vendor.IANA, Encryption.TRIPLE_DES)).contains("ENCR_3DES");
        assertThat(AlgorithmNames.name(Vendor.IANA, IntegrityAlgorithm.HMAC_SHA2_256_128))
                .contains("AUTH_HMAC_SHA2_256_128");
        assertThat(AlgorithmNames.name(Vendor.IANA, PrfAlgorithm.HMAC_SHA2_256)).contains("PRF_HMAC_SHA2_256");
        assertThat(AlgorithmNames.name(Vendor.IANA, KeyExchangeMethod.MODP_2048)).contains("2048-bit MODP Group");
    }

    @Test
    void constantNamesAreReadToo() {
        assertThat(AlgorithmNames.keyExchange(Vendor.IANA, "MODP_2048")).isEqualTo(KeyExchangeMethod.MODP_2048);
        assertThat(AlgorithmNames.keyExchange(Vendor.IANA, "Curve25519")).isEqualTo(KeyExchangeMethod.CURVE25519);
        assertThat(AlgorithmNames.integrity(Vendor.IANA, "HMAC_SHA2_512_256"))
                .isEqualTo(IntegrityAlgorithm.HMAC_SHA2_512_256);
        assertThat(AlgorithmNames.prf(Vendor.IANA, "AES128_CMAC")).isEqualTo(PrfAlgorithm.AES128_CMAC);
    }

    @Test
    void everyKnownValueHasAnIanaSpelling() {
        assertThat(AlgorithmNames.integritySpellings(Vendor.IANA).values())
                .containsAll(IntegrityAlgorithm.knownValues());
        assertThat(AlgorithmNames.prfSpellings(Vendor.IANA).values()).containsAll(PrfAlgorithm.knownValues());
        assertThat(AlgorithmNames.keyExchangeSpellings(Vendor.IANA).values())
                .containsAll(KeyExchangeMethod.knownValues());
        for (EncryptionAlgorithm a : EncryptionAlgorithm.knownValues()) {
            for (int bits : a.keySizesBits()) {
                assertThat(AlgorithmNames.name(Vendor.IANA, Encryption.of(a, bits))).isPresent();
            }
        }
    }
}
