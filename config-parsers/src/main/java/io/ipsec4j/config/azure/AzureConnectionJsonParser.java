package io.ipsec4j.config.azure;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase1;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.JsonFormats;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an Azure ARM {@code Microsoft.Network/connections} resource (CONFIG-FORMATS.md §2.4), as
 * {@code az network vpn-connection show} or the REST GET returns it (a REST example file with
 * {@code responses."200".body} is unwrapped).
 *
 * <p>It gives one tunnel with the connection's policy: IKE version, custom {@code ipsecPolicies},
 * {@code trafficSelectorPolicies}, DPD timeout, BGP flag and shared key. The public IPs and BGP
 * addresses are not in this resource (they live in the virtual network gateway and local network
 * gateway resources): a warning says so.
 */
public final class AzureConnectionJsonParser implements CloudConfigParser {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AZURE_CONNECTION_JSON;

    /** Creates a parser (stateless). */
    public AzureConnectionJsonParser() {}

    @Override
    public CloudConfigFormat format() {
        return FORMAT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        JsonAt root = JsonFormats.azureConnectionResource(JsonAt.root(JsonInput.read(text.text(), FORMAT), FORMAT));
        if (!root.node().isObject()) {
            throw root.error("found " + JsonAt.kind(root.node()), "a Microsoft.Network/connections object");
        }
        JsonAt p = root.optionalObject("properties").orElse(root);
        ValueReader values = new ValueReader(FORMAT);
        Optional<String> type = p.optionalText("connectionType");
        if (type.isPresent() && !type.get().equalsIgnoreCase("IPsec")) {
            throw p.get("connectionType").orElseThrow().error("connectionType \"" + ValueReader.shorten(type.get()) + "\"",
                    "IPsec (a site-to-site connection)");
        }
        String name = root.optionalText("name").orElse("azure-connection");
        CloudTunnel.Builder t = CloudTunnel.builder().group(name).number(1).putProvenance(CloudField.TUNNEL, root.location());
        CloudPhase1.Builder p1 = CloudPhase1.builder();
        CloudPhase2.Builder p2 = CloudPhase2.builder();
        Optional<JsonAt> protocol = p.get("connectionProtocol").filter(j -> !j.node().isNull());
        if (protocol.isPresent()) {
            switch (protocol.get().asText().toLowerCase(Locale.ROOT)) {
                case "ikev1" -> p1.addIkeVersions(IkeVersion.IKEV1_MAIN);
                case "ikev2" -> p1.addIkeVersions(IkeVersion.IKEV2);
                default -> throw protocol.get().error("connectionProtocol \"" + ValueReader.shorten(protocol.get().asText()) + "\"", "IKEv1 or IKEv2");
            }
            t.putProvenance(CloudField.IKE_VERSION, protocol.get().location());
        }
        Optional<JsonAt> key = p.get("sharedKey").filter(j -> !j.node().isNull());
        if (key.isPresent()) {
            values.secret("sharedKey", key.get().node().isValueNode() ? key.get().node().asText() : "", key.get().location())
                    .ifPresent(k -> t.preSharedKey(k).putProvenance(CloudField.PRE_SHARED_KEY, key.get().location()));
        } else {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, p.location(),
                    "no sharedKey (the CLI omits it: az network vpn-connection shared-key show)");
        }
        OptionalLong dpd = p.optionalLong("dpdTimeoutSeconds");
        if (dpd.isPresent()) {
            t.dpdTimeoutSeconds(values.checkRange("dpdTimeoutSeconds", dpd.getAsLong(), p.location(), 0, 86_400))
                    .putProvenance(CloudField.DPD_TIMEOUT, p.get("dpdTimeoutSeconds").orElseThrow().location());
        }
        boolean bgp = p.optionalBoolean("enableBgp").orElse(false);
        boolean policyBased = p.optionalBoolean("usePolicyBasedTrafficSelectors").orElse(false);
        t.routing(bgp ? RoutingType.BGP : policyBased ? RoutingType.POLICY_BASED : RoutingType.STATIC);
        policies(p, p1, p2, t, values);
        for (JsonAt ts : p.array("trafficSelectorPolicies")) {
            for (JsonAt r : ts.array("localAddressRanges")) {
                values.cidr("localAddressRanges", r.asText(), r.location()).ifPresent(c ->
                        t.addCloudNetworks(c).putProvenance(CloudField.CLOUD_NETWORKS, ts.location()));
            }
            for (JsonAt r : ts.array("remoteAddressRanges")) {
                values.cidr("remoteAddressRanges", r.asText(), r.location()).ifPresent(c ->
                        t.addCustomerNetworks(c).putProvenance(CloudField.CUSTOMER_NETWORKS, ts.location()));
            }
        }
        values.warn(ConfigWarning.Kind.MISSING_INFORMATION, root.location(),
                "the connection resource names its gateways by id only: the Azure public IPs and BGP addresses are in the"
                        + " virtual network gateway resource, the on-premises side in the local network gateway resource");
        CloudTunnel tunnel = new AlgorithmResolver(Vendor.AZURE, values).resolve(t.phase1(p1.build()).phase2(p2.build()).build());
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(FORMAT)
                .gatewayKind(GatewayKind.AZURE_VPN_GATEWAY)
                .connectionId(root.optionalText("id").orElse(name))
                .tunnels(List.of(tunnel))
                .warnings(values.warnings());
        Optional<JsonAt> gw = p.optionalObject("virtualNetworkGateway1");
        if (gw.isPresent()) {
            gw.get().optionalText("id").ifPresent(b::gatewayId);
        }
        Optional<JsonAt> lng = p.optionalObject("localNetworkGateway2");
        if (lng.isPresent()) {
            lng.get().optionalText("id").ifPresent(b::customerGatewayId);
        }
        return b.build();
    }

    private static void policies(JsonAt p, CloudPhase1.Builder p1, CloudPhase2.Builder p2, CloudTunnel.Builder t,
            ValueReader values) throws ConfigParseException {
        List<JsonAt> policies = p.array("ipsecPolicies");
        if (policies.size() > 1) {
            values.warn(ConfigWarning.Kind.SUSPICIOUS_VALUE, p.get("ipsecPolicies").orElseThrow().location(),
                    policies.size() + " ipsecPolicies (Azure allows one per connection): all are listed");
        }
        if (policies.isEmpty()) {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, p.location(),
                    "no ipsecPolicies: Azure's default policy applies (IKE SA 28800 s, Quick Mode 3600 s / 27000 s)");
        }
        for (JsonAt policy : policies) {
            name(policy, "ikeEncryption", CloudField.PHASE1_ENCRYPTION, t).ifPresent(p1::addEncryptionNames);
            name(policy, "ikeIntegrity", CloudField.PHASE1_INTEGRITY, t).ifPresent(p1::addIntegrityNames);
            name(policy, "dhGroup", CloudField.PHASE1_DH_GROUPS, t).ifPresent(p1::addDhGroupNames);
            name(policy, "ipsecEncryption", CloudField.PHASE2_ENCRYPTION, t).ifPresent(p2::addEncryptionNames);
            name(policy, "ipsecIntegrity", CloudField.PHASE2_INTEGRITY, t).ifPresent(p2::addIntegrityNames);
            name(policy, "pfsGroup", CloudField.PHASE2_PFS_GROUPS, t).ifPresent(p2::addPfsGroupNames);
            OptionalLong seconds = policy.optionalLong("saLifeTimeSeconds");
            if (seconds.isPresent()) {
                p2.lifetimeSeconds(seconds.getAsLong());
                t.putProvenance(CloudField.PHASE2_LIFETIME, policy.get("saLifeTimeSeconds").orElseThrow().location());
            }
            OptionalLong kb = policy.optionalLong("saDataSizeKilobytes");
            if (kb.isPresent()) {
                p2.lifetimeKilobytes(kb.getAsLong());
                t.putProvenance(CloudField.PHASE2_LIFETIME_KILOBYTES, policy.get("saDataSizeKilobytes").orElseThrow().location());
            }
        }
    }

    private static Optional<String> name(JsonAt policy, String key, CloudField field, CloudTunnel.Builder t) throws ConfigParseException {
        Optional<String> v = policy.optionalText(key).filter(s -> !s.isBlank());
        v.ifPresent(s -> t.putProvenance(field, policy.get(key).orElseThrow().location()));
        return v;
    }
}
