package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link IkeWiresharkEspSaRow}: esp_sa rows written, read, and kept as written. */
class IkeWiresharkEspSaRowTest {
    private static final SecretBytes KEY16 = SecretBytes.of(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));

    private static IkeWiresharkEspSaRow of(Encryption e, IntegrityAlgorithm i, SecretBytes authKey) throws Exception {
        return IkeWiresharkEspSaRow.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 0x1234,
                e, KEY16, i, authKey);
    }

    @Test
    void xcbcAndCmacAreWrittenAsUncheckedNinetySixBits() throws Exception {
        for (IntegrityAlgorithm i : new IntegrityAlgorithm[] {IntegrityAlgorithm.AES_XCBC_96, IntegrityAlgorithm.AES_CMAC_96}) {
            IkeWiresharkEspSaRow row = of(Encryption.AES128_CBC, i, KEY16);
            assertThat(row.toLineWithKeys()).isEqualTo("\"IPv4\",\"192.0.2.1\",\"192.0.2.2\",\"0x00001234\","
                    + "\"AES-CBC [RFC3602]\",\"0x00112233445566778899aabbccddeeff\","
                    + "\"ANY 96 bit authentication [no checking]\",\"0x00112233445566778899aabbccddeeff\"");
            assertThat(row.integrity()).isEmpty();
        }
        assertThat(of(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_MD5_128, KEY16).integrityName())
                .isEqualTo("ANY 128 bit authentication [no checking]");
    }

    @Test
    void whatWiresharkCannotDecryptInEspIsRefused() {
        for (Encryption e : new Encryption[] {Encryption.CHACHA20_POLY1305, Encryption.of(EncryptionAlgorithm.AES_CCM_16, 128),
            Encryption.of(EncryptionAlgorithm.NULL_AUTH_AES_GMAC, 128)}) {
            assertThatThrownBy(() -> of(e, IntegrityAlgorithm.NONE, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected: one Wireshark decrypts in ESP");
        }
        assertThatThrownBy(() -> of(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_160, KEY16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checks or skips in ESP");
        assertThatThrownBy(() -> IkeWiresharkEspSaRow.of(InetAddress.getByName("10.0.0.1"), InetAddress.getByName("::1"),
                1, Encryption.AES128_CBC, KEY16, IntegrityAlgorithm.HMAC_SHA1_96, SecretBytes.of(new byte[20])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same IP version");
    }

    @Test
    void rowsAreReadWithTheirKeysAndKeptAsWritten() throws Exception {
        String table = "\"IPv6\",\"2001:db8::*\",\"*\",\"*\",\"AES-GCM with 8 octet ICV [RFC4106]\","
                + "\"0X0123456789ABCDEF0123456789abcdef0\",\"NULL\",\"\"\n"
                + "\"IPv4\",\"10.0.0.1\",\"10.0.0.2\",\"0x0000abcd\",\"AES-CBC [RFC3602]\",\"sixteen-byte-key\","
                + "\"HMAC-SHA-1-96 [RFC2404]\",\"0x00112233445566778899aabbccddeeff00112233\"\n";
        var rows = IkeWiresharkKeys.readEspSaTable(table);
        IkeWiresharkEspSaRow gcm = rows.get(0);
        assertThat(gcm.protocol()).isEqualTo("IPv6");
        assertThat(gcm.source()).isEqualTo("2001:db8::*");
        assertThat(gcm.spi()).isEqualTo("*");
        assertThat(gcm.encryptionAlgorithm()).contains(EncryptionAlgorithm.AES_GCM_8);
        assertThat(gcm.integrity()).contains(IntegrityAlgorithm.NONE);
        // an odd number of digits reads as if a 0 led them, as in Wireshark
        assertThat(HexFormat.of().formatHex(gcm.encryptionKey().copyBytes()))
                .isEqualTo("00123456789abcdef0123456789abcdef0");
        assertThat(gcm.authenticationKey().length()).isZero();
        IkeWiresharkEspSaRow cbc = rows.get(1);
        assertThat(cbc.encryptionKey().copyBytes()).isEqualTo("sixteen-byte-key".getBytes(StandardCharsets.US_ASCII));
        assertThat(cbc.integrity()).contains(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(IkeWiresharkKeys.espSaTableWithKeys(rows)).isEqualTo(IkeWiresharkKeys.HEADER + "\n" + table);
        assertThat(cbc.toString()).isEqualTo("IkeWiresharkEspSaRow[IPv4 10.0.0.1 -> 10.0.0.2, SPI 0x0000abcd, "
                + "AES-CBC [RFC3602], HMAC-SHA-1-96 [RFC2404]]");
    }

    @Test
    void quotedFieldsUseWiresharksEscapes() throws Exception {
        String line = "\"IPv4\",\"a\\x22b\\x5cc\\x07\",\"*\",\"*\",\"NULL\",\"\",\"NULL\",\"\"";
        IkeWiresharkEspSaRow row = IkeWiresharkKeys.readEspSaTable(line).get(0);
        assertThat(row.source()).isEqualTo("a\"b\\c\u0007");
        assertThat(row.toLineWithKeys()).isEqualTo(line);
        assertThatThrownBy(() -> IkeWiresharkKeys.readEspSaTable(line.replace("\"\",\"NULL\",\"\"", "\"0xzz\",\"NULL\",\"\"")))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("encryption key: not hex after 0x");
    }
}
