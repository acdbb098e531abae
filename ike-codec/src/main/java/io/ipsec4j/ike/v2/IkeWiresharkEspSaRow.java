package io.ipsec4j.ike.v2;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.UnknownAlgorithmNameException;
import io.ipsec4j.model.algorithm.WiresharkNames;
import io.ipsec4j.model.algorithm.WiresharkNames.Table;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of Wireshark's {@code esp_sa} table: one direction of a Child SA with its keys.
 *
 * <p>Columns, every one quoted: Protocol ({@code IPv4}, {@code IPv6}), Src IP, Dest IP (addresses,
 * or patterns such as {@code 10.0.0.*} and {@code *}), SPI ({@code 0x}-prefixed hex or {@code *}),
 * Encryption, Encryption Key, Authentication, Authentication Key (keys as {@code 0x}-prefixed hex or
 * plain text, empty for none). Names are {@link WiresharkNames} {@code esp_sa} names. The key of an
 * AEAD cipher is key ‖ salt (RFC 4106 §8.1). An integrity Wireshark cannot check but whose ICV size
 * it has (AES-XCBC-96, AES-CMAC-96, HMAC-MD5-128) is written as "ANY <i>n</i> bit authentication [no
 * checking]". Fields other than the names are kept as written, so a table reads and writes back
 * unchanged. <b>A row holds secret keys</b>: {@link #toString()} shows no key, {@link #toLineWithKeys()} both.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2">RFC 4303 §2</a>
 */
public final class IkeWiresharkEspSaRow {
    private static final String UAT = Table.ESP_SA.uatName();
    private static final List<String> PROTOCOLS = List.of("IPv4", "IPv6");

    private final String protocol;
    private final String source;
    private final String destination;
    private final String spi;
    private final String encryptionName;
    private final SecretBytes encryptionKeyField;
    private final String integrityName;
    private final SecretBytes authenticationKeyField;

    private IkeWiresharkEspSaRow(String protocol, String source, String destination, String spi,
            String encryptionName, SecretBytes encryptionKeyField, String integrityName,
            SecretBytes authenticationKeyField) {
        this.protocol = protocol;
        this.source = source;
        this.destination = destination;
        this.spi = spi;
        this.encryptionName = encryptionName;
        this.encryptionKeyField = encryptionKeyField;
        this.integrityName = integrityName;
        this.authenticationKeyField = authenticationKeyField;
    }

    /**
     * Returns the row of one direction of a Child SA, from {@code source} to {@code destination} with
     * SPI {@code spi} ({@code integrityKey} is {@code null} with AEAD or no integrity).
     *
     * @throws IllegalArgumentException if the addresses differ in IP version, or Wireshark cannot
     *     decrypt {@code encryption} in ESP (ChaCha20-Poly1305, AES-CCM, AES-GMAC, Camellia) or knows
     *     neither {@code integrity} nor its ICV size
     */
    public static IkeWiresharkEspSaRow of(InetAddress source, InetAddress destination, int spi, Encryption encryption,
            SecretBytes encryptionKey, IntegrityAlgorithm integrity, SecretBytes integrityKey) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        boolean v6 = source instanceof Inet6Address;
        if (v6 != destination instanceof Inet6Address) {
            throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                    + destination.getHostAddress() + " (expected: the same IP version)");
        }
        String encr = WiresharkNames.encryptionName(Table.ESP_SA, encryption).orElseThrow(() ->
                new IllegalArgumentException("encryption: " + encryption + " (expected: one Wireshark decrypts in ESP)"));
        IntegrityAlgorithm i = encryption.isAead() ? IntegrityAlgorithm.NONE : Objects.requireNonNull(integrity,
                "integrity");
        String integ = WiresharkNames.integrityName(Table.ESP_SA, i)
                .or(() -> WiresharkNames.uncheckedIntegrityName(Table.ESP_SA, i.icvLengthBytes()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "integrity: " + i + " (expected: one Wireshark checks or skips in ESP)"));
        SecretBytes authKey = integrityKey == null || i.equals(IntegrityAlgorithm.NONE) ? null : integrityKey;
        return new IkeWiresharkEspSaRow(v6 ? "IPv6" : "IPv4", source.getHostAddress(), destination.getHostAddress(),
                String.format("0x%08x", spi), encr, hexField(encryptionKey), integ, hexField(authKey));
    }

    /** Parses one row (its fields as {@link WiresharkUat} split them) of table line {@code line}. */
    static IkeWiresharkEspSaRow parse(List<WiresharkUat.Field> f, int line) throws IkeWiresharkTableException {
        String protocol = PROTOCOLS.stream().filter(p -> p.equalsIgnoreCase(f.get(0).text())).findFirst()
                .orElseThrow(() -> new IkeWiresharkTableException(UAT, line, "protocol "
                        + WiresharkUat.quote(f.get(0).text()) + " (expected: \"IPv4\" or \"IPv6\")"));
        try {
            String encr = WiresharkNames.encryptionSpelling(Table.ESP_SA, f.get(4).text());
            String integ = WiresharkNames.integritySpelling(Table.ESP_SA, f.get(6).text());
            for (int k : new int[] {5, 7}) {
                String key = f.get(k).text();
                if (isHex(key) && !key.substring(2).chars().allMatch(HexFormat::isHexDigit)) {
                    throw new IkeWiresharkTableException(UAT, line, (k == 5 ? "encryption" : "authentication")
                            + " key: not hex after 0x");
                }
            }
            return new IkeWiresharkEspSaRow(protocol, f.get(1).text(), f.get(2).text(), f.get(3).text(), encr,
                    text(f.get(5).text()), integ, text(f.get(7).text()));
        } catch (UnknownAlgorithmNameException unknown) {
            throw new IkeWiresharkTableException(UAT, line, unknown.getMessage());
        }
    }

    /** Returns the row as Wireshark writes it (no line end); <b>it contains both keys</b>. */
    public String toLineWithKeys() {
        return String.join(",", WiresharkUat.quote(protocol), WiresharkUat.quote(source),
                WiresharkUat.quote(destination), WiresharkUat.quote(spi), WiresharkUat.quote(encryptionName),
                WiresharkUat.quote(fieldText(encryptionKeyField)), WiresharkUat.quote(integrityName),
                WiresharkUat.quote(fieldText(authenticationKeyField)));
    }

    /** Returns {@code "IPv4"} or {@code "IPv6"}. */
    public String protocol() {
        return protocol;
    }

    /** Returns the source address or pattern, as written. */
    public String source() {
        return source;
    }

    /** Returns the destination address or pattern, as written. */
    public String destination() {
        return destination;
    }

    /** Returns the SPI as written ({@code "0x0000abcd"} or {@code "*"}). */
    public String spi() {
        return spi;
    }

    /** Returns Wireshark's name of the cipher, for example {@code "AES-CBC [RFC3602]"}. */
    public String encryptionName() {
        return encryptionName;
    }

    /** Returns the cipher, or empty for a name that denotes no IANA transform ({@code "TWOFISH-CBC"}). */
    public Optional<EncryptionAlgorithm> encryptionAlgorithm() {
        return WiresharkNames.encryptionAlgorithm(Table.ESP_SA, encryptionName);
    }

    /** Returns the encryption key (‖ salt for AEAD and CTR): the hex after {@code 0x}, else the text's bytes. */
    public SecretBytes encryptionKey() {
        return decode(encryptionKeyField);
    }

    /** Returns Wireshark's name of the integrity, for example {@code "HMAC-SHA-256-128 [RFC4868]"}. */
    public String integrityName() {
        return integrityName;
    }

    /** Returns the integrity ({@link IntegrityAlgorithm#NONE} for {@code "NULL"}), or empty for an "ANY …" name. */
    public Optional<IntegrityAlgorithm> integrity() {
        return WiresharkNames.integrity(Table.ESP_SA, integrityName);
    }

    /** Returns the authentication key: the hex after {@code 0x}, else the text's bytes; empty for none. */
    public SecretBytes authenticationKey() {
        return decode(authenticationKeyField);
    }

    /** Shows addresses, SPI and names, never a key. */
    @Override
    public String toString() {
        return "IkeWiresharkEspSaRow[" + protocol + " " + source + " -> " + destination + ", SPI " + spi + ", "
                + encryptionName + ", " + integrityName + "]";
    }

    private static boolean isHex(String key) {
        return key.length() > 2 && key.charAt(0) == '0' && (key.charAt(1) == 'x' || key.charAt(1) == 'X');
    }

    private static SecretBytes text(String field) {
        return SecretBytes.of(field.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String fieldText(SecretBytes field) {
        byte[] b = field.copyBytes();
        try {
            return new String(b, StandardCharsets.ISO_8859_1);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    private static SecretBytes hexField(SecretBytes key) {
        if (key == null || key.length() == 0) {
            return text("");
        }
        byte[] k = key.copyBytes();
        try {
            return text("0x" + HexFormat.of().formatHex(k));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private static SecretBytes decode(SecretBytes field) {
        String text = fieldText(field);
        if (!isHex(text)) {
            return field;
        }
        String digits = text.substring(2).toLowerCase(Locale.ROOT);
        // Wireshark reads an odd number of digits as if a 0 led them.
        return SecretBytes.of(HexFormat.of().parseHex(digits.length() % 2 == 0 ? digits : "0" + digits));
    }
}
