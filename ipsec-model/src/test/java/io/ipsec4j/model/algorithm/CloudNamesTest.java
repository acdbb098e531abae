package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every AWS, Azure and GCP spelling listed in docs/CONFIG-FORMATS.md, read through AlgorithmNames. */
class CloudNamesTest {

    private static Encryption enc(String algorithm, int bits) throws Exception {
        return Encryption.of((EncryptionAlgorithm) EncryptionAlgorithm.class.getField(algorithm).get(null), bits);
    }

    @ParameterizedTest(name = "{0} {1} = {2}-{3}")
    @CsvSource({
        // AWS API (CONFIG-FORMATS §1.5) and Generic/XML files (§1.2.2, §1.4.2)
        "AWS, AES128, AES_CBC, 128", "AWS, AES256, AES_CBC, 256",
        "AWS, AES128-GCM-16, AES_GCM_16, 128", "AWS, AES256-GCM-16, AES_GCM_16, 256",
        "AWS, aes-128-cbc, AES_CBC, 128", "AWS, aes-256-cbc, AES_CBC, 256", "AWS, aes-128, AES_CBC, 128",
        // Azure (§2.3, §2.1.2)
        "AZURE, GCMAES256, AES_GCM_16, 256", "AZURE, GCMAES192, AES_GCM_16, 192",
        "AZURE, GCMAES128, AES_GCM_16, 128", "AZURE, AES256, AES_CBC, 256", "AZURE, AES192, AES_CBC, 192",
        "AZURE, AES128, AES_CBC, 128", "AZURE, DES3, TRIPLE_DES, 192", "AZURE, DES, DES, 64",
        "AZURE, None, NULL, 0",
        // GCP (§3)
        "GCP, AES-GCM-16-128, AES_GCM_16, 128", "GCP, AES-GCM-16-192, AES_GCM_16, 192",
        "GCP, AES-GCM-16-256, AES_GCM_16, 256", "GCP, AES-CBC-128, AES_CBC, 128",
        "GCP, AES-CBC-192, AES_CBC, 192", "GCP, AES-CBC-256, AES_CBC, 256", "GCP, 3DES-CBC, TRIPLE_DES, 192",
    })
    void encryptionSpellingsReadAsTheirAlgorithm(Vendor vendor, String name, String algorithm, int bits)
            throws Exception {
        assertThat(AlgorithmNames.encryption(vendor, name)).isEqualTo(enc(algorithm, bits));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "AWS, SHA1, HMAC_SHA1_96", "AWS, SHA2-256, HMAC_SHA2_256_128", "AWS, SHA2-384, HMAC_SHA2_384_192",
        "AWS, SHA2-512, HMAC_SHA2_512_256", "AWS, hmac-sha1-96, HMAC_SHA1_96", "AWS, sha1, HMAC_SHA1_96",
        "AZURE, SHA384, HMAC_SHA2_384_192", "AZURE, SHA256, HMAC_SHA2_256_128", "AZURE, SHA1, HMAC_SHA1_96",
        "AZURE, MD5, HMAC_MD5_96", "AZURE, GCMAES256, NONE", "AZURE, GCMAES192, NONE", "AZURE, GCMAES128, NONE",
        "GCP, HMAC-SHA1-96, HMAC_SHA1_96", "GCP, HMAC-MD5-96, HMAC_MD5_96",
        "GCP, HMAC-SHA2-256-128, HMAC_SHA2_256_128", "GCP, HMAC-SHA2-384-192, HMAC_SHA2_384_192",
        "GCP, HMAC-SHA2-512-256, HMAC_SHA2_512_256", "GCP, AES-XCBC-96, AES_XCBC_96", "GCP, AES-CMAC-96, AES_CMAC_96",
    })
    void integritySpellingsReadAsTheirAlgorithm(Vendor vendor, String name, String algorithm) throws Exception {
        assertThat(AlgorithmNames.integrity(vendor, name))
                .isEqualTo(IntegrityAlgorithm.class.getField(algorithm).get(null));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "GCP, PRF-HMAC-SHA1, HMAC_SHA1", "GCP, PRF-HMAC-MD5, HMAC_MD5", "GCP, PRF-AES128-XCBC, AES128_XCBC",
        "GCP, PRF-AES128-CMAC, AES128_CMAC", "GCP, PRF-HMAC-SHA2-256, HMAC_SHA2_256",
        "GCP, PRF-HMAC-SHA2-384, HMAC_SHA2_384", "GCP, PRF-HMAC-SHA2-512, HMAC_SHA2_512",
        "GCP, PRF-SHA1-96, HMAC_SHA1",
        "AWS, SHA2-256, HMAC_SHA2_256", "AWS, SHA1, HMAC_SHA1", "AZURE, SHA384, HMAC_SHA2_384",
    })
    void prfSpellingsReadAsTheirAlgorithm(Vendor vendor, String name, String algorithm) throws Exception {
        assertThat(AlgorithmNames.prf(vendor, name)).isEqualTo(PrfAlgorithm.class.getField(algorithm).get(null));
    }

    @ParameterizedTest(name = "{0} {1} = group {2}")
    @CsvSource({
        "AWS, 2, 2", "AWS, 5, 5", "AWS, 14, 14", "AWS, 24, 24", "AWS, group2, 2", "AWS, Group 2, 2",
        "AWS, Diffie-Hellman Group 2, 2", "AWS, diffie-hellman  group 14, 14", "AWS, group20, 20",
        "AZURE, DHGroup1, 1", "AZURE, DHGroup2, 2", "AZURE, DHGroup14, 14", "AZURE, DHGroup2048, 14",
        "AZURE, DHGroup24, 24", "AZURE, ECP256, 19", "AZURE, ECP384, 20", "AZURE, None, 0",
        "AZURE, PFS1, 1", "AZURE, PFS2, 2", "AZURE, PFS2048, 14", "AZURE, PFS14, 14", "AZURE, PFS24, 24",
        "GCP, Group-14, 14", "GCP, Group-31, 31", "GCP, modp-2048-224, 23", "GCP, modp_2048_224, 23",
        "GCP, modp_2048, 14", "GCP, modp_2048_256, 24", "GCP, modp_1536, 5", "GCP, modp_3072, 15",
        "GCP, modp_4096, 16", "GCP, modp_8192, 18", "GCP, modp_1024, 2", "GCP, modp_1024_160, 22",
        "GCP, ecp_256, 19", "GCP, ecp_384, 20", "GCP, ecp_521, 21", "GCP, curve_25519, 31",
    })
    void keyExchangeSpellingsReadAsTheirGroup(Vendor vendor, String name, int group) {
        assertThat(AlgorithmNames.keyExchange(vendor, name)).isEqualTo(KeyExchangeMethod.valueOf(group));
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @CsvSource({
        "AWS, AES256-GCM-16", "AZURE, GCMAES256", "GCP, AES-GCM-16-256", "STRONGSWAN, aes256gcm16",
        "HARMONY_SASE, aes256gcm16", "IANA, ENCR_AES_GCM_16-256",
    })
    void eachVendorPrintsItsCanonicalSpelling(Vendor vendor, String expected) {
        assertThat(AlgorithmNames.name(vendor, Encryption.of(AES_GCM_16, 256))).contains(expected);
        assertThat(AlgorithmNames.encryption(vendor, expected)).isEqualTo(Encryption.of(AES_GCM_16, 256));
    }

    @ParameterizedTest(name = "{0}: integrity {1}, PRF {2}, group 14 {3}, AES-CBC-128 {4}")
    @CsvSource({
        "AWS, SHA2-256, SHA2-256, 14, AES128",
        "AZURE, SHA256, SHA256, DHGroup14, AES128",
        "GCP, HMAC-SHA2-256-128, PRF-HMAC-SHA2-256, Group-14, AES-CBC-128",
    })
    void cloudVendorsPrintTheirApiSpellings(Vendor vendor, String integ, String prf, String group, String aes) {
        assertThat(AlgorithmNames.name(vendor, IntegrityAlgorithm.HMAC_SHA2_256_128)).contains(integ);
        assertThat(AlgorithmNames.name(vendor, PrfAlgorithm.HMAC_SHA2_256)).contains(prf);
        assertThat(AlgorithmNames.name(vendor, KeyExchangeMethod.MODP_2048)).contains(group);
        assertThat(AlgorithmNames.name(vendor, Encryption.of(AES_CBC, 128))).contains(aes);
    }
}
