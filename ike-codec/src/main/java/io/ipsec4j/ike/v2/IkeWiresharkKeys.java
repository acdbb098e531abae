package io.ipsec4j.ike.v2;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.WiresharkNames.Table;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Wireshark's key tables, {@code ikev2_decryption_table} (IKEv2 SK payloads) and {@code esp_sa}
 * (ESP), read and written, and {@code ikev1_decryption_table} (IKEv1) read, so that a capture of an ipsec4j session can be decrypted and a table
 * Wireshark (or strongSwan's {@code save-keys} plugin) wrote can be used here.
 *
 * <p>A table is the header line Wireshark writes ({@value #HEADER}) and one row per line:
 * {@link IkeWiresharkKeyRow} and {@link IkeWiresharkEspSaRow} describe the columns, the algorithm
 * names are {@link io.ipsec4j.model.algorithm.WiresharkNames}'. Reading skips blank and {@code #}
 * lines, accepts names in any case and checks key lengths against the algorithms as Wireshark does;
 * writing gives Wireshark's exact bytes, so a table Wireshark saved reads and writes back unchanged.
 * Pass a table file to Wireshark in its profile directory or a row with
 * {@code tshark -o uat:ikev2_decryption_table:<row>}.
 *
 * <p><b>The rows contain secret keys by design</b>, hence the {@code WithKeys} method names; write
 * them only where the operator asked for them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14 (SK_* keys)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17 (Child SA KEYMAT)</a>
 * @see <a href="https://www.wireshark.org/docs/wsug_html_chunked/ChUserTable.html">Wireshark UAT tables</a>
 */
public final class IkeWiresharkKeys {
    /** The first line of every table Wireshark saves. */
    public static final String HEADER = WiresharkUat.HEADER;

    private static final int IKEV2_COLUMNS = 8;
    private static final int ESP_COLUMNS = 8;
    /** {@code ikev1_decryption_table}: the IKEv1 table has no algorithm columns; the capture names the cipher. */
    private static final String IKEV1_UAT = "ikev1_decryption_table";
    private static final int IKEV1_COLUMNS = 2;
    private static final int COOKIE_BYTES = 8;
    /** The longest IKEv1 cipher key (AES-256); a longer one is no Encryption Key Wireshark could use. */
    private static final int MAX_IKEV1_KEY_BYTES = 32;

    private IkeWiresharkKeys() {
    }

    /**
     * Returns the {@code ikev2_decryption_table} row of the IKE SA with SPIs {@code spiI},
     * {@code spiR} and keys {@code keys}; <b>it contains SK_ei, SK_er, SK_ai and SK_ar</b>.
     *
     * @throws IllegalArgumentException if Wireshark cannot decrypt the SA (see {@link IkeWiresharkKeyRow#of})
     */
    public static String ikev2DecryptionRowWithKeys(long spiI, long spiR, IkeKeySchedule keys) {
        return IkeWiresharkKeyRow.of(spiI, spiR, keys).toLineWithKeys();
    }

    /**
     * Returns the {@code esp_sa} row of one direction of a Child SA, from {@code source} to
     * {@code destination} with SPI {@code spi}; <b>it contains the encryption and integrity keys</b>
     * ({@code integrityKey} is {@code null} with AEAD or no integrity).
     *
     * @throws IllegalArgumentException if Wireshark cannot decrypt the SA (see {@link IkeWiresharkEspSaRow#of})
     */
    public static String espSaRowWithKeys(InetAddress source, InetAddress destination, int spi, Encryption encryption,
            SecretBytes encryptionKey, IntegrityAlgorithm integrity, SecretBytes integrityKey) {
        return IkeWiresharkEspSaRow.of(source, destination, spi, encryption, encryptionKey, integrity, integrityKey)
                .toLineWithKeys();
    }

    /**
     * Reads an {@code ikev2_decryption_table} file.
     *
     * @throws IkeWiresharkTableException naming the line, if a row is malformed
     */
    public static List<IkeWiresharkKeyRow> readIkev2DecryptionTable(String table) throws IkeWiresharkTableException {
        List<IkeWiresharkKeyRow> rows = new ArrayList<>();
        for (WiresharkUat.Row row : WiresharkUat.rows(Objects.requireNonNull(table, "table"),
                Table.IKEV2_DECRYPTION.uatName(), IKEV2_COLUMNS)) {
            rows.add(IkeWiresharkKeyRow.parse(row.fields(), row.line()));
        }
        return rows;
    }

    /** Returns the {@code ikev2_decryption_table} file of {@code rows}, as Wireshark writes it; <b>it contains keys</b>. */
    public static String ikev2DecryptionTableWithKeys(List<IkeWiresharkKeyRow> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (IkeWiresharkKeyRow row : rows) {
            s.append(row.toLineWithKeys()).append('\n');
        }
        return s.toString();
    }

    /**
     * Reads an {@code ikev1_decryption_table} file (the rows of
     * {@link io.ipsec4j.ike.v1.IkeV1WiresharkKeys#ikev1DecryptionRowWithKeys}, Wireshark's and strongSwan's
     * {@code save-keys}; fields bare or quoted hex): the Initiator's COOKIE of each ISAKMP SA and its
     * Encryption Key, in table order. A later row for the same cookie replaces an earlier one.
     *
     * @throws IkeWiresharkTableException naming the line, if a row is malformed
     */
    public static Map<Long, SecretBytes> readIkev1DecryptionTable(String table) throws IkeWiresharkTableException {
        Map<Long, SecretBytes> rows = new LinkedHashMap<>();
        for (WiresharkUat.Row row : WiresharkUat.rows(Objects.requireNonNull(table, "table"), IKEV1_UAT,
                IKEV1_COLUMNS)) {
            byte[] cookie = WiresharkUat.hex(row.fields().get(0), "Initiator's COOKIE", IKEV1_UAT, row.line());
            if (cookie.length != COOKIE_BYTES) {
                throw new IkeWiresharkTableException(IKEV1_UAT, row.line(), "Initiator's COOKIE: " + cookie.length
                        + " bytes (expected: " + COOKIE_BYTES + ")");
            }
            byte[] key = WiresharkUat.hex(row.fields().get(1), "Encryption Key", IKEV1_UAT, row.line());
            try {
                if (key.length == 0 || key.length > MAX_IKEV1_KEY_BYTES) {
                    throw new IkeWiresharkTableException(IKEV1_UAT, row.line(), "Encryption Key: " + key.length
                            + " bytes (expected: 1 to " + MAX_IKEV1_KEY_BYTES + ")");
                }
                rows.put(ByteBuffer.wrap(cookie).getLong(), SecretBytes.of(key));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return rows;
    }

    /**
     * Reads an {@code esp_sa} file.
     *
     * @throws IkeWiresharkTableException naming the line, if a row is malformed
     */
    public static List<IkeWiresharkEspSaRow> readEspSaTable(String table) throws IkeWiresharkTableException {
        List<IkeWiresharkEspSaRow> rows = new ArrayList<>();
        for (WiresharkUat.Row row : WiresharkUat.rows(Objects.requireNonNull(table, "table"),
                Table.ESP_SA.uatName(), ESP_COLUMNS)) {
            rows.add(IkeWiresharkEspSaRow.parse(row.fields(), row.line()));
        }
        return rows;
    }

    /** Returns the {@code esp_sa} file of {@code rows}, as Wireshark writes it; <b>it contains keys</b>. */
    public static String espSaTableWithKeys(List<IkeWiresharkEspSaRow> rows) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (IkeWiresharkEspSaRow row : rows) {
            s.append(row.toLineWithKeys()).append('\n');
        }
        return s.toString();
    }
}
