package io.ipsec4j.model.algorithm;

/**
 * Whose spelling of an algorithm name {@link AlgorithmNames} reads or prints.
 *
 * <p>Every source of tunnel settings names the same IANA transforms differently: AWS uses
 * {@code AES256-GCM-16} in its API and {@code aes-256-cbc} in its configuration files, Azure
 * {@code GCMAES256}, GCP {@code AES-GCM-16-256}, strongSwan and Harmony SASE the proposal keyword
 * {@code aes256gcm16}, Wireshark's key tables {@code AES-GCM-256 with 16 octet ICV [RFC5282]}. Each
 * constant selects one such vocabulary.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 */
public enum Vendor {
    /** The IANA registry names: {@code ENCR_AES_GCM_16-256}, {@code AUTH_HMAC_SHA2_256_128}, {@code 2048-bit MODP Group}. */
    IANA("IANA"),
    /** strongSwan proposal keywords: {@code aes256gcm16}, {@code sha256}, {@code prfsha384}, {@code modp2048}. */
    STRONGSWAN("strongSwan"),
    /** AWS Site-to-Site VPN: API values ({@code AES256-GCM-16}, {@code SHA2-256}, {@code 14}) and file values ({@code aes-128-cbc}, {@code group2}). */
    AWS("AWS"),
    /** Azure VPN Gateway / Virtual WAN IPsec policy values: {@code GCMAES256}, {@code SHA256}, {@code DHGroup14}, {@code PFS2048}. */
    AZURE("Azure"),
    /** GCP Cloud VPN cipher names: {@code AES-GCM-16-256}, {@code HMAC-SHA2-256-128}, {@code PRF-HMAC-SHA2-256}, {@code Group-14}. */
    GCP("GCP"),
    /**
     * Check Point Harmony SASE (ex-Perimeter 81) API enums: strongSwan keywords, DH groups as numbers.
     * Its {@code auth} enum mixes integrity ({@code sha256}) and PRF ({@code prfsha256}) keywords: read
     * the {@code prf*} values with {@link AlgorithmNames#prf}, the others with {@link AlgorithmNames#integrity}.
     */
    HARMONY_SASE("Harmony SASE"),
    /**
     * Wireshark's key tables: the {@code ikev2_decryption_table} names ({@code AES-CBC-128 [RFC3602]},
     * {@code HMAC_SHA2_256_128 [RFC4868]}); no PRF or key exchange names. The {@code esp_sa} names
     * and the names that denote no transform are read and printed by {@link WiresharkNames}.
     */
    WIRESHARK("Wireshark");

    private final String displayName;

    Vendor(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the name used in messages, for example {@code "Harmony SASE"}. */
    public String displayName() {
        return displayName;
    }
}
