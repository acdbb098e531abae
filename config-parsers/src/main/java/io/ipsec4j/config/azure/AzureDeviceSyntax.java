package io.ipsec4j.config.azure;

import io.ipsec4j.config.internal.AlgorithmResolver;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the device syntax of Azure's generated scripts ({@code aes-cbc-256}, {@code esp-gcm 256},
 * {@code sha1}, {@code 2}, {@code none}; CONFIG-FORMATS.md §2.2.1) to Azure's policy names
 * ({@code AES256}, {@code GCMAES256}, {@code SHA1}, {@code DHGroup2}, {@code None}), which the model's
 * registry knows. A value that does not translate is returned unchanged, so the registry reports it.
 */
final class AzureDeviceSyntax {
    /** The translation as the resolver's spelling: the script's names stay as written. */
    static final AlgorithmResolver.Spelling SPELLING = new AlgorithmResolver.Spelling() {
        @Override
        public String encryption(String written) {
            return AzureDeviceSyntax.encryption(written);
        }

        @Override
        public String integrity(String written) {
            return AzureDeviceSyntax.integrity(written);
        }

        @Override
        public String dhGroup(String written) {
            return AzureDeviceSyntax.dhGroup(written);
        }

        @Override
        public String pfsGroup(String written) {
            return AzureDeviceSyntax.pfsGroup(written);
        }
    };

    private static final Pattern GCM = Pattern.compile("(?:aes)?gcm(?:aes)?(128|192|256)?(?:gcm)?(?:16|128icv)?");
    private static final Pattern GCM_BITS_FIRST = Pattern.compile("aes(128|192|256)gcm(?:16)?");
    private static final Pattern CBC = Pattern.compile("aes(?:cbc)?(128|192|256)?(?:cbc)?");
    private static final Pattern GROUP = Pattern.compile("(?:dh|dhgroup|group|pfs|pfsgroup|modp)?(\\d{1,2})");
    private static final Map<Integer, String> DH = Map.of(1, "DHGroup1", 2, "DHGroup2", 14, "DHGroup14", 24, "DHGroup24",
            19, "ECP256", 20, "ECP384");
    private static final Map<Integer, String> PFS = Map.of(1, "PFS1", 2, "PFS2", 14, "PFS2048", 24, "PFS24",
            19, "ECP256", 20, "ECP384");

    private AzureDeviceSyntax() {}

    private static String squash(String value) {
        String v = value.toLowerCase(Locale.ROOT).trim();
        if (v.startsWith("esp-") || v.startsWith("esp ")) {
            v = v.substring(4);
        }
        if (v.endsWith("-hmac")) {
            v = v.substring(0, v.length() - 5);
        }
        return v.replaceAll("[-_\\s]", "");
    }

    static String encryption(String value) {
        String v = squash(value);
        Matcher m = GCM.matcher(v);
        if (m.matches()) {
            return "GCMAES" + (m.group(1) == null ? "128" : m.group(1));
        }
        m = GCM_BITS_FIRST.matcher(v);
        if (m.matches()) {
            return "GCMAES" + m.group(1);
        }
        m = CBC.matcher(v);
        if (m.matches()) {
            return "AES" + (m.group(1) == null ? "128" : m.group(1));
        }
        switch (v) {
            case "3des", "des3", "3descbc":
                return "DES3";
            case "des", "descbc":
                return "DES";
            case "null", "none":
                return "None";
            default:
                return value.trim();
        }
    }

    static String integrity(String value) {
        switch (squash(value)) {
            case "sha", "sha1", "sha196", "hmacsha1", "hmacsha196":
                return "SHA1";
            case "sha256", "sha2256", "hmacsha256", "hmacsha2256128", "hmacsha256128":
                return "SHA256";
            case "sha384", "sha2384", "hmacsha384":
                return "SHA384";
            case "md5", "hmacmd5", "md596":
                return "MD5";
            default:
                return value.trim();
        }
    }

    static String dhGroup(String value) {
        return group(value, DH);
    }

    static String pfsGroup(String value) {
        return group(value, PFS);
    }

    private static String group(String value, Map<Integer, String> names) {
        String v = squash(value);
        if (v.equals("none") || v.equals("nopfs")) {
            return "None";
        }
        Matcher m = GROUP.matcher(v);
        if (m.matches() && names.containsKey(Integer.parseInt(m.group(1)))) {
            return names.get(Integer.parseInt(m.group(1)));
        }
        return value.trim();
    }
}
