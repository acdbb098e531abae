package io.ipsec4j.config.azure;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.JsonInput;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads the Azure Virtual WAN "Download VPN configuration" JSON (CONFIG-FORMATS.md §2.1).
 *
 * <p>The file is an array with one element per VPN site (or site link); each element has one
 * {@code vpnSiteConnections} entry per hub, and each of those gives two active-active tunnels, to
 * {@code Instance0} and {@code Instance1}. Every (element × hub) pair becomes one tunnel group,
 * treated independently (the documentation example is not self-consistent). Keys are matched
 * case-insensitively; the documentation variant without the outer {@code [ ]} is accepted; invalid
 * JSON fails at its line and column, without guessing. Site names are kept raw (stray spaces give
 * a warning). The file states no IKE version, algorithms or DPD: a warning says Azure's default or
 * the hub connection's custom policy applies.
 */
public final class AzureVwanJsonParser implements CloudConfigParser {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AZURE_VWAN_JSON;

    /** Creates a parser (stateless). */
    public AzureVwanJsonParser() {}

    @Override
    public CloudConfigFormat format() {
        return FORMAT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        JsonAt root = JsonAt.root(JsonInput.readArrayOrSequence(text.text(), FORMAT), FORMAT);
        List<JsonAt> elements = root.node().isArray() ? root.elements() : List.of(root);
        if (elements.isEmpty()) {
            throw root.error("an empty array", "one element per VPN site");
        }
        ValueReader values = new ValueReader(FORMAT);
        List<CloudTunnel> tunnels = new ArrayList<>();
        String version = null;
        for (JsonAt element : elements) {
            if (!element.node().isObject()) {
                throw element.error("found " + JsonAt.kind(element.node()), "a VPN site object");
            }
            Optional<JsonAt> cv = element.optionalObject("configurationVersion");
            if (version == null && cv.isPresent()) {
                version = cv.get().optionalText("Version").orElse(null);
            }
            site(values, element, tunnels);
        }
        if (tunnels.isEmpty()) {
            throw root.error("no tunnels", "vpnSiteConnections with gatewayConfiguration.IpAddresses");
        }
        values.warn(ConfigWarning.Kind.MISSING_INFORMATION, SourceLocation.unknown(),
                "Virtual WAN files state no IKE version, algorithms or DPD: Azure's default policy applies"
                        + " (IKEv1 or IKEv2; AES256/AES128 with SHA1/SHA256 and DH group 2) unless the hub connection has a custom policy");
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(FORMAT)
                .gatewayKind(GatewayKind.AZURE_VWAN_HUB)
                .tunnels(tunnels)
                .warnings(values.warnings());
        Optional.ofNullable(version).ifPresent(b::formatVersion);
        if (elements.size() == 1) {
            Optional.ofNullable(version).ifPresent(b::connectionId);
        }
        return b.build();
    }

    private static void site(ValueReader values, JsonAt element, List<CloudTunnel> out) throws ConfigParseException {
        JsonAt site = element.object("vpnSiteConfiguration");
        Optional<String> name = site.optionalText("Name");
        if (name.isPresent() && !name.get().equals(name.get().strip())) {
            values.warn(ConfigWarning.Kind.SUSPICIOUS_VALUE, site.get("Name").orElseThrow().location(),
                    "site name \"" + ValueReader.shorten(name.get()) + "\" has leading or trailing spaces (kept as is)");
        }
        Optional<String> link = site.optionalText("LinkName");
        Optional<JsonAt> ip = site.get("IPAddress");
        Optional<IpAddress> siteAddress = ip.isPresent()
                ? values.address("vpnSiteConfiguration.IPAddress", ip.get().asText(), ip.get().location()) : Optional.empty();
        Optional<JsonAt> siteBgp = site.optionalObject("BgpSetting");
        Optional<Asn> siteAsn = Optional.empty();
        Optional<IpAddress> siteBgpAddress = Optional.empty();
        if (siteBgp.isPresent()) {
            siteAsn = asn(values, siteBgp.get(), "Asn");
            Optional<JsonAt> addr = siteBgp.get().get("BgpPeeringAddress").filter(j -> !j.node().isNull());
            if (addr.isPresent()) {
                siteBgpAddress = values.address("site BgpPeeringAddress", addr.get().asText(), addr.get().location());
            }
        }
        List<JsonAt> connections = element.array("vpnSiteConnections");
        if (connections.isEmpty()) {
            values.warn(ConfigWarning.Kind.TUNNEL_COUNT, element.location(), "site has no vpnSiteConnections (not connected to a hub)");
        }
        for (int hub = 0; hub < connections.size(); hub++) {
            JsonAt c = connections.get(hub);
            String group = name.map(String::strip).orElse("site " + element.pointer())
                    + link.map(l -> " / " + l.strip()).orElse("") + " -> hub " + (hub + 1);
            CloudTunnel.Builder common = CloudTunnel.builder();
            name.ifPresent(common::siteName);
            link.ifPresent(common::linkName);
            siteAddress.ifPresent(a -> common.customerOutsideAddress(a).putProvenance(CloudField.CUSTOMER_OUTSIDE_ADDRESS, ip.orElseThrow().location()));
            siteAsn.ifPresent(a -> common.customerAsn(a).putProvenance(CloudField.CUSTOMER_ASN, siteBgp.orElseThrow().location()));
            siteBgpAddress.ifPresent(a -> common.customerBgpAddress(a).putProvenance(CloudField.CUSTOMER_BGP_ADDRESS, siteBgp.orElseThrow().location()));
            hubConnection(values, c, group, common, out);
        }
    }

    private static void hubConnection(ValueReader values, JsonAt c, String group, CloudTunnel.Builder common,
            List<CloudTunnel> out) throws ConfigParseException {
        if (!c.node().isObject()) {
            throw c.error("found " + JsonAt.kind(c.node()), "a hub connection object");
        }
        Optional<JsonAt> hub = c.optionalObject("hubConfiguration");
        if (hub.isPresent()) {
            hub.get().optionalText("Region").ifPresent(common::hubRegion);
            List<Cidr> networks = new ArrayList<>();
            Optional<JsonAt> space = hub.get().get("AddressSpace").filter(j -> !j.node().isNull());
            if (space.isPresent()) {
                for (String part : space.get().asText().split(",")) {
                    values.cidr("hub AddressSpace", part, space.get().location()).ifPresent(networks::add);
                }
            }
            for (JsonAt s : hub.get().array("ConnectedSubnets")) {
                values.cidr("hub ConnectedSubnets", s.asText(), s.location()).ifPresent(networks::add);
            }
            common.cloudNetworks(networks).putProvenance(CloudField.CLOUD_NETWORKS, hub.get().location());
        }
        JsonAt gateway = c.object("gatewayConfiguration");
        JsonAt addresses = gateway.object("IpAddresses");
        Optional<JsonAt> gwBgp = gateway.optionalObject("BgpSetting");
        Optional<Asn> gwAsn = gwBgp.isPresent() ? asn(values, gwBgp.get(), "Asn") : Optional.empty();
        Optional<JsonAt> peering = gwBgp.isPresent() ? gwBgp.get().optionalObject("BgpPeeringAddresses") : Optional.empty();
        JsonAt connection = c.object("connectionConfiguration");
        Optional<Boolean> bgp = connection.optionalBoolean("IsBgpEnabled");
        Optional<JsonAt> pskAt = connection.get("PSK").filter(j -> !j.node().isNull());
        Optional<Secret> psk = pskAt.isPresent()
                ? values.secret("PSK", pskAt.get().node().isValueNode() ? pskAt.get().node().asText() : "", pskAt.get().location())
                : Optional.empty();
        if (pskAt.isEmpty()) {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, connection.location(), "no PSK");
        }
        CloudPhase2.Builder p2 = CloudPhase2.builder();
        Optional<JsonAt> ipsec = connection.optionalObject("IPsecParameters");
        OptionalLong kb = OptionalLong.empty();
        OptionalLong seconds = OptionalLong.empty();
        if (ipsec.isPresent()) {
            kb = ipsec.get().optionalLong("SADataSizeInKilobytes");
            seconds = ipsec.get().optionalLong("SALifeTimeInSeconds");
            kb.ifPresent(p2::lifetimeKilobytes);
            seconds.ifPresent(p2::lifetimeSeconds);
        }
        // Instance0, Instance1 (and any further InstanceN) in numeric order.
        TreeMap<Integer, JsonAt> instances = new TreeMap<>();
        for (var it = addresses.node().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.toLowerCase(java.util.Locale.ROOT).matches("instance[0-9]{1,2}")) {
                instances.put(Integer.parseInt(key.substring(8)), addresses.get(key).orElseThrow());
            } else {
                values.warn(ConfigWarning.Kind.UNKNOWN_FIELD, addresses.location(), "unknown key \"" + ValueReader.shorten(key) + "\" ignored");
            }
        }
        if (instances.size() != 2) {
            values.warn(ConfigWarning.Kind.TUNNEL_COUNT, addresses.location(),
                    instances.size() + " gateway instances (Virtual WAN hubs have 2: Instance0 and Instance1)");
        }
        int number = 0;
        for (var e : instances.entrySet()) {
            JsonAt at = e.getValue();
            CloudTunnel.Builder t = CloudTunnel.builder().from(common.group(group).number(++number).build());
            t.putProvenance(CloudField.TUNNEL, at.location());
            values.address("gateway Instance" + e.getKey() + " address", at.asText(), at.location())
                    .ifPresent(a -> t.cloudOutsideAddress(a).putProvenance(CloudField.CLOUD_OUTSIDE_ADDRESS, at.location()));
            psk.ifPresent(k -> t.preSharedKey(k).putProvenance(CloudField.PRE_SHARED_KEY, pskAt.orElseThrow().location()));
            if (bgp.isPresent()) {
                t.routing(bgp.get() ? RoutingType.BGP : RoutingType.STATIC)
                        .putProvenance(CloudField.ROUTING, connection.get("IsBgpEnabled").orElseThrow().location());
            }
            gwAsn.ifPresent(a -> t.cloudAsn(a).putProvenance(CloudField.CLOUD_ASN, gwBgp.orElseThrow().location()));
            if (peering.isPresent()) {
                Optional<JsonAt> neighbour = peering.get().get("Instance" + e.getKey()).filter(j -> !j.node().isNull());
                if (neighbour.isPresent()) {
                    values.address("BgpPeeringAddresses.Instance" + e.getKey(), neighbour.get().asText(), neighbour.get().location())
                            .ifPresent(a -> t.bgpNeighborAddress(a).putProvenance(CloudField.BGP_NEIGHBOR, neighbour.get().location()));
                }
            }
            if (ipsec.isPresent()) {
                t.phase2(p2.build());
                if (seconds.isPresent()) {
                    t.putProvenance(CloudField.PHASE2_LIFETIME, ipsec.get().location());
                }
                if (kb.isPresent()) {
                    t.putProvenance(CloudField.PHASE2_LIFETIME_KILOBYTES, ipsec.get().location());
                }
            }
            CloudTunnel built = t.build();
            if (built.routing() == RoutingType.BGP && (built.customerAsn().isEmpty() || built.cloudAsn().isEmpty())) {
                values.warn(ConfigWarning.Kind.MISSING_INFORMATION, connection.location(),
                        group + ": BGP is enabled but an ASN is missing");
            }
            out.add(built);
        }
    }

    private static Optional<Asn> asn(ValueReader values, JsonAt bgp, String key) throws ConfigParseException {
        Optional<JsonAt> at = bgp.get(key).filter(j -> !j.node().isNull());
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return values.asn("BgpSetting." + key, at.get().asText(), at.get().location());
    }
}
