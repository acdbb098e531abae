package io.ipsec4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.JsonFormats;
import io.ipsec4j.config.internal.JsonInput;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects the format of an input from its content (CONFIG-FORMATS.md §0): the first non-blank
 * lines for text, the root element for XML, the keys for JSON. Detection never throws for text or
 * XML; JSON that does not parse is classified by its key names, so the right parser reports the
 * syntax error with its position.
 */
public final class CloudConfigDetector {
    private static final Pattern XSLT = Pattern.compile("(?i)<xsl:(stylesheet|transform)\\b");
    // Indentation is [^\S\n]* (whitespace but LF), not \s*: with MULTILINE, "^\s*" at every line start
    // runs across all the following blank lines and back, which is quadratic in the text (seconds for
    // 80 KB of blank lines).
    private static final Pattern AWS_TUNNEL = Pattern.compile("(?im)^[^\\S\\n]*ipsec\\s+tunnel\\s*#\\s*1\\b");
    private static final Pattern AWS_IKE_SECTION = Pattern.compile("(?im)^[^\\S\\n]*#1\\s*:\\s*internet key exchange");
    private static final Pattern STRONGSWAN = Pattern.compile("(?m)^[^\\S\\n]*conn\\s+Tunnel1\\b|ipsec\\.conf");

    private CloudConfigDetector() {}

    /** The format of {@code text}; {@link CloudConfigFormat#UNKNOWN} when nothing matches. */
    public static CloudConfigFormat detect(ConfigText text) {
        String t = text.text();
        String head = firstNonBlank(t, 4000);
        if (head.startsWith("<")) {
            if (XSLT.matcher(t).find()) {
                // AWS's stylesheets render <vpn_connection> documents; Azure's read /Data/… nodes.
                String lower = t.toLowerCase(Locale.ROOT);
                return lower.contains("vpn_connection") || lower.contains("amazon web services")
                        ? CloudConfigFormat.AWS_XSLT_TEMPLATE : CloudConfigFormat.AZURE_XSLT_TEMPLATE;
            }
            return t.contains("<vpn_connection") ? CloudConfigFormat.AWS_XML : CloudConfigFormat.UNKNOWN;
        }
        if (JsonInput.looksLikeJson(t)) {
            return detectJson(t);
        }
        List<String> lines = text.lines().stream().map(String::strip).filter(s -> !s.isEmpty()).limit(12).toList();
        if (lines.isEmpty()) {
            return CloudConfigFormat.UNKNOWN;
        }
        String first = lines.get(0);
        if (first.matches("(?i)!+\\s*Microsoft Corporation.*")) {
            return CloudConfigFormat.AZURE_DEVICE_SCRIPT;
        }
        boolean awsHeader = lines.stream().limit(3).anyMatch(l -> l.matches("(?i)[!#]*\\s*Amazon Web Services.*"));
        boolean prefixed = first.startsWith("!") || first.startsWith("#");
        // Markdown copies escape the '#' ("IPsec Tunnel \\#1"): match without backslashes.
        String unescaped = t.replace("\\", "");
        boolean genericShape = AWS_TUNNEL.matcher(unescaped).find() && AWS_IKE_SECTION.matcher(unescaped).find();
        if (awsHeader && !prefixed && genericShape && !STRONGSWAN.matcher(t).find()) {
            return CloudConfigFormat.AWS_GENERIC_TEXT;
        }
        if (awsHeader) {
            return CloudConfigFormat.AWS_VENDOR_TEXT;
        }
        if (genericShape && t.contains("Pre-Shared Key")) {
            // A partial copy of the Generic text (the title block was not copied).
            return CloudConfigFormat.AWS_GENERIC_TEXT;
        }
        return CloudConfigFormat.UNKNOWN;
    }

    /** The line of the {@code <xsl:stylesheet>} (or {@code <xsl:transform>}) root element; 1 when there is none. */
    static int xsltRootLine(String t) {
        Matcher m = XSLT.matcher(t);
        if (!m.find()) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (t.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstNonBlank(String t, int max) {
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return t.substring(i, Math.min(t.length(), i + max));
    }

    private static CloudConfigFormat detectJson(String t) {
        JsonNode node;
        try {
            node = JsonInput.readArrayOrSequence(t, CloudConfigFormat.UNKNOWN);
        } catch (ConfigParseException e) {
            return byKeyNames(t);
        }
        JsonAt root = JsonAt.root(node, CloudConfigFormat.UNKNOWN);
        if (root.node().isArray() && root.node().size() > 0 && JsonFormats.isAzureVwan(new JsonAt(root.node().get(0), "/0",
                CloudConfigFormat.UNKNOWN))) {
            return CloudConfigFormat.AZURE_VWAN_JSON;
        }
        if (JsonFormats.isAzureVwan(root)) {
            return CloudConfigFormat.AZURE_VWAN_JSON;
        }
        if (JsonFormats.isAwsApi(root)) {
            return CloudConfigFormat.AWS_API_JSON;
        }
        if (JsonFormats.isAwsTunnelOptions(root)) {
            return CloudConfigFormat.AWS_TUNNEL_OPTIONS_JSON;
        }
        if (JsonFormats.isGcpTunnels(root)) {
            return CloudConfigFormat.GCP_VPN_TUNNEL_JSON;
        }
        if (JsonFormats.isAzureConnection(root)) {
            return CloudConfigFormat.AZURE_CONNECTION_JSON;
        }
        return CloudConfigFormat.UNKNOWN;
    }

    /** Invalid JSON: guess from the key names so the right parser reports the error. */
    private static CloudConfigFormat byKeyNames(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("\"vpnsiteconfiguration\"") || lower.contains("\"vpnsiteconnections\"")) {
            return CloudConfigFormat.AZURE_VWAN_JSON;
        }
        if (lower.contains("\"vpnconnections\"") || lower.contains("\"customergatewayconfiguration\"")) {
            return CloudConfigFormat.AWS_API_JSON;
        }
        if (lower.contains("compute#vpntunnel") || lower.contains("\"sharedsecrethash\"")) {
            return CloudConfigFormat.GCP_VPN_TUNNEL_JSON;
        }
        if (lower.contains("microsoft.network/connections") || lower.contains("\"ipsecpolicies\"")) {
            return CloudConfigFormat.AZURE_CONNECTION_JSON;
        }
        return CloudConfigFormat.UNKNOWN;
    }

    /** A device name for an AWS vendor-specific download, from its commands. */
    static String awsVendorOf(String t) {
        if (STRONGSWAN.matcher(t).find()) {
            return "strongSwan";
        } else if (t.contains("set vpn ipsec")) {
            return "Vyatta";
        } else if (t.contains("tunnel-group") || t.contains("crypto ikev1 policy")) {
            return "Cisco ASA";
        } else if (t.contains("crypto isakmp") || t.contains("crypto keyring")) {
            return "Cisco IOS";
        } else if (t.contains("set security ike")) {
            return "Juniper SRX/JunOS";
        } else if (t.contains("set ike gateway")) {
            return "Juniper ScreenOS";
        } else if (t.contains("config vpn ipsec")) {
            return "Fortinet FortiGate";
        } else if (t.contains("network ike gateway")) {
            return "Palo Alto";
        }
        return "a specific device";
    }
}
