package io.ipsec4j.ike.v2;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.UnknownAlgorithmNameException;
import io.ipsec4j.model.algorithm.WiresharkNames;
import io.ipsec4j.model.algorithm.WiresharkNames.Table;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of Wireshark's {@code ikev2_decryption_table}: the SPIs of an IKE SA, its SK_e and SK_a
 * keys and the names of its encryption and integrity algorithms.
 *
 * <p>Columns: Initiator's SPI, Responder's SPI, SK_ei, SK_er, Encryption algorithm, SK_ai, SK_ar,
 * Integrity algorithm; SPIs and keys as bare hex, the algorithms as quoted
 * {@link WiresharkNames} names. SK_e of an AEAD cipher is key ‖ salt (RFC 5282 §7.1) and its row
 * has no SK_a and the integrity {@code "NONE [RFC4306]"}. An integrity Wireshark cannot check but
 * whose ICV size it has (AES-XCBC-96, AES-CMAC-96) is written as "ANY <i>n</i>-bits of
 * Authentication [No Checking]" without SK_a: Wireshark then decrypts without checking the ICV.
 * <b>A row holds secret keys</b>: {@link #toString()} shows SPIs and names only, {@link #toLineWithKeys()}
 * everything.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14</a>
 */
public final class IkeWiresharkKeyRow {
    private static final String UAT = Table.IKEV2_DECRYPTION.uatName();
    private static final SecretBytes EMPTY = SecretBytes.of(new byte[0]);

    private final long spiI;
    private final long spiR;
    private final SecretBytes skEi;
    private final SecretBytes skEr;
    private final String encryptionName;
    private final SecretBytes skAi;
    private final SecretBytes skAr;
    private final String integrityName;
    private final Encryption encryption;

    private IkeWiresharkKeyRow(long spiI, long spiR, SecretBytes skEi, SecretBytes skEr, String encryptionName,
            SecretBytes skAi, SecretBytes skAr, String integrityName) {
        this.spiI = spiI;
        this.spiR = spiR;
        this.skEi = skEi;
        this.skEr = skEr;
        this.encryptionName = encryptionName;
        this.skAi = skAi;
        this.skAr = skAr;
        this.integrityName = integrityName;
        this.encryption = WiresharkNames.ikev2Encryption(encryptionName);
    }

    /**
     * Returns the row of the IKE SA with SPIs {@code spiI}, {@code spiR} and keys {@code keys}.
     *
     * @throws IllegalArgumentException if Wireshark cannot decrypt the SA's encryption (ChaCha20-Poly1305,
     *     Camellia) or knows neither its integrity nor its ICV size
     */
    public static IkeWiresharkKeyRow of(long spiI, long spiR, IkeKeySchedule keys) {
        Objects.requireNonNull(keys, "keys");
        Encryption e = keys.encryption();
        String encr = WiresharkNames.encryptionName(Table.IKEV2_DECRYPTION, e).orElseThrow(() ->
                new IllegalArgumentException("encryption: " + e + " (expected: one Wireshark decrypts in IKEv2)"));
        if (e.isAead()) {
            return new IkeWiresharkKeyRow(spiI, spiR, keys.skEi(), keys.skEr(), encr, EMPTY, EMPTY,
                    WiresharkNames.integrityName(Table.IKEV2_DECRYPTION, IntegrityAlgorithm.NONE).orElseThrow());
        }
        IntegrityAlgorithm i = keys.integrity();
        Optional<String> checked = WiresharkNames.integrityName(Table.IKEV2_DECRYPTION, i);
        if (checked.isPresent()) {
            return new IkeWiresharkKeyRow(spiI, spiR, keys.skEi(), keys.skEr(), encr, keys.skAi(), keys.skAr(),
                    checked.get());
        }
        // Wireshark takes no SK_a with an unchecked ("ANY") integrity: it only needs the ICV size.
        String unchecked = WiresharkNames.uncheckedIntegrityName(Table.IKEV2_DECRYPTION, i.icvLengthBytes())
                .orElseThrow(() -> new IllegalArgumentException(
                        "integrity: " + i + " (expected: one Wireshark checks or skips in IKEv2)"));
        return new IkeWiresharkKeyRow(spiI, spiR, keys.skEi(), keys.skEr(), encr, EMPTY, EMPTY, unchecked);
    }

    /** Parses one row (its fields as {@link WiresharkUat} split them) of table line {@code line}. */
    static IkeWiresharkKeyRow parse(List<WiresharkUat.Field> f, int line) throws IkeWiresharkTableException {
        byte[] spiI = WiresharkUat.hex(f.get(0), "Initiator's SPI", UAT, line);
        byte[] spiR = WiresharkUat.hex(f.get(1), "Responder's SPI", UAT, line);
        if (spiI.length != 8 || spiR.length != 8) {
            throw new IkeWiresharkTableException(UAT, line, "SPI of " + (spiI.length != 8 ? spiI.length : spiR.length)
                    + " bytes (expected: 8)");
        }
        byte[][] keys = {WiresharkUat.hex(f.get(2), "SK_ei", UAT, line), WiresharkUat.hex(f.get(3), "SK_er", UAT, line),
            WiresharkUat.hex(f.get(5), "SK_ai", UAT, line), WiresharkUat.hex(f.get(6), "SK_ar", UAT, line)};
        try {
            String encr = f.get(4).text();
            String integ = f.get(7).text();
            Encryption e = WiresharkNames.ikev2Encryption(encr);
            Optional<IntegrityAlgorithm> i = WiresharkNames.integrity(Table.IKEV2_DECRYPTION, integ);
            checkLength(line, "SK_ei", keys[0].length, e.keyMaterialLengthBytes());
            checkLength(line, "SK_er", keys[1].length, e.keyMaterialLengthBytes());
            if (e.isAead() && !i.equals(Optional.of(IntegrityAlgorithm.NONE))) {
                throw new IkeWiresharkTableException(UAT, line, "integrity " + WiresharkUat.quote(integ)
                        + " with the AEAD cipher " + WiresharkUat.quote(encr) + " (expected: \"NONE [RFC4306]\")");
            }
            boolean unchecked = WiresharkNames.uncheckedIcvBits(Table.IKEV2_DECRYPTION, integ).isPresent();
            if (i.isPresent() || unchecked) {
                int length = unchecked ? 0 : i.get().keyLengthBytes();
                checkLength(line, "SK_ai", keys[2].length, length);
                checkLength(line, "SK_ar", keys[3].length, length);
            }
            return new IkeWiresharkKeyRow(HexFormat.fromHexDigitsToLong(f.get(0).text()),
                    HexFormat.fromHexDigitsToLong(f.get(1).text()), SecretBytes.of(keys[0]), SecretBytes.of(keys[1]),
                    WiresharkNames.encryptionSpelling(Table.IKEV2_DECRYPTION, encr), SecretBytes.of(keys[2]),
                    SecretBytes.of(keys[3]), WiresharkNames.integritySpelling(Table.IKEV2_DECRYPTION, integ));
        } catch (UnknownAlgorithmNameException unknown) {
            throw new IkeWiresharkTableException(UAT, line, unknown.getMessage());
        } finally {
            for (byte[] k : keys) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    private static void checkLength(int line, String column, int actual, int expected) throws IkeWiresharkTableException {
        if (actual != expected) {
            throw new IkeWiresharkTableException(UAT, line, column + " of " + actual + " bytes (expected: " + expected
                    + " for the row's algorithm)");
        }
    }

    /** Returns the row as Wireshark writes it (no line end); <b>it contains SK_ei, SK_er, SK_ai and SK_ar</b>. */
    public String toLineWithKeys() {
        return String.format("%016x,%016x,%s,%s,%s,%s,%s,%s", spiI, spiR, hex(skEi), hex(skEr),
                WiresharkUat.quote(encryptionName), hex(skAi), hex(skAr), WiresharkUat.quote(integrityName));
    }

    /** Returns the initiator's SPI. */
    public long initiatorSpi() {
        return spiI;
    }

    /** Returns the responder's SPI. */
    public long responderSpi() {
        return spiR;
    }

    /** Returns SK_ei (key ‖ salt for AEAD). */
    public SecretBytes skEi() {
        return skEi;
    }

    /** Returns SK_er (key ‖ salt for AEAD). */
    public SecretBytes skEr() {
        return skEr;
    }

    /** Returns SK_ai (empty for AEAD). */
    public SecretBytes skAi() {
        return skAi;
    }

    /** Returns SK_ar (empty for AEAD). */
    public SecretBytes skAr() {
        return skAr;
    }

    /** Returns the encryption algorithm, with its key size. */
    public Encryption encryption() {
        return encryption;
    }

    /** Returns Wireshark's name of the encryption algorithm, for example {@code "AES-CBC-128 [RFC3602]"}. */
    public String encryptionName() {
        return encryptionName;
    }

    /**
     * Returns the integrity algorithm ({@link IntegrityAlgorithm#NONE} for AEAD), or empty for a name
     * that denotes no IANA transform (an "ANY … [No Checking]" name, a pre-RFC 4868 HMAC-SHA-256-96).
     */
    public Optional<IntegrityAlgorithm> integrity() {
        return WiresharkNames.integrity(Table.IKEV2_DECRYPTION, integrityName);
    }

    /** Returns the ICV size in bits when the integrity is an "ANY … [No Checking]" name, else empty. */
    public OptionalInt uncheckedIcvBits() {
        return WiresharkNames.uncheckedIcvBits(Table.IKEV2_DECRYPTION, integrityName);
    }

    /** Returns Wireshark's name of the integrity algorithm, for example {@code "HMAC_SHA1_96 [RFC2404]"}. */
    public String integrityName() {
        return integrityName;
    }

    /** Shows the SPIs and algorithm names, never a key. */
    @Override
    public String toString() {
        return String.format("IkeWiresharkKeyRow[SPIi %016x, SPIr %016x, %s, %s]", spiI, spiR, encryptionName,
                integrityName);
    }

    private static String hex(SecretBytes key) {
        byte[] k = key.copyBytes();
        try {
            return HexFormat.of().formatHex(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
