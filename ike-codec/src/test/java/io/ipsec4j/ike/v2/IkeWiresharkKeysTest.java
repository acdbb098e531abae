package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeWiresharkKeys} rows for the AOSP session ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}:
 * AES-CBC-128, HMAC-SHA1-96, SPIs 5f54bf6d8b48e6e1/909232b3d1edcb5c, first Child SA 2ad4c0a2/cae7019f),
 * in the exact format of Wireshark's {@code ikev2_decryption_table} and {@code esp_sa} UATs.
 */
class IkeWiresharkKeysTest {
    private static final Map<String, String> V =
            AospVectorFile.load("/vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt");
    private static final String S = "SaRecordTest.";
    private static final long SPI_I = 0x5F54BF6D8B48E6E1L;
    private static final long SPI_R = 0x909232B3D1EDCB5CL;

    private static String v(String name) {
        String hex = V.get(S + name);
        assertThat(hex).as(name).isNotNull();
        return hex.toLowerCase(Locale.ROOT);
    }

    private static IkeKeySchedule keys() throws Exception {
        return IkeKeySchedule.create(Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults()),
                Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, Bytes.fromHex(v("IKE_NONCE_INIT_HEX_STRING")),
                Bytes.fromHex(v("IKE_NONCE_RESP_HEX_STRING")), SPI_I, SPI_R,
                SecretBytes.of(HexFormat.of().parseHex(v("IKE_SHARED_DH_KEY_HEX_STRING"))));
    }

    @Test
    void ikev2DecryptionTableRowOfTheAospSession() throws Exception {
        try (IkeKeySchedule keys = keys()) {
            assertThat(IkeWiresharkKeys.ikev2DecryptionRowWithKeys(SPI_I, SPI_R, keys)).isEqualTo(
                    "5f54bf6d8b48e6e1,909232b3d1edcb5c," + v("IKE_SK_ENCR_INIT_HEX_STRING") + ","
                            + v("IKE_SK_ENCR_RESP_HEX_STRING") + ",\"AES-CBC-128 [RFC3602]\","
                            + v("IKE_SK_AUTH_INIT_HEX_STRING") + "," + v("IKE_SK_AUTH_RESP_HEX_STRING")
                            + ",\"HMAC_SHA1_96 [RFC2404]\"");
            assertThat(keys.toString()).doesNotContain(v("IKE_SK_ENCR_INIT_HEX_STRING"));
        }
    }

    @Test
    void espSaRowOfTheFirstChildSa() throws Exception {
        String row = IkeWiresharkKeys.espSaRowWithKeys(InetAddress.getByName("10.80.80.13"),
                InetAddress.getByName("10.80.80.80"), 0xcae7019f, Encryption.AES128_CBC,
                SecretBytes.of(HexFormat.of().parseHex(v("FIRST_CHILD_ENCR_INIT_HEX_STRING"))),
                IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(HexFormat.of().parseHex(v("FIRST_CHILD_AUTH_INIT_HEX_STRING"))));
        assertThat(row).isEqualTo("\"IPv4\",\"10.80.80.13\",\"10.80.80.80\",\"0xcae7019f\",\"AES-CBC [RFC3602]\",\"0x"
                + "1b865cea6e2c23973e8c5452adc5cd7d\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x"
                + "a7a5a44f7ef4409657206c7dc52b7e692593b51e\"");
    }

    @Test
    void aeadRowsCarryKeyAndSaltAndNoIntegrity() throws Exception {
        SecretBytes keySalt = SecretBytes.of(new byte[36]);
        String row = IkeWiresharkKeys.espSaRowWithKeys(InetAddress.getByName("2001:db8::1"),
                InetAddress.getByName("2001:db8::2"), 1, Encryption.AES256_GCM_16, keySalt, IntegrityAlgorithm.NONE, null);
        assertThat(row).isEqualTo("\"IPv6\",\"2001:db8:0:0:0:0:0:1\",\"2001:db8:0:0:0:0:0:2\",\"0x00000001\","
                + "\"AES-GCM with 16 octet ICV [RFC4106]\",\"0x" + "00".repeat(36) + "\",\"NULL\",\"\"");
        assertThat(IkeWiresharkKeys.ikeEncryptionName(Encryption.AES256_GCM_16))
                .isEqualTo("AES-GCM-256 with 16 octet ICV [RFC5282]");
        assertThat(IkeWiresharkKeys.ikeIntegrityName(IntegrityAlgorithm.NONE)).isEqualTo("NONE [RFC4306]");
        assertThat(IkeWiresharkKeys.ikeEncryptionName(Encryption.TRIPLE_DES)).isEqualTo("3DES [RFC2451]");
    }

    @Test
    void rejectsWhatWiresharkCannotDecryptAndMixedAddressFamilies() throws Exception {
        assertThatThrownBy(() -> IkeWiresharkKeys.ikeEncryptionName(Encryption.CHACHA20_POLY1305))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: one Wireshark decrypts");
        assertThatThrownBy(() -> IkeWiresharkKeys.espSaRowWithKeys(InetAddress.getByName("10.0.0.1"),
                InetAddress.getByName("::1"), 1, Encryption.AES128_CBC, SecretBytes.of(new byte[16]),
                IntegrityAlgorithm.HMAC_SHA1_96, SecretBytes.of(new byte[20])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same IP version");
    }
}
