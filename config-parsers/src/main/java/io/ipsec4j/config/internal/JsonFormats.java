package io.ipsec4j.config.internal;

import io.ipsec4j.config.ConfigParseException;
import java.util.List;
import java.util.Optional;

/**
 * What tells the JSON formats apart, for {@code CloudConfigDetector} and the JSON parsers alike:
 * the detector picks a parser with the {@code is…} tests, and the parsers find their resources with
 * the same shape rules ({@link #azureConnectionResource}, {@link #gcpTunnels}).
 */
public final class JsonFormats {
    private JsonFormats() {}

    /** True when {@code root} looks like AWS's describe-vpn-connections answer or one connection of it. */
    public static boolean isAwsApi(JsonAt root) {
        if (root.has("VpnConnections") || root.has("VpnConnection")) {
            return true;
        }
        return root.node().isObject() && (root.has("CustomerGatewayConfiguration")
                || (root.has("VpnConnectionId") && root.has("Options")));
    }

    /** Keys only an AWS tunnel options specification has (any one is enough to recognise a bare one). */
    private static final List<String> AWS_TUNNEL_OPTION_KEYS = List.of("Phase1EncryptionAlgorithms",
            "Phase2EncryptionAlgorithms", "Phase1IntegrityAlgorithms", "Phase2IntegrityAlgorithms", "Phase1DHGroupNumbers",
            "Phase2DHGroupNumbers", "IKEVersions", "Phase1LifetimeSeconds", "Phase2LifetimeSeconds",
            "RekeyMarginTimeSeconds", "TunnelInsideCidr", "TunnelInsideIpv6Cidr", "DPDTimeoutSeconds", "DPDTimeoutAction",
            "ReplayWindowSize");

    /**
     * True when {@code root} looks like AWS tunnel options as a request states them (a
     * modify-vpn-tunnel-options input, bare tunnel options, or create-vpn-connection options); test
     * {@link #isAwsApi} first.
     */
    public static boolean isAwsTunnelOptions(JsonAt root) {
        if (!root.node().isObject()) {
            return false;
        }
        if (root.has("TunnelOptions") || root.has("VpnTunnelOutsideIpAddress")) {
            return true;
        }
        Optional<JsonAt> options = root.get("Options").filter(o -> o.node().isObject());
        if (options.isPresent() && options.get().has("TunnelOptions")) {
            return true;
        }
        return AWS_TUNNEL_OPTION_KEYS.stream().anyMatch(root::has);
    }

    /** True when {@code element} has the Azure Virtual WAN keys. */
    public static boolean isAzureVwan(JsonAt element) {
        return element.node().isObject() && (element.has("vpnSiteConfiguration") || element.has("vpnSiteConnections"));
    }

    /** True when {@code root} looks like an Azure connection resource (or its REST example wrapper). */
    public static boolean isAzureConnection(JsonAt root) {
        try {
            JsonAt r = azureConnectionResource(root);
            if (r.optionalText("type").map(t -> t.equalsIgnoreCase("Microsoft.Network/connections")).orElse(false)) {
                return true;
            }
            Optional<JsonAt> p = r.optionalObject("properties");
            return p.isPresent() && (p.get().has("connectionType") || p.get().has("ipsecPolicies"));
        } catch (ConfigParseException e) {
            return false;
        }
    }

    /** The Azure connection resource inside a REST example wrapper, or the root itself. */
    public static JsonAt azureConnectionResource(JsonAt root) throws ConfigParseException {
        Optional<JsonAt> body = root.optionalObject("responses").flatMap(r -> r.get("200")).flatMap(r -> r.get("body"));
        return body.isPresent() && body.get().node().isObject() ? body.get() : root;
    }

    /** True when {@code root} is (or wraps) GCP vpnTunnel resources only. */
    public static boolean isGcpTunnels(JsonAt root) {
        try {
            List<JsonAt> tunnels = gcpTunnels(root);
            return !tunnels.isEmpty() && tunnels.stream().allMatch(JsonFormats::isGcpTunnel);
        } catch (ConfigParseException e) {
            return false;
        }
    }

    /** True when {@code t} is one GCP vpnTunnel resource. */
    public static boolean isGcpTunnel(JsonAt t) {
        try {
            return t.optionalText("kind").map("compute#vpnTunnel"::equals).orElse(false)
                    || (t.has("peerIp") && t.has("ikeVersion") && t.has("sharedSecretHash"));
        } catch (ConfigParseException e) {
            return false;
        }
    }

    /** The GCP resources of a document: an array, a list answer's {@code items}, a {@code data} wrapper, or one resource. */
    public static List<JsonAt> gcpTunnels(JsonAt root) throws ConfigParseException {
        if (root.node().isArray()) {
            return root.elements();
        }
        if (root.has("items")) {
            return root.array("items");
        }
        Optional<JsonAt> data = root.get("data").filter(d -> d.node().isObject());
        return List.of(data.orElse(root));
    }
}
