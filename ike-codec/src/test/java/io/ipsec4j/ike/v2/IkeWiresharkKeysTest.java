package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.WiresharkNames;
import io.ipsec4j.model.algorithm.WiresharkNames.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IkeWiresharkKeys}: rows for the AOSP session ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}:
 * AES-CBC-128, HMAC-SHA1-96, SPIs 5f54bf6d8b48e6e1/909232b3d1edcb5c, first Child SA 2ad4c0a2/cae7019f) and
 * whole tables. The two tables under {@code wireshark/} were saved by Wireshark 4.0.17 itself (its
 * {@code uat_save} after loading them): one row per algorithm name of each column, with made-up keys.
 */
class IkeWiresharkKeysTest {
    private static final String HEADER_LINE = IkeWiresharkKeys.HEADER;

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

    static String resource(String name) {
        try (InputStream in = IkeWiresharkKeysTest.class.getResourceAsStream("wireshark/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    }

    @Test
    void aTableWiresharkSavedReadsAndWritesBackByteForByte() throws Exception {
        String ike = resource("ikev2_decryption_table");
        List<IkeWiresharkKeyRow> ikeRows = IkeWiresharkKeys.readIkev2DecryptionTable(ike);
        assertThat(IkeWiresharkKeys.ikev2DecryptionTableWithKeys(ikeRows)).isEqualTo(ike);
        assertThat(ikeRows.stream().map(IkeWiresharkKeyRow::encryptionName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WiresharkNames.encryptionNames(Table.IKEV2_DECRYPTION));
        assertThat(ikeRows.stream().map(IkeWiresharkKeyRow::integrityName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WiresharkNames.integrityNames(Table.IKEV2_DECRYPTION));

        String esp = resource("esp_sa");
        List<IkeWiresharkEspSaRow> espRows = IkeWiresharkKeys.readEspSaTable(esp);
        assertThat(IkeWiresharkKeys.espSaTableWithKeys(espRows)).isEqualTo(esp);
        assertThat(espRows.stream().map(IkeWiresharkEspSaRow::encryptionName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WiresharkNames.encryptionNames(Table.ESP_SA));
        assertThat(espRows.stream().map(IkeWiresharkEspSaRow::integrityName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(WiresharkNames.integrityNames(Table.ESP_SA));
    }

    @Test
    void readingNormalisesToWiresharksOwnSpelling() throws Exception {
        String row = "0000000000001111,0000000000002222," + "AB".repeat(19) + "," + "cd".repeat(19)
                + ", \"aes-ccm-128 with 12 octet icv [rfc5282]\" ,,,\"none [rfc4306]\"";
        List<IkeWiresharkKeyRow> rows = IkeWiresharkKeys.readIkev2DecryptionTable("# mine\n\n" + row + "\n");
        assertThat(IkeWiresharkKeys.ikev2DecryptionTableWithKeys(rows)).isEqualTo(IkeWiresharkKeys.HEADER + "\n"
                + "0000000000001111,0000000000002222," + "ab".repeat(19) + "," + "cd".repeat(19)
                + ",\"AES-CCM-128 with 12 octet ICV [RFC5282]\",,,\"NONE [RFC4306]\"\n");
    }

    @Test
    void malformedTablesRaiseTheTypedExceptionWithTheLineAndNoKey() {
        String good = "0000000000001111,0000000000002222," + "ab".repeat(16) + "," + "cd".repeat(16)
                + ",\"AES-CBC-128 [RFC3602]\"," + "ef".repeat(20) + "," + "01".repeat(20) + ",\"HMAC_SHA1_96 [RFC2404]\"";
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable("# c\na,b,c"))
                .isInstanceOf(IkeWiresharkTableException.class)
                .hasMessage("ikev2_decryption_table line 2: 3 fields (expected: 8)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(good.replace("AES-CBC-128", "AES-CBC-129")))
                .isInstanceOf(IkeWiresharkTableException.class)
                .hasMessageContaining("line 1: unknown Wireshark encryption algorithm")
                .hasMessageContaining("closest: AES-CBC-128 [RFC3602]");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(good.replace("ab".repeat(16), "ab".repeat(15))))
                .isInstanceOf(IkeWiresharkTableException.class)
                .hasMessage("ikev2_decryption_table line 1: SK_ei of 15 bytes (expected: 16 for the row's algorithm)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(good.replace("cd".repeat(16), "zz" + "cd".repeat(15))))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("SK_er: 32 characters")
                .hasMessageNotContaining("cdcd");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(good.replace("0000000000001111", "11")))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("SPI of 1 bytes (expected: 8)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(good.replace("\"HMAC_SHA1_96 [RFC2404]\"",
                "\"HMAC_SHA1_96 [RFC2404]")))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("unterminated quoted field");
        assertThatThrownBy(() -> IkeWiresharkKeys.readEspSaTable("\"IPv5\",\"*\",\"*\",\"*\",\"NULL\",\"\",\"NULL\",\"\""))
                .isInstanceOf(IkeWiresharkTableException.class)
                .hasMessageContaining("esp_sa line 1: protocol \"IPv5\" (expected: \"IPv4\" or \"IPv6\")");
        assertThatThrownBy(() -> IkeWiresharkKeys.readEspSaTable(
                "\"IPv4\",\"*\",\"*\",\"*\",\"AES-CBC-128 [RFC3602]\",\"\",\"NULL\",\"\""))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("AES-CBC [RFC3602]");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev2DecryptionTable(
                (good + "\n").repeat(WiresharkUat.MAX_ROWS + 1)))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("more than 10000 rows");
    }

    /** tshark loads a table we wrote, with a row for every algorithm, without an error (skips without tshark). */
    @Test
    void tsharkAcceptsTheTablesWeWrite(@TempDir Path config) throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        Assumptions.assumeTrue(Files.isExecutable(tshark), "tshark not installed");
        Files.writeString(config.resolve("ikev2_decryption_table"), IkeWiresharkKeys.ikev2DecryptionTableWithKeys(
                IkeWiresharkKeys.readIkev2DecryptionTable(resource("ikev2_decryption_table"))), StandardCharsets.ISO_8859_1);
        Files.writeString(config.resolve("esp_sa"), IkeWiresharkKeys.espSaTableWithKeys(
                IkeWiresharkKeys.readEspSaTable(resource("esp_sa"))), StandardCharsets.ISO_8859_1);
        assertThat(tsharkErrors(tshark, config)).isEmpty();
        // ... and would say so if one were wrong.
        Files.writeString(config.resolve("esp_sa"), "\"IPv4\",\"*\",\"*\",\"*\",\"AES-CBC-128\",\"\",\"NULL\",\"\"\n");
        assertThat(tsharkErrors(tshark, config)).contains("invalid value: AES-CBC-128");
    }

    private static String tsharkErrors(Path tshark, Path config) throws Exception {
        Path pcap = config.resolve("empty.pcap");
        // A pcap file header (little-endian, version 2.4, snaplen 65535, Ethernet) and no packets.
        Files.write(pcap, HexFormat.of().parseHex("d4c3b2a1020004000000000000000000ffff000001000000"));
        ProcessBuilder pb = new ProcessBuilder(tshark.toString(), "-n", "-r", pcap.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("WIRESHARK_CONFIG_DIR", config.toString());
        Process p = pb.start();
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(l -> l.contains("rror")).collect(Collectors.joining("\n"));
        });
    }

    @Test
    void readsAnIkev1DecryptionTableWithQuotedAndBareRows() throws Exception {
        String table = HEADER_LINE + "\n\"7116900aa5c2880d\",\"de5d24679ad21491e63e2d7173017769\"\n\n# comment\n"
                + "DC3F1D7452B2C376,84faf4df7dcec32ac45f13a485e7326384faf4df7dcec32a\n";

        Map<Long, SecretBytes> rows = IkeWiresharkKeys.readIkev1DecryptionTable(table);

        assertThat(rows.keySet()).containsExactly(0x7116900aa5c2880dL, 0xdc3f1d7452b2c376L);
        assertThat(HexFormat.of().formatHex(rows.get(0x7116900aa5c2880dL).copyBytes()))
                .isEqualTo("de5d24679ad21491e63e2d7173017769");
        assertThat(rows.get(0xdc3f1d7452b2c376L).length()).isEqualTo(24);
    }

    @Test
    void aMalformedIkev1RowNamesItsLineAndNoKey() {
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev1DecryptionTable("\n0102,00112233445566778899aabbccddeeff\n"))
                .isInstanceOf(IkeWiresharkTableException.class)
                .hasMessage("ikev1_decryption_table line 2: Initiator's COOKIE: 2 bytes (expected: 8)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev1DecryptionTable("0102030405060708,zz11"))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("Encryption Key: 4 characters");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev1DecryptionTable("0102030405060708,"))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("0 bytes (expected: 1 to 32)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev1DecryptionTable("0102030405060708,00,11"))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageContaining("3 fields (expected: 2)");
        assertThatThrownBy(() -> IkeWiresharkKeys.readIkev1DecryptionTable("0102030405060708," + "ab".repeat(33)))
                .isInstanceOf(IkeWiresharkTableException.class).hasMessageNotContaining("abab");
    }
}
