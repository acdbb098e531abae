package io.ipsec4j.model.check;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The vendor profiles: AWS Site-to-Site VPN, Azure VPN Gateway and Virtual WAN custom policies,
 * GCP Cloud VPN and Check Point Harmony SASE.
 *
 * <p>Each profile checks a tunnel against what that vendor accepts (see {@link VendorProfile});
 * the rules and their sources are documented on each profile class and come from
 * docs/CONFIG-FORMATS.md §1.5, §2.1.2, §2.3, §3 and §4.
 *
 * <pre>{@code
 * VendorProfiles.byName("azure vpn gateway").ifPresent(p -> p.check(tunnel).forEach(System.out::println));
 * }</pre>
 *
 * @see VendorProfile
 */
public final class VendorProfiles {
    /** AWS Site-to-Site VPN tunnel options (CONFIG-FORMATS §1.5). */
    public static final VendorProfile AWS = new AwsProfile();
    /** Azure VPN Gateway with a custom IPsec/IKE policy (CONFIG-FORMATS §2.3). */
    public static final VendorProfile AZURE = AzureProfile.vpnGateway();
    /** Azure Virtual WAN hub connection with a custom policy (CONFIG-FORMATS §2.1.2). */
    public static final VendorProfile AZURE_VWAN = AzureProfile.virtualWan();
    /** GCP Cloud VPN with a Cloud Router (CONFIG-FORMATS §3). */
    public static final VendorProfile GCP = new GcpProfile();
    /** Check Point Harmony SASE IPsec tunnel API (CONFIG-FORMATS §4). */
    public static final VendorProfile HARMONY_SASE = new HarmonySaseProfile();

    private static final List<VendorProfile> ALL = List.of(AWS, AZURE, AZURE_VWAN, GCP, HARMONY_SASE);

    private VendorProfiles() {}

    /** Every profile, in the order above. */
    public static List<VendorProfile> all() {
        return ALL;
    }

    /**
     * The profile whose {@link VendorProfile#name()} or constant name is {@code name}, ignoring case,
     * spaces, hyphens and underscores: {@code "Azure VPN Gateway"}, {@code "azure"},
     * {@code "AZURE_VWAN"}, {@code "harmony-sase"}.
     */
    public static Optional<VendorProfile> byName(String name) {
        Objects.requireNonNull(name, "name");
        String key = normalize(name);
        List<String> constants = List.of("AWS", "AZURE", "AZURE_VWAN", "GCP", "HARMONY_SASE");
        for (int i = 0; i < ALL.size(); i++) {
            if (key.equals(normalize(constants.get(i))) || key.equals(normalize(ALL.get(i).name()))) {
                return Optional.of(ALL.get(i));
            }
        }
        return Optional.empty();
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }
}
