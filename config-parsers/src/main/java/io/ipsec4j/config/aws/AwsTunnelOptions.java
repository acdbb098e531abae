package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudPhase1;
import io.ipsec4j.config.CloudPhase2;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.InsideAddress;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.internal.JsonAt;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Applies {@code Options} and {@code Options.TunnelOptions} of an EC2 VPN connection
 * (CONFIG-FORMATS.md §1.5) over the tunnels read from its XML, matching them by outside address.
 */
final class AwsTunnelOptions {
    private final ValueReader values;
    private final Optional<JsonAt> options;
    private boolean statesAlgorithms;

    AwsTunnelOptions(ValueReader values, Optional<JsonAt> options) {
        this.values = values;
        this.options = options;
    }

    /** True when some tunnel's options listed algorithms (so the XML's minimum set is overridden). */
    boolean statesAlgorithms() {
        return statesAlgorithms;
    }

    List<CloudTunnel> apply(String group, List<CloudTunnel> fromXml, List<JsonAt> tunnelOptions) throws ConfigParseException {
        List<CloudTunnel> out = new ArrayList<>();
        for (CloudTunnel t : fromXml) {
            out.add(CloudTunnel.builder().from(t).group(group).build());
        }
        for (int i = 0; i < tunnelOptions.size(); i++) {
            JsonAt o = tunnelOptions.get(i);
            if (!o.node().isObject()) {
                throw o.error("found " + JsonAt.kind(o.node()), "a tunnel options object");
            }
            Optional<IpAddress> outside = values.address("OutsideIpAddress",
                    o.optionalText("OutsideIpAddress").orElse(""), o.location());
            int match = -1;
            for (int j = 0; j < out.size() && outside.isPresent(); j++) {
                if (out.get(j).cloudOutsideAddress().equals(outside)) {
                    match = j;
                }
            }
            if (match < 0 && outside.isEmpty() && fromXml.size() == tunnelOptions.size()) {
                match = i;
            }
            if (match < 0 && !fromXml.isEmpty()) {
                values.warn(ConfigWarning.Kind.SUSPICIOUS_VALUE, o.location(),
                        "tunnel options match no tunnel of the CustomerGatewayConfiguration by outside address");
            }
            CloudTunnel base = match >= 0 ? out.get(match)
                    : CloudTunnel.builder().group(group).number(out.size() + 1).putProvenance(CloudField.TUNNEL, o.location()).build();
            CloudTunnel applied = tunnel(base, o, outside);
            if (match >= 0) {
                out.set(match, applied);
            } else {
                out.add(applied);
            }
        }
        List<CloudTunnel> withConnectionOptions = new ArrayList<>();
        for (CloudTunnel t : out) {
            withConnectionOptions.add(connectionOptions(t));
        }
        return withConnectionOptions;
    }

    private CloudTunnel connectionOptions(CloudTunnel t) throws ConfigParseException {
        if (options.isEmpty()) {
            return t;
        }
        JsonAt o = options.get();
        CloudTunnel.Builder b = CloudTunnel.builder().from(t);
        Optional<Boolean> staticOnly = o.optionalBoolean("StaticRoutesOnly");
        if (staticOnly.isPresent() && !t.sourceOf(CloudField.ROUTING).isPresent()) {
            b.routing(staticOnly.get() ? RoutingType.STATIC : RoutingType.BGP);
            b.putProvenance(CloudField.ROUTING, o.get("StaticRoutesOnly").orElseThrow().location());
        }
        List<Cidr> customer = new ArrayList<>();
        List<Cidr> cloud = new ArrayList<>();
        for (String key : List.of("LocalIpv4NetworkCidr", "LocalIpv6NetworkCidr")) {
            cidr(o, key).ifPresent(customer::add);
        }
        for (String key : List.of("RemoteIpv4NetworkCidr", "RemoteIpv6NetworkCidr")) {
            cidr(o, key).ifPresent(cloud::add);
        }
        if (!customer.isEmpty()) {
            b.customerNetworks(customer).putProvenance(CloudField.CUSTOMER_NETWORKS, o.location());
        }
        if (!cloud.isEmpty()) {
            b.cloudNetworks(cloud).putProvenance(CloudField.CLOUD_NETWORKS, o.location());
        }
        return b.build();
    }

    private Optional<Cidr> cidr(JsonAt o, String key) throws ConfigParseException {
        Optional<JsonAt> at = o.get(key).filter(j -> !j.node().isNull());
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return values.cidr(key, at.get().asText(), at.get().location());
    }

    /**
     * The tunnel of a request that states its options apart from its outside address
     * ({@code modify-vpn-tunnel-options}: {@code VpnTunnelOutsideIpAddress} beside {@code TunnelOptions};
     * a bare options object has none).
     */
    CloudTunnel request(String group, int number, JsonAt spec, Optional<JsonAt> outsideAt) throws ConfigParseException {
        if (!spec.node().isObject()) {
            throw spec.error("found " + JsonAt.kind(spec.node()), "a tunnel options object");
        }
        Optional<IpAddress> outside = Optional.empty();
        if (outsideAt.isPresent()) {
            outside = values.address("VpnTunnelOutsideIpAddress", outsideAt.get().asText(), outsideAt.get().location());
        } else if (spec.has("OutsideIpAddress")) {
            outsideAt = spec.get("OutsideIpAddress");
            outside = values.address("OutsideIpAddress", outsideAt.get().asText(), outsideAt.get().location());
        }
        CloudTunnel base = CloudTunnel.builder().group(group).number(number).putProvenance(CloudField.TUNNEL, spec.location()).build();
        return connectionOptions(tunnel(base, spec, outside, outsideAt));
    }

    private CloudTunnel tunnel(CloudTunnel base, JsonAt o, Optional<IpAddress> outside) throws ConfigParseException {
        return tunnel(base, o, outside, o.get("OutsideIpAddress"));
    }

    private CloudTunnel tunnel(CloudTunnel base, JsonAt o, Optional<IpAddress> outside, Optional<JsonAt> outsideAt)
            throws ConfigParseException {
        CloudTunnel.Builder b = CloudTunnel.builder().from(base);
        CloudPhase1.Builder p1 = CloudPhase1.builder().from(base.phase1());
        CloudPhase2.Builder p2 = CloudPhase2.builder().from(base.phase2());
        if (outside.isPresent()) {
            b.cloudOutsideAddress(outside.get()).putProvenance(CloudField.CLOUD_OUTSIDE_ADDRESS, outsideAt.orElseThrow().location());
        }
        for (String key : List.of("TunnelInsideCidr", "TunnelInsideIpv6Cidr")) {
            Optional<JsonAt> at = o.get(key).filter(j -> !j.node().isNull());
            if (at.isPresent() && base.cloudInsideAddress().isEmpty()) {
                insideFromCidr(b, at.get());
            }
        }
        Optional<JsonAt> psk = o.get("PreSharedKey").filter(j -> !j.node().isNull());
        if (psk.isPresent()) {
            values.secret("PreSharedKey", psk.get().node().isValueNode() ? psk.get().node().asText() : "", psk.get().location())
                    .ifPresent(b::preSharedKey);
            b.putProvenance(CloudField.PRE_SHARED_KEY, psk.get().location());
        }
        List<String> versions = names(o, "IkeVersions");
        if (!versions.isEmpty()) {
            List<IkeVersion> parsed = new ArrayList<>();
            for (String v : versions) {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "ikev1" -> parsed.add(IkeVersion.IKEV1_MAIN);
                    case "ikev2" -> parsed.add(IkeVersion.IKEV2);
                    default -> throw o.get("IkeVersions").orElseThrow().error("IKE version \"" + ValueReader.shorten(v) + "\"", "ikev1 or ikev2");
                }
            }
            p1.ikeVersions(parsed);
            b.putProvenance(CloudField.IKE_VERSION, o.get("IkeVersions").orElseThrow().location());
        }
        list(o, "Phase1EncryptionAlgorithms", CloudField.PHASE1_ENCRYPTION, b).ifPresent(p1::encryptionNames);
        list(o, "Phase1IntegrityAlgorithms", CloudField.PHASE1_INTEGRITY, b).ifPresent(p1::integrityNames);
        list(o, "Phase1DHGroupNumbers", CloudField.PHASE1_DH_GROUPS, b).ifPresent(p1::dhGroupNames);
        list(o, "Phase2EncryptionAlgorithms", CloudField.PHASE2_ENCRYPTION, b).ifPresent(p2::encryptionNames);
        list(o, "Phase2IntegrityAlgorithms", CloudField.PHASE2_INTEGRITY, b).ifPresent(p2::integrityNames);
        list(o, "Phase2DHGroupNumbers", CloudField.PHASE2_PFS_GROUPS, b).ifPresent(p2::pfsGroupNames);
        OptionalLong l1 = o.optionalLong("Phase1LifetimeSeconds");
        if (l1.isPresent()) {
            p1.lifetimeSeconds(values.checkRange("Phase1LifetimeSeconds", l1.getAsLong(), o.location(), 1, 86_400 * 7));
            b.putProvenance(CloudField.PHASE1_LIFETIME, o.get("Phase1LifetimeSeconds").orElseThrow().location());
        }
        OptionalLong l2 = o.optionalLong("Phase2LifetimeSeconds");
        if (l2.isPresent()) {
            p2.lifetimeSeconds(values.checkRange("Phase2LifetimeSeconds", l2.getAsLong(), o.location(), 1, 86_400 * 7));
            b.putProvenance(CloudField.PHASE2_LIFETIME, o.get("Phase2LifetimeSeconds").orElseThrow().location());
        }
        OptionalLong margin = o.optionalLong("RekeyMarginTimeSeconds");
        if (margin.isPresent()) {
            p2.rekeyMarginSeconds(values.checkRange("RekeyMarginTimeSeconds", margin.getAsLong(), o.location(), 0, 86_400 * 7));
            b.putProvenance(CloudField.PHASE2_LIFETIME, o.get("RekeyMarginTimeSeconds").orElseThrow().location());
        }
        OptionalLong fuzz = o.optionalLong("RekeyFuzzPercentage");
        if (fuzz.isPresent()) {
            p2.rekeyFuzzPercent((int) values.checkRange("RekeyFuzzPercentage", fuzz.getAsLong(), o.location(), 0, 100));
            b.putProvenance(CloudField.PHASE2_LIFETIME, o.get("RekeyFuzzPercentage").orElseThrow().location());
        }
        OptionalLong replay = o.optionalLong("ReplayWindowSize");
        if (replay.isPresent()) {
            p2.replayWindowPackets(values.checkRange("ReplayWindowSize", replay.getAsLong(), o.location(), 0, 1 << 20));
            b.putProvenance(CloudField.REPLAY_WINDOW, o.get("ReplayWindowSize").orElseThrow().location());
        }
        OptionalLong dpdTimeout = o.optionalLong("DpdTimeoutSeconds");
        if (dpdTimeout.isPresent()) {
            b.dpdTimeoutSeconds(values.checkRange("DpdTimeoutSeconds", dpdTimeout.getAsLong(), o.location(), 0, 86_400));
            b.putProvenance(CloudField.DPD_TIMEOUT, o.get("DpdTimeoutSeconds").orElseThrow().location());
        }
        Optional<String> action = o.optionalText("DpdTimeoutAction");
        if (action.isPresent()) {
            b.dpdAction(dpdAction(o, action.get())).putProvenance(CloudField.DPD_ACTION, o.get("DpdTimeoutAction").orElseThrow().location());
        }
        Optional<String> startup = o.optionalText("StartupAction");
        if (startup.isPresent()) {
            String s = startup.get().toLowerCase(Locale.ROOT);
            if (!s.equals("add") && !s.equals("start")) {
                throw o.get("StartupAction").orElseThrow().error("StartupAction \"" + ValueReader.shorten(startup.get()) + "\"", "add or start");
            }
            b.startupAction(s).putProvenance(CloudField.STARTUP_ACTION, o.get("StartupAction").orElseThrow().location());
        }
        return b.phase1(p1.build()).phase2(p2.build()).build();
    }

    private DpdAction dpdAction(JsonAt o, String raw) throws ConfigParseException {
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "clear":
                return DpdAction.CLEAR;
            case "none":
                return DpdAction.NONE;
            case "restart":
                return DpdAction.RESTART;
            default:
                throw o.get("DpdTimeoutAction").orElseThrow().error("DpdTimeoutAction \"" + ValueReader.shorten(raw) + "\"", "clear, none or restart");
        }
    }

    /** AWS puts the CGW side at .2 and its own at .1 of the inside /30 (and ::1/::2 of a /126). */
    private void insideFromCidr(CloudTunnel.Builder b, JsonAt at) throws ConfigParseException {
        Optional<Cidr> net = values.cidr("tunnel inside CIDR", at.asText(), at.location());
        if (net.isEmpty()) {
            return;
        }
        Cidr n = net.get();
        if (n.size().compareTo(BigInteger.valueOf(4)) < 0) {
            throw at.error("tunnel inside CIDR /" + n.prefixLength() + " is too small", "a /30 (IPv4) or /126 (IPv6)");
        }
        BigInteger first = n.network().toBigInteger();
        IpAddress cloud = address(n, first.add(BigInteger.ONE));
        IpAddress customer = address(n, first.add(BigInteger.TWO));
        b.cloudInsideAddress(new InsideAddress(cloud, n.prefixLength()))
                .customerInsideAddress(new InsideAddress(customer, n.prefixLength()))
                .putProvenance(CloudField.CLOUD_INSIDE_ADDRESS, at.location())
                .putProvenance(CloudField.CUSTOMER_INSIDE_ADDRESS, at.location());
        values.warn(ConfigWarning.Kind.MISSING_INFORMATION, at.location(),
                "inside addresses derived from " + n + " by AWS's convention (AWS .1, customer .2)");
    }

    private static IpAddress address(Cidr net, BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[net.family().addressLength()];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return IpAddress.of(out);
    }

    /** A list of {@code {"Value": x}} objects (or plain values); empty when absent. */
    private static List<String> names(JsonAt o, String key) throws ConfigParseException {
        List<String> out = new ArrayList<>();
        for (JsonAt e : o.array(key)) {
            out.add(e.node().isObject() ? e.text("Value") : e.asText());
        }
        return out;
    }

    private Optional<List<String>> list(JsonAt o, String key, CloudField field, CloudTunnel.Builder b) throws ConfigParseException {
        List<String> names = names(o, key);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        statesAlgorithms = true;
        b.putProvenance(field, o.get(key).orElseThrow().location());
        return Optional.of(names);
    }
}
