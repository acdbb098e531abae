package io.ipsec4j.model.algorithm;

import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_12;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_16;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CCM_8;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CTR;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_12;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_16;
import static io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_GCM_8;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The algorithm names of Wireshark's key tables ({@link Vendor#WIRESHARK}), read and printed.
 *
 * <p>Wireshark decrypts IKEv2 and ESP with keys from two user tables (UATs) whose algorithm columns
 * hold fixed display names: {@code ikev2_decryption_table} names the cipher with its key size and
 * the integrity algorithm ({@code "AES-CBC-128 [RFC3602]"}, {@code "HMAC_SHA1_96 [RFC2404]"}),
 * {@code esp_sa} names the cipher without key size ({@code "AES-CBC [RFC3602]"},
 * {@code "HMAC-SHA-1-96 [RFC2404]"}). The names here are every name Wireshark 4.0 accepts in each
 * column, checked by loading them into its tables; the IKEv2 names are also the
 * {@link Vendor#WIRESHARK} vocabulary of {@link AlgorithmNames}. Some accepted names denote no IANA
 * transform: an "ANY <i>n</i> bits … [no checking]" integrity (Wireshark decrypts and skips the ICV,
 * see {@link #uncheckedIntegrityName}), a pre-RFC 4868 HMAC-SHA-256-96, RIPEMD, Twofish and ESP's
 * generic {@code "AES-GCM [RFC4106]"}; they read as empty. Reading ignores case and extra
 * whitespace; printing gives Wireshark's exact spelling.
 *
 * @see <a href="https://www.wireshark.org/docs/wsug_html_chunked/ChUserTable.html">Wireshark user tables</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14</a>
 */
public final class WiresharkNames {

    /** A Wireshark key table whose columns name algorithms. */
    public enum Table {
        /** {@code ikev2_decryption_table}: SK payload keys of an IKE SA; cipher names carry the key size. */
        IKEV2_DECRYPTION("ikev2_decryption_table", "-bits of Authentication [No Checking]"),
        /** {@code esp_sa}: keys of one ESP SA direction; the key size follows from the key. */
        ESP_SA("esp_sa", " bit authentication [no checking]");

        private final String uatName;
        private final String anySuffix;

        Table(String uatName, String anySuffix) {
            this.uatName = uatName;
            this.anySuffix = anySuffix;
        }

        /** Returns the table's file and {@code -o uat:} name, for example {@code "esp_sa"}. */
        public String uatName() {
            return uatName;
        }
    }

    /** ICV sizes, in bits, of the "ANY … [no checking]" integrity names of each table. */
    private static final int[] IKEV2_ANY_BITS = {64, 96, 128, 160, 192, 256};
    private static final int[] ESP_ANY_BITS = {64, 96, 128, 192, 256};

    /** The IKEv2 table's names, as {@link AlgorithmNames} reads them for {@link Vendor#WIRESHARK}. */
    static final VendorNames IKEV2 = new VendorNames();

    private static final Map<Table, Names> TABLES = new EnumMap<>(Table.class);

    static {
        Names ike = new Names(IKEV2.integrity, IKEV2_ANY_BITS, Table.IKEV2_DECRYPTION);
        ike.enc(Encryption.TRIPLE_DES, "3DES [RFC2451]");
        for (int bits : new int[] {128, 192, 256}) {
            ike.enc(Encryption.of(AES_CBC, bits), "AES-CBC-" + bits + " [RFC3602]");
        }
        ike.enc(Encryption.NULL, "NULL [RFC2410]");
        for (int bits : new int[] {128, 192, 256}) {
            ike.enc(Encryption.of(AES_CTR, bits), "AES-CTR-" + bits + " [RFC5930]");
        }
        for (String mode : new String[] {"GCM", "CCM"}) {
            for (int icv : new int[] {16, 8, 12}) {
                for (int bits : new int[] {128, 192, 256}) {
                    ike.enc(Encryption.of(aead(mode, icv), bits),
                            "AES-" + mode + "-" + bits + " with " + icv + " octet ICV [RFC5282]");
                }
            }
        }
        ike.integ(IntegrityAlgorithm.HMAC_MD5_96, "HMAC_MD5_96 [RFC2403]")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "HMAC_SHA1_96 [RFC2404]")
                .integ(IntegrityAlgorithm.HMAC_MD5_128, "HMAC_MD5_128 [RFC4595]")
                .integ(IntegrityAlgorithm.HMAC_SHA1_160, "HMAC_SHA1_160 [RFC4595]")
                .integ(null, "HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "HMAC_SHA2_256_128 [RFC4868]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "HMAC_SHA2_384_192 [RFC4868]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_512_256, "HMAC_SHA2_512_256 [RFC4868]")
                .integ(IntegrityAlgorithm.NONE, "NONE [RFC4306]")
                .any("ANY ");
        TABLES.put(Table.IKEV2_DECRYPTION, ike);

        Names esp = new Names(new NameTable<>(), ESP_ANY_BITS, Table.ESP_SA);
        esp.encAlg(EncryptionAlgorithm.NULL, "NULL")
                .encAlg(EncryptionAlgorithm.TRIPLE_DES, "TripleDES-CBC [RFC2451]")
                .encAlg(AES_CBC, "AES-CBC [RFC3602]")
                .encAlg(AES_CTR, "AES-CTR [RFC3686]")
                .encAlg(EncryptionAlgorithm.DES, "DES-CBC [RFC2405]")
                .encAlg(EncryptionAlgorithm.CAST, "CAST5-CBC [RFC2144]")
                .encAlg(EncryptionAlgorithm.BLOWFISH, "BLOWFISH-CBC [RFC2451]")
                .encAlg(null, "TWOFISH-CBC")
                .encAlg(null, "AES-GCM [RFC4106]")
                .encAlg(AES_GCM_8, "AES-GCM with 8 octet ICV [RFC4106]")
                .encAlg(AES_GCM_12, "AES-GCM with 12 octet ICV [RFC4106]")
                .encAlg(AES_GCM_16, "AES-GCM with 16 octet ICV [RFC4106]");
        esp.integ(IntegrityAlgorithm.NONE, "NULL")
                .integ(IntegrityAlgorithm.HMAC_SHA1_96, "HMAC-SHA-1-96 [RFC2404]")
                .integ(null, "HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_256_128, "HMAC-SHA-256-128 [RFC4868]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_384_192, "HMAC-SHA-384-192 [RFC4868]")
                .integ(IntegrityAlgorithm.HMAC_SHA2_512_256, "HMAC-SHA-512-256 [RFC4868]")
                .integ(IntegrityAlgorithm.HMAC_MD5_96, "HMAC-MD5-96 [RFC2403]")
                .integ(null, "MAC-RIPEMD-160-96 [RFC2857]")
                .any("ANY ");
        TABLES.put(Table.ESP_SA, esp);
    }

    private WiresharkNames() {}

    /** Returns every encryption name {@code table} accepts, in Wireshark's order. */
    public static List<String> encryptionNames(Table table) {
        return List.copyOf(names(table).encryptionAll.spellings().keySet());
    }

    /** Returns every integrity name {@code table} accepts, in Wireshark's order. */
    public static List<String> integrityNames(Table table) {
        return List.copyOf(names(table).integrityAll.spellings().keySet());
    }

    /**
     * Returns how {@code table} names {@code encryption} ({@code esp_sa}: whatever the key size), or
     * empty if Wireshark cannot decrypt it there (ChaCha20-Poly1305, Camellia, ESP CCM and GMAC).
     */
    public static Optional<String> encryptionName(Table table, Encryption encryption) {
        Objects.requireNonNull(encryption, "encryption");
        return table == Table.ESP_SA ? names(table).encryption.nameOf(encryption.algorithm())
                : IKEV2.encryption.nameOf(encryption);
    }

    /** Returns how {@code table} names {@code integrity}, or empty if Wireshark cannot check it there. */
    public static Optional<String> integrityName(Table table, IntegrityAlgorithm integrity) {
        return names(table).integrity.nameOf(Objects.requireNonNull(integrity, "integrity"));
    }

    /**
     * Returns the name of an integrity of {@code icvBytes} whose ICV Wireshark skips but whose
     * payload it still decrypts ({@code "ANY 96-bits of Authentication [No Checking]"}), or empty if
     * {@code table} has none of that size; a row for AES-XCBC-96, for example, uses it.
     */
    public static Optional<String> uncheckedIntegrityName(Table table, int icvBytes) {
        return names(table).anyIcvBits.nameOf(icvBytes * 8);
    }

    /**
     * Reads an {@code ikev2_decryption_table} encryption name, for example
     * {@code "AES-CCM-128 with 12 octet ICV [RFC5282]"}.
     *
     * @throws UnknownAlgorithmNameException if the table has no such name
     */
    public static Encryption ikev2Encryption(String name) {
        return AlgorithmNames.encryption(Vendor.WIRESHARK, name);
    }

    /**
     * Reads an encryption name of {@code table}: its algorithm, or empty for a name that denotes no
     * IANA transform ({@code "TWOFISH-CBC"}, {@code "AES-GCM [RFC4106]"}).
     *
     * @throws UnknownAlgorithmNameException if the table has no such name
     */
    public static Optional<EncryptionAlgorithm> encryptionAlgorithm(Table table, String name) {
        Names n = names(table);
        accepted(n.encryptionAll, table, "encryption algorithm", name);
        return Optional.ofNullable(n.encryption.find(name));
    }

    /**
     * Reads an integrity name of {@code table}: its algorithm, or empty for a name that denotes no
     * IANA transform (the "ANY … [no checking]" names, see {@link #uncheckedIcvBits}).
     *
     * @throws UnknownAlgorithmNameException if the table has no such name
     */
    public static Optional<IntegrityAlgorithm> integrity(Table table, String name) {
        Names n = names(table);
        accepted(n.integrityAll, table, "integrity algorithm", name);
        return Optional.ofNullable(n.integrity.find(name));
    }

    /**
     * Returns Wireshark's exact spelling of the encryption name {@code name} (read in any case).
     *
     * @throws UnknownAlgorithmNameException if the table has no such name
     */
    public static String encryptionSpelling(Table table, String name) {
        return accepted(names(table).encryptionAll, table, "encryption algorithm", name);
    }

    /**
     * Returns Wireshark's exact spelling of the integrity name {@code name} (read in any case).
     *
     * @throws UnknownAlgorithmNameException if the table has no such name
     */
    public static String integritySpelling(Table table, String name) {
        return accepted(names(table).integrityAll, table, "integrity algorithm", name);
    }

    /** Returns the ICV size, in bits, of an "ANY … [no checking]" integrity name, or empty for other names. */
    public static OptionalInt uncheckedIcvBits(Table table, String name) {
        Integer bits = names(table).anyIcvBits.find(Objects.requireNonNull(name, "name"));
        return bits == null ? OptionalInt.empty() : OptionalInt.of(bits);
    }

    private static Names names(Table table) {
        return TABLES.get(Objects.requireNonNull(table, "table"));
    }

    private static String accepted(NameTable<String> all, Table table, String what, String name) {
        Objects.requireNonNull(name, "name");
        String spelling = all.find(name);
        if (spelling == null) {
            throw new UnknownAlgorithmNameException(Vendor.WIRESHARK, table.uatName + " " + what, name,
                    all.suggestions(name), -1, null);
        }
        return spelling;
    }

    private static EncryptionAlgorithm aead(String mode, int icv) {
        boolean gcm = mode.equals("GCM");
        return switch (icv) {
            case 8 -> gcm ? AES_GCM_8 : AES_CCM_8;
            case 12 -> gcm ? AES_GCM_12 : AES_CCM_12;
            default -> gcm ? AES_GCM_16 : AES_CCM_16;
        };
    }

    /**
     * One table's names: every accepted spelling (in Wireshark's order), those that denote an IANA
     * transform, and the "ANY … [no checking]" ones by ICV size.
     */
    private static final class Names {
        final NameTable<String> encryptionAll = new NameTable<>();
        final NameTable<String> integrityAll = new NameTable<>();
        final NameTable<EncryptionAlgorithm> encryption = new NameTable<>();
        final NameTable<IntegrityAlgorithm> integrity;
        final NameTable<Integer> anyIcvBits = new NameTable<>();
        private final int[] anyBits;
        private final Table table;

        Names(NameTable<IntegrityAlgorithm> integrity, int[] anyBits, Table table) {
            this.integrity = integrity;
            this.anyBits = anyBits;
            this.table = table;
        }

        /** An IKEv2 cipher name: also registered with its key size for {@link AlgorithmNames}. */
        void enc(Encryption encryption, String name) {
            IKEV2.encryption.add(encryption, name);
            encAlg(encryption.algorithm(), name);
        }

        /** A cipher name; {@code algorithm} is null for a name that denotes no IANA transform. */
        Names encAlg(EncryptionAlgorithm algorithm, String name) {
            if (algorithm != null) {
                encryption.add(algorithm, name);
            }
            encryptionAll.add(name, name);
            return this;
        }

        /** An integrity name; {@code algorithm} is null for a name that denotes no IANA transform. */
        Names integ(IntegrityAlgorithm algorithm, String name) {
            if (algorithm != null) {
                integrity.add(algorithm, name);
            }
            integrityAll.add(name, name);
            return this;
        }

        /** The "ANY n bits [no checking]" integrity names. */
        void any(String prefix) {
            for (int bits : anyBits) {
                String name = prefix + bits + table.anySuffix;
                anyIcvBits.add(bits, name);
                integrityAll.add(name, name);
            }
        }
    }
}
