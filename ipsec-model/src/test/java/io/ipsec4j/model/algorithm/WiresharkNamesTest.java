package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.WiresharkNames.Table.ESP_SA;
import static io.ipsec4j.model.algorithm.WiresharkNames.Table.IKEV2_DECRYPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WiresharkNames} against the names Wireshark 4.0.17 accepts (each was loaded into its
 * {@code ikev2_decryption_table} / {@code esp_sa} without error, and an unlisted one was refused).
 */
class WiresharkNamesTest {

    /** Every ikev2_decryption_table encryption name, in Wireshark's order. */
    static final List<String> IKEV2_ENCRYPTION = List.of("3DES [RFC2451]", "AES-CBC-128 [RFC3602]",
            "AES-CBC-192 [RFC3602]", "AES-CBC-256 [RFC3602]", "NULL [RFC2410]", "AES-CTR-128 [RFC5930]",
            "AES-CTR-192 [RFC5930]", "AES-CTR-256 [RFC5930]",
            "AES-GCM-128 with 16 octet ICV [RFC5282]", "AES-GCM-192 with 16 octet ICV [RFC5282]",
            "AES-GCM-256 with 16 octet ICV [RFC5282]", "AES-GCM-128 with 8 octet ICV [RFC5282]",
            "AES-GCM-192 with 8 octet ICV [RFC5282]", "AES-GCM-256 with 8 octet ICV [RFC5282]",
            "AES-GCM-128 with 12 octet ICV [RFC5282]", "AES-GCM-192 with 12 octet ICV [RFC5282]",
            "AES-GCM-256 with 12 octet ICV [RFC5282]", "AES-CCM-128 with 16 octet ICV [RFC5282]",
            "AES-CCM-192 with 16 octet ICV [RFC5282]", "AES-CCM-256 with 16 octet ICV [RFC5282]",
            "AES-CCM-128 with 8 octet ICV [RFC5282]", "AES-CCM-192 with 8 octet ICV [RFC5282]",
            "AES-CCM-256 with 8 octet ICV [RFC5282]", "AES-CCM-128 with 12 octet ICV [RFC5282]",
            "AES-CCM-192 with 12 octet ICV [RFC5282]", "AES-CCM-256 with 12 octet ICV [RFC5282]");
    /** Every ikev2_decryption_table integrity name, in Wireshark's order. */
    static final List<String> IKEV2_INTEGRITY = List.of("HMAC_MD5_96 [RFC2403]", "HMAC_SHA1_96 [RFC2404]",
            "HMAC_MD5_128 [RFC4595]", "HMAC_SHA1_160 [RFC4595]",
            "HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]", "HMAC_SHA2_256_128 [RFC4868]",
            "HMAC_SHA2_384_192 [RFC4868]", "HMAC_SHA2_512_256 [RFC4868]", "NONE [RFC4306]",
            "ANY 64-bits of Authentication [No Checking]", "ANY 96-bits of Authentication [No Checking]",
            "ANY 128-bits of Authentication [No Checking]", "ANY 160-bits of Authentication [No Checking]",
            "ANY 192-bits of Authentication [No Checking]", "ANY 256-bits of Authentication [No Checking]");
    /** Every esp_sa encryption name. */
    static final List<String> ESP_ENCRYPTION = List.of("NULL", "TripleDES-CBC [RFC2451]", "AES-CBC [RFC3602]",
            "AES-CTR [RFC3686]", "DES-CBC [RFC2405]", "CAST5-CBC [RFC2144]", "BLOWFISH-CBC [RFC2451]",
            "TWOFISH-CBC", "AES-GCM [RFC4106]", "AES-GCM with 8 octet ICV [RFC4106]",
            "AES-GCM with 12 octet ICV [RFC4106]", "AES-GCM with 16 octet ICV [RFC4106]");
    /** Every esp_sa authentication name. */
    static final List<String> ESP_INTEGRITY = List.of("NULL", "HMAC-SHA-1-96 [RFC2404]",
            "HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]", "HMAC-SHA-256-128 [RFC4868]",
            "HMAC-SHA-384-192 [RFC4868]", "HMAC-SHA-512-256 [RFC4868]", "HMAC-MD5-96 [RFC2403]",
            "MAC-RIPEMD-160-96 [RFC2857]", "ANY 64 bit authentication [no checking]",
            "ANY 96 bit authentication [no checking]", "ANY 128 bit authentication [no checking]",
            "ANY 192 bit authentication [no checking]", "ANY 256 bit authentication [no checking]");

    @Test
    void theTablesHoldExactlyTheNamesWiresharkAccepts() {
        assertThat(WiresharkNames.encryptionNames(IKEV2_DECRYPTION)).isEqualTo(IKEV2_ENCRYPTION);
        assertThat(WiresharkNames.integrityNames(IKEV2_DECRYPTION)).isEqualTo(IKEV2_INTEGRITY);
        assertThat(WiresharkNames.encryptionNames(ESP_SA)).isEqualTo(ESP_ENCRYPTION);
        assertThat(WiresharkNames.integrityNames(ESP_SA)).isEqualTo(ESP_INTEGRITY);
        assertThat(IKEV2_DECRYPTION.uatName()).isEqualTo("ikev2_decryption_table");
        assertThat(ESP_SA.uatName()).isEqualTo("esp_sa");
    }

    @Test
    void everyIkev2CipherNameReadsAndPrintsBothWays() {
        for (String name : IKEV2_ENCRYPTION) {
            Encryption e = WiresharkNames.ikev2Encryption(name);
            assertThat(WiresharkNames.encryptionName(IKEV2_DECRYPTION, e)).as(name).contains(name);
            assertThat(AlgorithmNames.name(Vendor.WIRESHARK, e)).as(name).contains(name);
            assertThat(WiresharkNames.encryptionAlgorithm(IKEV2_DECRYPTION, name)).contains(e.algorithm());
        }
        assertThat(WiresharkNames.ikev2Encryption("AES-CCM-128 with 12 octet ICV [RFC5282]"))
                .isEqualTo(Encryption.of(EncryptionAlgorithm.AES_CCM_12, 128));
        assertThat(WiresharkNames.ikev2Encryption("AES-CCM-256 with 8 octet ICV [RFC5282]"))
                .isEqualTo(Encryption.of(EncryptionAlgorithm.AES_CCM_8, 256));
        assertThat(WiresharkNames.ikev2Encryption("3DES [RFC2451]")).isEqualTo(Encryption.TRIPLE_DES);
        assertThat(WiresharkNames.ikev2Encryption("NULL [RFC2410]")).isEqualTo(Encryption.NULL);
        assertThat(AlgorithmNames.encryption(Vendor.WIRESHARK, "aes-ctr-192  [rfc5930]"))
                .isEqualTo(Encryption.of(EncryptionAlgorithm.AES_CTR, 192));
    }

    @Test
    void everyIkev2IntegrityNameReadsAndPrintsBothWays() {
        assertThat(WiresharkNames.integrityName(IKEV2_DECRYPTION, IntegrityAlgorithm.HMAC_SHA1_160))
                .contains("HMAC_SHA1_160 [RFC4595]");
        assertThat(WiresharkNames.integrityName(IKEV2_DECRYPTION, IntegrityAlgorithm.HMAC_MD5_128))
                .contains("HMAC_MD5_128 [RFC4595]");
        assertThat(AlgorithmNames.integrity(Vendor.WIRESHARK, "HMAC_SHA2_512_256 [RFC4868]"))
                .isEqualTo(IntegrityAlgorithm.HMAC_SHA2_512_256);
        int transforms = 0;
        for (String name : IKEV2_INTEGRITY) {
            var integrity = WiresharkNames.integrity(IKEV2_DECRYPTION, name);
            if (integrity.isPresent()) {
                transforms++;
                assertThat(WiresharkNames.integrityName(IKEV2_DECRYPTION, integrity.get())).contains(name);
            }
        }
        assertThat(transforms).isEqualTo(8);
        assertThat(WiresharkNames.integrity(IKEV2_DECRYPTION, "HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]"))
                .isEmpty();
    }

    @Test
    void espNamesCarryNoKeySize() {
        for (int bits : new int[] {128, 192, 256}) {
            assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.of(EncryptionAlgorithm.AES_GCM_12, bits)))
                    .contains("AES-GCM with 12 octet ICV [RFC4106]");
        }
        assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.TRIPLE_DES)).contains("TripleDES-CBC [RFC2451]");
        assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.NULL)).contains("NULL");
        assertThat(WiresharkNames.integrityName(ESP_SA, IntegrityAlgorithm.NONE)).contains("NULL");
        assertThat(WiresharkNames.integrityName(ESP_SA, IntegrityAlgorithm.HMAC_SHA2_384_192))
                .contains("HMAC-SHA-384-192 [RFC4868]");
        for (String name : ESP_ENCRYPTION) {
            WiresharkNames.encryptionAlgorithm(ESP_SA, name).ifPresent(a -> assertThat(
                    WiresharkNames.encryptionName(ESP_SA, Encryption.of(a))).as(name).contains(name));
        }
        for (String name : ESP_INTEGRITY) {
            WiresharkNames.integrity(ESP_SA, name).ifPresent(i -> assertThat(
                    WiresharkNames.integrityName(ESP_SA, i)).as(name).contains(name));
        }
        assertThat(WiresharkNames.encryptionAlgorithm(ESP_SA, "TWOFISH-CBC")).isEmpty();
        assertThat(WiresharkNames.encryptionAlgorithm(ESP_SA, "AES-GCM [RFC4106]")).isEmpty();
    }

    @Test
    void whatWiresharkCannotDecryptOrCheckHasNoName() {
        assertThat(WiresharkNames.encryptionName(IKEV2_DECRYPTION, Encryption.CHACHA20_POLY1305)).isEmpty();
        assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.CHACHA20_POLY1305)).isEmpty();
        assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.of(EncryptionAlgorithm.AES_CCM_16, 128)))
                .isEmpty();
        assertThat(WiresharkNames.encryptionName(ESP_SA, Encryption.of(EncryptionAlgorithm.NULL_AUTH_AES_GMAC, 128)))
                .isEmpty();
        assertThat(WiresharkNames.integrityName(ESP_SA, IntegrityAlgorithm.AES_XCBC_96)).isEmpty();
        assertThat(WiresharkNames.integrityName(IKEV2_DECRYPTION, IntegrityAlgorithm.AES_CMAC_96)).isEmpty();
    }

    @Test
    void uncheckedIntegrityNamesGoByIcvSize() {
        assertThat(WiresharkNames.uncheckedIntegrityName(ESP_SA, IntegrityAlgorithm.AES_XCBC_96.icvLengthBytes()))
                .contains("ANY 96 bit authentication [no checking]");
        assertThat(WiresharkNames.uncheckedIntegrityName(IKEV2_DECRYPTION, 12))
                .contains("ANY 96-bits of Authentication [No Checking]");
        assertThat(WiresharkNames.uncheckedIntegrityName(IKEV2_DECRYPTION, 20))
                .contains("ANY 160-bits of Authentication [No Checking]");
        assertThat(WiresharkNames.uncheckedIntegrityName(ESP_SA, 20)).isEmpty();
        assertThat(WiresharkNames.uncheckedIcvBits(ESP_SA, "any 256 bit authentication [NO CHECKING]")).hasValue(256);
        assertThat(WiresharkNames.uncheckedIcvBits(ESP_SA, "NULL")).isEmpty();
        assertThat(WiresharkNames.integrity(ESP_SA, "ANY 64 bit authentication [no checking]")).isEmpty();
    }

    @Test
    void spellingsComeBackExactlyAsWiresharkWritesThem() {
        assertThat(WiresharkNames.integritySpelling(IKEV2_DECRYPTION, " any 96-BITS of authentication  [no checking]"))
                .isEqualTo("ANY 96-bits of Authentication [No Checking]");
        assertThat(WiresharkNames.encryptionSpelling(ESP_SA, "tripledes-cbc [rfc2451]"))
                .isEqualTo("TripleDES-CBC [RFC2451]");
        assertThatThrownBy(() -> WiresharkNames.encryptionSpelling(ESP_SA, "TripleDES-CBC [RFC2415]"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageContaining("(closest: TripleDES-CBC [RFC2451]");
    }

    @Test
    void unknownNamesFailWithTheClosestSpellings() {
        assertThatThrownBy(() -> WiresharkNames.ikev2Encryption("AES-CBC-128 [RFC3603]"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageContaining("unknown Wireshark encryption algorithm: \"AES-CBC-128 [RFC3603]\"")
                .hasMessageContaining("closest: AES-CBC-128 [RFC3602]");
        assertThatThrownBy(() -> WiresharkNames.integrity(ESP_SA, "HMAC_SHA1_96 [RFC2404]"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageContaining("unknown Wireshark esp_sa integrity algorithm")
                .hasMessageContaining("HMAC-SHA-1-96 [RFC2404]");
        assertThatThrownBy(() -> WiresharkNames.encryptionAlgorithm(ESP_SA, "AES-CBC-128 [RFC3602]"))
                .isInstanceOf(UnknownAlgorithmNameException.class).hasMessageContaining("esp_sa encryption");
        assertThatThrownBy(() -> WiresharkNames.integrity(null, "NULL")).isInstanceOf(NullPointerException.class);
        assertThat(AlgorithmNames.prfSpellings(Vendor.WIRESHARK)).isEmpty();
        assertThat(AlgorithmNames.keyExchangeSpellings(Vendor.WIRESHARK)).isEmpty();
    }
}
