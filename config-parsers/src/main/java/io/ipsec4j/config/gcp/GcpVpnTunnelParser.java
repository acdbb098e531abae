package io.ipsec4j.config.gcp;

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
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads GCP {@code compute#vpnTunnel} resources (CONFIG-FORMATS.md §3): {@code gcloud compute
 * vpn-tunnels describe --format=json}, a list ({@code items} or a bare array), or one wrapped in a
 * {@code data} object as CloudMC returns it.
 *
 * <p>Classic VPN ({@code targetVpnGateway}) and HA VPN ({@code vpnGateway}) are told apart by the
 * gateway field, not by {@code vpnGatewayInterface}, which Classic tunnels carry too. The shared
 * secret is write-only and comes back masked: a warning says it must be supplied. BGP is not on the
 * tunnel (it is on the Cloud Router) and neither is the GCP gateway's address, unless a wrapper
 * adds it; {@code cipherSuite} gives the algorithm lists when present.
 */
public final class GcpVpnTunnelParser implements CloudConfigParser {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.GCP_VPN_TUNNEL_JSON;

    /** Creates a parser (stateless). */
    public GcpVpnTunnelParser() {}

    @Override
    public CloudConfigFormat format() {
        return FORMAT;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        JsonAt root = JsonAt.root(JsonInput.read(text.text(), FORMAT), FORMAT);
        List<JsonAt> resources = JsonFormats.gcpTunnels(root);
        if (resources.isEmpty()) {
            throw root.error("no VPN tunnel", "a compute#vpnTunnel resource");
        }
        ValueReader values = new ValueReader(FORMAT);
        List<CloudTunnel> out = new ArrayList<>();
        GatewayKind kind = GatewayKind.UNKNOWN;
        String gateway = null;
        for (JsonAt r : resources) {
            if (!JsonFormats.isGcpTunnel(r)) {
                throw r.error("not a VPN tunnel resource", "\"kind\": \"compute#vpnTunnel\" or peerIp, ikeVersion and sharedSecretHash");
            }
            Optional<String> classic = r.optionalText("targetVpnGateway");
            Optional<String> ha = r.optionalText("vpnGateway");
            GatewayKind k = ha.isPresent() ? GatewayKind.GCP_HA_VPN_GATEWAY
                    : classic.isPresent() ? GatewayKind.GCP_CLASSIC_VPN_GATEWAY : GatewayKind.UNKNOWN;
            String gw = ha.or(() -> classic).orElse(null);
            kind = kind == GatewayKind.UNKNOWN ? k : kind;
            gateway = gateway == null ? gw : gateway;
            String group = gw != null ? gw.substring(gw.lastIndexOf('/') + 1) : r.optionalText("name").orElse("gcp-vpn");
            int number = (int) out.stream().filter(t -> t.group().equals(group)).count() + 1;
            out.add(tunnel(values, r, group, number));
        }
        out = new AlgorithmResolver(Vendor.GCP, values).resolveAll(out);
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(FORMAT)
                .gatewayKind(kind)
                .tunnels(out)
                .warnings(values.warnings());
        Optional.ofNullable(gateway).ifPresent(b::gatewayId);
        if (resources.size() == 1) {
            resources.get(0).optionalText("name").ifPresent(b::connectionId);
        }
        return b.build();
    }

    private static CloudTunnel tunnel(ValueReader values, JsonAt r, String group, int number) throws ConfigParseException {
        CloudTunnel.Builder t = CloudTunnel.builder().group(group).number(number).putProvenance(CloudField.TUNNEL, r.location());
        Optional<JsonAt> peer = r.get("peerIp").filter(j -> !j.node().isNull());
        if (peer.isPresent()) {
            values.address("peerIp", peer.get().asText(), peer.get().location()).ifPresent(a ->
                    t.customerOutsideAddress(a).putProvenance(CloudField.CUSTOMER_OUTSIDE_ADDRESS, peer.get().location()));
        }
        cloudAddress(values, r, t);
        Optional<JsonAt> secret = r.get("sharedSecret").filter(j -> !j.node().isNull());
        if (secret.isPresent() && secret.get().node().isTextual() && !secret.get().node().asText().matches("\\**")) {
            values.secret("sharedSecret", secret.get().node().asText(), secret.get().location())
                    .ifPresent(s -> t.preSharedKey(s).putProvenance(CloudField.PRE_SHARED_KEY, secret.get().location()));
        } else {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, secret.map(JsonAt::location).orElse(r.location()),
                    "GCP returns the shared secret masked (it is write-only): supply the pre-shared key separately");
        }
        CloudPhase1.Builder p1 = CloudPhase1.builder();
        CloudPhase2.Builder p2 = CloudPhase2.builder();
        OptionalLong version = r.optionalLong("ikeVersion");
        long v = version.orElse(2);
        if (v != 1 && v != 2) {
            throw r.get("ikeVersion").orElseThrow().error("ikeVersion " + v, "1 or 2");
        }
        p1.addIkeVersions(v == 1 ? IkeVersion.IKEV1_MAIN : IkeVersion.IKEV2);
        t.putProvenance(CloudField.IKE_VERSION, r.get("ikeVersion").map(JsonAt::location).orElse(r.location()));
        List<Cidr> local = cidrs(values, r, "localTrafficSelector", CloudField.CLOUD_NETWORKS, t);
        List<Cidr> remote = cidrs(values, r, "remoteTrafficSelector", CloudField.CUSTOMER_NETWORKS, t);
        t.cloudNetworks(local).customerNetworks(remote);
        boolean anyToAny = local.stream().allMatch(Cidr::isDefaultRoute) && remote.stream().allMatch(Cidr::isDefaultRoute);
        if (r.has("router")) {
            t.routing(RoutingType.BGP).putProvenance(CloudField.ROUTING, r.get("router").orElseThrow().location());
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, r.get("router").orElseThrow().location(),
                    "BGP is configured on the Cloud Router (interfaces, bgpPeers), not on the tunnel: ASNs and inside addresses are not in this file");
        } else {
            t.routing(anyToAny ? RoutingType.STATIC : RoutingType.POLICY_BASED).putProvenance(CloudField.ROUTING, r.location());
        }
        Optional<JsonAt> suite = r.optionalObject("cipherSuite");
        if (suite.isPresent()) {
            Optional<JsonAt> ph1 = suite.get().optionalObject("phase1");
            if (ph1.isPresent()) {
                names(ph1.get(), "encryption", CloudField.PHASE1_ENCRYPTION, t, p1::addEncryptionNames);
                names(ph1.get(), "integrity", CloudField.PHASE1_INTEGRITY, t, p1::addIntegrityNames);
                names(ph1.get(), "prf", CloudField.PHASE1_PRF, t, p1::addPrfNames);
                names(ph1.get(), "dh", CloudField.PHASE1_DH_GROUPS, t, p1::addDhGroupNames);
            }
            Optional<JsonAt> ph2 = suite.get().optionalObject("phase2");
            if (ph2.isPresent()) {
                names(ph2.get(), "encryption", CloudField.PHASE2_ENCRYPTION, t, p2::addEncryptionNames);
                names(ph2.get(), "integrity", CloudField.PHASE2_INTEGRITY, t, p2::addIntegrityNames);
                names(ph2.get(), "pfs", CloudField.PHASE2_PFS_GROUPS, t, p2::addPfsGroupNames);
            }
        } else {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, r.location(),
                    "no cipherSuite: GCP's supported cipher list applies (see supported-ike-ciphers)");
        }
        return t.phase1(p1.build()).phase2(p2.build()).build();
    }

    /** The GCP gateway's address is not on the tunnel; CloudMC's wrapper adds {@code address}. */
    private static void cloudAddress(ValueReader values, JsonAt r, CloudTunnel.Builder t) throws ConfigParseException {
        Optional<JsonAt> address = r.get("address").filter(j -> j.node().isTextual());
        if (address.isEmpty()) {
            address = r.optionalObject("gcpVpnGateway").flatMap(g -> g.get("externalIp"))
                    .flatMap(e -> e.get("address")).filter(j -> j.node().isTextual());
        }
        if (address.isPresent()) {
            JsonAt a = address.get();
            values.address("GCP gateway address", a.node().asText(), a.location()).ifPresent(ip ->
                    t.cloudOutsideAddress(ip).putProvenance(CloudField.CLOUD_OUTSIDE_ADDRESS, a.location()));
        } else {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, r.location(),
                    "the tunnel resource does not carry the GCP gateway's public address: read it from the gateway resource");
        }
    }

    private static List<Cidr> cidrs(ValueReader values, JsonAt r, String key, CloudField field, CloudTunnel.Builder t)
            throws ConfigParseException {
        List<Cidr> out = new ArrayList<>();
        for (JsonAt e : r.array(key)) {
            values.cidr(key, e.asText(), e.location()).ifPresent(out::add);
        }
        if (!out.isEmpty()) {
            t.putProvenance(field, r.get(key).orElseThrow().location());
        }
        return out;
    }

    private static void names(JsonAt phase, String key, CloudField field, CloudTunnel.Builder t, Consumer<String> add)
            throws ConfigParseException {
        List<JsonAt> list = phase.array(key);
        for (JsonAt e : list) {
            add.accept(e.asText());
        }
        if (!list.isEmpty()) {
            t.putProvenance(field, phase.get(key).orElseThrow().location());
        }
    }
}
