package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.config.internal.XmlElement;
import io.ipsec4j.config.internal.XmlInput;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the EC2 API's {@code describe-vpn-connections} JSON (CONFIG-FORMATS.md §1.5): the
 * {@code VpnConnections} array, a single {@code VpnConnection} object or one bare connection.
 *
 * <p>Each connection's embedded {@code CustomerGatewayConfiguration} XML gives the tunnels (as
 * {@link AwsXmlParser} reads them); {@code Options.TunnelOptions}, matched by outside address, then
 * override what the XML can only state as AWS's minimum: the real algorithm lists, IKE versions,
 * lifetimes, DPD timeout and action, replay window and startup action. Without the XML the tunnels
 * come from the options alone. Several connections give one tunnel group each.
 */
public final class AwsApiJsonParser implements CloudConfigParser {
    /** Creates a parser (stateless). */
    public AwsApiJsonParser() {}

    @Override
    public CloudConfigFormat format() {
        return CloudConfigFormat.AWS_API_JSON;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        JsonAt root = JsonAt.root(JsonInput.read(text.text(), CloudConfigFormat.AWS_API_JSON), CloudConfigFormat.AWS_API_JSON);
        List<JsonAt> connections = connections(root);
        if (connections.isEmpty()) {
            throw root.error("no VPN connection", "a VpnConnections array with at least one connection");
        }
        ValueReader values = new ValueReader(CloudConfigFormat.AWS_API_JSON);
        List<CloudTunnel> tunnels = new ArrayList<>();
        List<ConfigWarning> warnings = new ArrayList<>();
        CloudVpnConnection first = null;
        boolean minimumOnly = false;
        for (JsonAt c : connections) {
            CloudVpnConnection one = connection(c);
            first = first == null ? one : first;
            tunnels.addAll(one.tunnels());
            warnings.addAll(one.warnings());
            minimumOnly |= one.algorithmsAreMinimumSet();
        }
        if (connections.size() > 1) {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, root.location(),
                    connections.size() + " VPN connections: one tunnel group per connection id");
        }
        warnings.addAll(values.warnings());
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(CloudConfigFormat.AWS_API_JSON)
                .tunnels(tunnels)
                .warnings(warnings)
                .algorithmsAreMinimumSet(minimumOnly);
        if (connections.size() == 1) {
            b.gatewayKind(first.gatewayKind());
            first.connectionId().ifPresent(b::connectionId);
            first.gatewayId().ifPresent(b::gatewayId);
            first.customerGatewayId().ifPresent(b::customerGatewayId);
        }
        return b.build();
    }

    private static List<JsonAt> connections(JsonAt root) throws ConfigParseException {
        if (!root.node().isObject()) {
            throw root.error("found " + JsonAt.kind(root.node()), "an object with VpnConnections");
        }
        if (root.has("VpnConnections")) {
            return root.array("VpnConnections");
        }
        if (root.has("VpnConnection")) {
            return List.of(root.object("VpnConnection"));
        }
        return List.of(root);
    }

    private static CloudVpnConnection connection(JsonAt c) throws ConfigParseException {
        if (!c.node().isObject()) {
            throw c.error("found " + JsonAt.kind(c.node()), "a VPN connection object");
        }
        ValueReader values = new ValueReader(CloudConfigFormat.AWS_API_JSON);
        Optional<String> id = c.optionalText("VpnConnectionId");
        String group = id.orElse("aws-vpn-" + c.pointer());
        List<CloudTunnel> fromXml = List.of();
        List<ConfigWarning> xmlWarnings = List.of();
        CloudVpnConnection xml = null;
        Optional<JsonAt> cgc = c.get("CustomerGatewayConfiguration").filter(j -> !j.node().isNull());
        if (cgc.isPresent()) {
            xml = embeddedXml(cgc.get());
            fromXml = xml.tunnels();
            xmlWarnings = xml.warnings();
        } else {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, c.location(),
                    "no CustomerGatewayConfiguration: tunnels come from Options.TunnelOptions only (no BGP ASNs)");
        }
        Optional<JsonAt> options = c.optionalObject("Options");
        List<JsonAt> tunnelOptions = options.isPresent() ? options.get().array("TunnelOptions") : List.of();
        AwsTunnelOptions overlay = new AwsTunnelOptions(values, options);
        List<CloudTunnel> tunnels = new AlgorithmResolver(Vendor.AWS, values)
                .resolveAll(overlay.apply(group, fromXml, tunnelOptions));
        if (tunnels.isEmpty()) {
            throw c.error("no tunnels", "CustomerGatewayConfiguration or Options.TunnelOptions");
        }
        boolean statedByOptions = overlay.statesAlgorithms();
        List<ConfigWarning> warnings = new ArrayList<>();
        for (ConfigWarning w : xmlWarnings) {
            if (!(statedByOptions && w.kind() == ConfigWarning.Kind.MINIMUM_ALGORITHM_SET)) {
                warnings.add(w);
            }
        }
        if (xml == null && !statedByOptions) {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, c.location(), "no algorithms stated (AWS defaults allow all)");
        }
        warnings.addAll(values.warnings());
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(CloudConfigFormat.AWS_API_JSON)
                .tunnels(tunnels)
                .warnings(warnings)
                .algorithmsAreMinimumSet(xml != null && !statedByOptions);
        id.ifPresent(b::connectionId);
        Optional<String> cgw = c.optionalText("CustomerGatewayId").filter(s -> !s.isBlank());
        cgw.ifPresent(b::customerGatewayId);
        if (cgw.isEmpty() && xml != null) {
            xml.customerGatewayId().ifPresent(b::customerGatewayId);
        }
        gateway(c, xml, b);
        return b.build();
    }

    private static void gateway(JsonAt c, CloudVpnConnection xml, CloudVpnConnection.Builder b) throws ConfigParseException {
        Optional<String> tgw = c.optionalText("TransitGatewayId").filter(s -> !s.isBlank());
        Optional<String> vgw = c.optionalText("VpnGatewayId").filter(s -> !s.isBlank());
        Optional<String> coreNetwork = c.optionalText("CoreNetworkArn").filter(s -> !s.isBlank());
        if (tgw.isPresent()) {
            b.gatewayKind(GatewayKind.AWS_TRANSIT_GATEWAY).gatewayId(tgw.get());
        } else if (coreNetwork.isPresent()) {
            b.gatewayKind(GatewayKind.AWS_CLOUD_WAN).gatewayId(coreNetwork.get());
        } else if (vgw.isPresent()) {
            b.gatewayKind(GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY).gatewayId(vgw.get());
        } else if (xml != null) {
            b.gatewayKind(xml.gatewayKind());
            xml.gatewayId().ifPresent(b::gatewayId);
        }
    }

    /** Parses the XML string; its problems are reported at the string's JSON pointer. */
    private static CloudVpnConnection embeddedXml(JsonAt cgc) throws ConfigParseException {
        if (!cgc.node().isTextual()) {
            throw cgc.error("found " + JsonAt.kind(cgc.node()), "the XML document as a string");
        }
        ValueReader xmlValues = new ValueReader(CloudConfigFormat.AWS_XML);
        try {
            XmlElement root = XmlInput.read(ConfigText.of(cgc.node().asText()).text(), CloudConfigFormat.AWS_XML);
            return new AwsXmlParser().parse(root, xmlValues).build();
        } catch (ConfigParseException e) {
            throw new ConfigParseException(CloudConfigFormat.AWS_API_JSON, cgc.location(),
                    "embedded CustomerGatewayConfiguration XML, " + e.location() + ": " + e.problem(), e.expected());
        }
    }
}
