package io.ipsec4j.model.algorithm;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and prints the algorithm names used by cloud providers, strongSwan, Harmony SASE, IANA and
 * Wireshark's IKEv2 key table.
 *
 * <p>Site-to-site tunnels are configured from several vocabularies at once: an AWS download says
 * {@code aes-128-cbc} and {@code Group 2}, the AWS API {@code AES128} and {@code 2}, an Azure policy
 * {@code GCMAES256} and {@code PFS2048}, GCP {@code AES-GCM-16-256}, Harmony SASE and strongSwan
 * {@code aes256gcm16}. These methods map each spelling to the registry value and back. Reading
 * trims, collapses inner whitespace and ignores case; an unknown name raises
 * {@link UnknownAlgorithmNameException} with the closest spellings, never a default. Printing gives
 * the vendor's canonical spelling, or empty when the vendor cannot express the value. The
 * {@code *Spellings(vendor)} methods list every accepted spelling (for forms and tests). The vendor
 * specific conventions are documented on {@link Vendor} and on these methods:
 *
 * <ul>
 *   <li>AWS and Azure have no PRF setting; their integrity names also name the PRF.
 *   <li>Wireshark names no PRF or key exchange method; its {@code esp_sa} names are in
 *       {@link WiresharkNames}.
 *   <li>Azure names AEAD integrity after the GCM cipher ({@code GCMAES256}): it reads as
 *       {@link IntegrityAlgorithm#NONE}, and NONE prints as empty (print the cipher instead).
 *   <li>Azure's PFS value {@code PFSMM} ("same group as main mode") names no group by itself:
 *       {@link #isAzurePfsMm(String)} detects it and {@link #azurePfsGroup(String, KeyExchangeMethod)}
 *       resolves it against the IKE group; {@link #keyExchange(Vendor, String)} rejects it.
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 */
public final class AlgorithmNames {

    /** Azure's "PFS group of the main mode" value. */
    private static final String AZURE_PFS_MM = "pfsmm";

    private static final Map<Vendor, VendorNames> TABLES = new EnumMap<>(Vendor.class);

    static {
        TABLES.put(Vendor.IANA, IanaNames.build());
        TABLES.put(Vendor.STRONGSWAN, StrongSwanKeywords.NAMES);
        TABLES.put(Vendor.AWS, CloudNames.aws());
        TABLES.put(Vendor.AZURE, CloudNames.azure());
        TABLES.put(Vendor.GCP, CloudNames.gcp());
        TABLES.put(Vendor.HARMONY_SASE, StrongSwanKeywords.HARMONY);
        TABLES.put(Vendor.WIRESHARK, WiresharkNames.IKEV2);
    }

    private AlgorithmNames() {}

    /**
     * Reads an encryption algorithm with its key size, for example {@code (AWS, "AES256-GCM-16")}.
     *
     * @throws UnknownAlgorithmNameException if the vendor has no such spelling
     */
    public static Encryption encryption(Vendor vendor, String name) {
        return find(vendor, tables(vendor).encryption, "encryption algorithm", name);
    }

    /**
     * Reads an integrity algorithm, for example {@code (GCP, "HMAC-SHA2-256-128")}.
     *
     * @throws UnknownAlgorithmNameException if the vendor has no such spelling
     */
    public static IntegrityAlgorithm integrity(Vendor vendor, String name) {
        return find(vendor, tables(vendor).integrity, "integrity algorithm", name);
    }

    /**
     * Reads a PRF, for example {@code (GCP, "PRF-HMAC-SHA2-256")} or {@code (STRONGSWAN, "prfsha256")}.
     *
     * @throws UnknownAlgorithmNameException if the vendor has no such spelling
     */
    public static PrfAlgorithm prf(Vendor vendor, String name) {
        return find(vendor, tables(vendor).prf, "PRF", name);
    }

    /**
     * Reads a key exchange method (DH group), for example {@code (AZURE, "DHGroup14")} or
     * {@code (AWS, "Diffie-Hellman Group 2")}.
     *
     * @throws UnknownAlgorithmNameException if the vendor has no such spelling
     * @throws IllegalArgumentException for Azure's {@code PFSMM}, which names no group (see
     *     {@link #azurePfsGroup(String, KeyExchangeMethod)})
     */
    public static KeyExchangeMethod keyExchange(Vendor vendor, String name) {
        if (vendor == Vendor.AZURE && isAzurePfsMm(name)) {
            throw new IllegalArgumentException("Azure PFS group " + UnknownAlgorithmNameException.quote(name)
                    + " means \"the IKE (main mode) group\" and names no group by itself"
                    + " (expected: resolve it with AlgorithmNames.azurePfsGroup)");
        }
        return find(vendor, tables(vendor).keyExchange, "key exchange method", name);
    }

    /** Returns {@code true} if {@code name} is Azure's {@code PFSMM} (any case, trimmed). */
    public static boolean isAzurePfsMm(String name) {
        return NameTable.normalize(Objects.requireNonNull(name, "name")).equals(AZURE_PFS_MM);
    }

    /**
     * Reads an Azure PFS group, resolving {@code PFSMM} to {@code ikeGroup}.
     *
     * @throws UnknownAlgorithmNameException if Azure has no such spelling
     */
    public static KeyExchangeMethod azurePfsGroup(String name, KeyExchangeMethod ikeGroup) {
        Objects.requireNonNull(ikeGroup, "ikeGroup");
        return isAzurePfsMm(name) ? ikeGroup : keyExchange(Vendor.AZURE, name);
    }

    /** Returns Azure's PFS spelling of {@code method} ({@code PFS2048}, {@code ECP256}, {@code None}), if any. */
    public static Optional<String> azurePfsName(KeyExchangeMethod method) {
        Objects.requireNonNull(method, "method");
        for (String pfs : new String[] {"PFS1", "PFS2", "PFS2048", "PFS24", "ECP256", "ECP384", "None"}) {
            if (tables(Vendor.AZURE).keyExchange.find(pfs).equals(method)) {
                return Optional.of(pfs);
            }
        }
        return Optional.empty();
    }

    /** Returns how {@code vendor} spells {@code encryption}, or empty if it has no spelling for it. */
    public static Optional<String> name(Vendor vendor, Encryption encryption) {
        return tables(vendor).encryption.nameOf(Objects.requireNonNull(encryption, "encryption"));
    }

    /** Returns how {@code vendor} spells {@code integrity}, or empty (Azure: empty for NONE). */
    public static Optional<String> name(Vendor vendor, IntegrityAlgorithm integrity) {
        return tables(vendor).integrity.nameOf(Objects.requireNonNull(integrity, "integrity"));
    }

    /** Returns how {@code vendor} spells {@code prf}, or empty if it has no spelling for it. */
    public static Optional<String> name(Vendor vendor, PrfAlgorithm prf) {
        return tables(vendor).prf.nameOf(Objects.requireNonNull(prf, "prf"));
    }

    /** Returns how {@code vendor} spells {@code method} (Azure: the DH spelling, see {@link #azurePfsName}). */
    public static Optional<String> name(Vendor vendor, KeyExchangeMethod method) {
        return tables(vendor).keyExchange.nameOf(Objects.requireNonNull(method, "method"));
    }

    /** Returns every encryption spelling {@code vendor} accepts, in table order, with its value. */
    public static Map<String, Encryption> encryptionSpellings(Vendor vendor) {
        return tables(vendor).encryption.spellings();
    }

    /** Returns every integrity spelling {@code vendor} accepts, in table order, with its value. */
    public static Map<String, IntegrityAlgorithm> integritySpellings(Vendor vendor) {
        return tables(vendor).integrity.spellings();
    }

    /** Returns every PRF spelling {@code vendor} accepts, in table order, with its value. */
    public static Map<String, PrfAlgorithm> prfSpellings(Vendor vendor) {
        return tables(vendor).prf.spellings();
    }

    /** Returns every key exchange spelling {@code vendor} accepts, in table order, with its value. */
    public static Map<String, KeyExchangeMethod> keyExchangeSpellings(Vendor vendor) {
        return tables(vendor).keyExchange.spellings();
    }

    private static VendorNames tables(Vendor vendor) {
        return TABLES.get(Objects.requireNonNull(vendor, "vendor"));
    }

    private static <T> T find(Vendor vendor, NameTable<T> table, String what, String name) {
        Objects.requireNonNull(name, "name");
        T value = table.find(name);
        if (value == null) {
            throw new UnknownAlgorithmNameException(vendor, what, name, table.suggestions(name), -1, null);
        }
        return value;
    }
}
