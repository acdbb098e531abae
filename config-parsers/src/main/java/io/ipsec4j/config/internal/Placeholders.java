package io.ipsec4j.config.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises documentation placeholders that stand where a value should be
 * (CONFIG-FORMATS.md §1.2.4 quirk 8, §2.1, §2.2): {@code YOUR_UPLINK_ADDRESS}, {@code YOUR_BGP_ASN},
 * {@code plain-text-password1}, {@code AWS_ENDPOINT_1}, {@code your-cgw-ip-address},
 * {@code pre-shared-key}, {@code VNG_ASN}, {@code <LOCAL IP>}, …
 */
public final class Placeholders {
    private static final Set<String> KNOWN = Set.of(
            "your_uplink_address", "your_bgp_asn", "pre-shared-key-in-plain-text", "aws_endpoint_1", "aws_endpoint_2",
            "your-cgw-ip-address", "pre-shared-key", "password_here", "public_ip_address_of_your_nva", "your_password",
            "vng_asn", "lng_asn", "lng_bgpip", "vng_bgpip", "psk", "shared_key", "sharedkey", "changeme");

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)plain-text-password\\d*|your[-_].*|<[^>]*>|\\$\\{[^}]*}");

    /** Placeholder-looking words in non-secret fields: ALL_CAPS_WITH_UNDERSCORES, your-…, <…>. */
    private static final Pattern GENERIC = Pattern.compile(
            "(?i:your[-_ ].*|.*_here|<[^>]*>|\\$\\{[^}]*}|x\\.x\\.x\\.x|.*placeholder.*)|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");

    private Placeholders() {}

    /** True when a secret field holds a known placeholder (strict: real keys are random). */
    public static boolean isSecretPlaceholder(String value) {
        String v = value.trim();
        return KNOWN.contains(v.toLowerCase(Locale.ROOT)) || SECRET_LIKE.matcher(v).matches();
    }

    /** True when a non-secret field (address, ASN, id) holds something that looks like a placeholder. */
    public static boolean isPlaceholder(String value) {
        String v = value.trim();
        return KNOWN.contains(v.toLowerCase(Locale.ROOT)) || SECRET_LIKE.matcher(v).matches() || GENERIC.matcher(v).matches();
    }
}
