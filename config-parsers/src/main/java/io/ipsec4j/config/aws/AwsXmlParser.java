package io.ipsec4j.config.aws;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigParser;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.config.internal.AlgorithmResolver;
import io.ipsec4j.config.internal.ValueReader;
import io.ipsec4j.config.internal.XmlElement;
import io.ipsec4j.config.internal.XmlInput;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the AWS {@code CustomerGatewayConfiguration} XML (CONFIG-FORMATS.md §1.4), the document
 * every AWS download is rendered from and that {@code DescribeVpnConnections} returns.
 *
 * <p>Tunnels keep the XML order (it need not match the console's Tunnel 1/2; terraform re-sorts
 * them). An empty {@code vpn_gateway_id} means a Transit Gateway or Cloud WAN; a missing
 * {@code bgp} block and {@code NoBGPVPNConnection} mean static routing; a single tunnel and
 * unknown elements (AWS-compatible clouds add some) give warnings. DTDs and entities are refused.
 */
public final class AwsXmlParser implements CloudConfigParser {
    private static final Set<String> CONNECTION_CHILDREN = Set.of("customer_gateway_id", "vpn_gateway_id",
            "vpn_connection_type", "vpn_connection_attributes", "ipsec_tunnel");
    private static final Set<String> TUNNEL_CHILDREN = Set.of("customer_gateway", "vpn_gateway", "ike", "ipsec");
    private static final Set<String> GATEWAY_CHILDREN = Set.of("tunnel_outside_address", "tunnel_inside_address", "bgp");
    private static final Set<String> IKE_CHILDREN = Set.of("authentication_protocol", "encryption_protocol", "lifetime",
            "perfect_forward_secrecy", "mode", "pre_shared_key");
    private static final Set<String> IPSEC_CHILDREN = Set.of("protocol", "authentication_protocol", "encryption_protocol",
            "lifetime", "perfect_forward_secrecy", "mode", "clear_df_bit", "fragmentation_before_encryption",
            "tcp_mss_adjustment", "dead_peer_detection");

    /** Creates a parser (stateless). */
    public AwsXmlParser() {}

    @Override
    public CloudConfigFormat format() {
        return CloudConfigFormat.AWS_XML;
    }

    @Override
    public CloudVpnConnection parse(ConfigText text) throws ConfigParseException {
        ValueReader values = new ValueReader(CloudConfigFormat.AWS_XML);
        XmlElement root = XmlInput.read(text.text(), CloudConfigFormat.AWS_XML);
        return parse(root, values).build();
    }

    /** Reads a parsed document; shared with the EC2 API JSON parser, which adds tunnel options. */
    CloudVpnConnection.Builder parse(XmlElement root, ValueReader values) throws ConfigParseException {
        if (!root.name().equals("vpn_connection")) {
            throw values.error(root.location(), "root element <" + ValueReader.shorten(root.name()) + ">", "<vpn_connection>");
        }
        unknownChildren(values, root, CONNECTION_CHILDREN);
        String connectionId = root.attribute("id").flatMap(v -> values.id("vpn_connection id", v, root.attributeLocation("id")))
                .orElse(null);
        String gatewayId = root.child("vpn_gateway_id")
                .flatMap(e -> values.id("vpn_gateway_id", e.text(), e.location())).orElse(null);
        boolean gatewayStated = root.child("vpn_gateway_id").isPresent();
        boolean staticRouting = root.child("vpn_connection_attributes")
                .map(e -> e.text().equalsIgnoreCase("NoBGPVPNConnection")).orElse(false);
        String group = connectionId != null ? connectionId : "aws-vpn";
        List<CloudTunnel> tunnels = new ArrayList<>();
        int n = 0;
        for (XmlElement t : root.children("ipsec_tunnel")) {
            tunnels.add(tunnel(values, t, ++n, staticRouting).build(group));
        }
        if (tunnels.isEmpty()) {
            throw values.error(root.location(), "no <ipsec_tunnel> element", "one or two <ipsec_tunnel> elements");
        }
        tunnels = new AlgorithmResolver(Vendor.AWS, values).resolveAll(tunnels);
        AwsChecks.tunnels(values, tunnels);
        AwsChecks.minimumAlgorithmSet(values, "the CustomerGatewayConfiguration XML");
        CloudVpnConnection.Builder b = CloudVpnConnection.builder()
                .format(CloudConfigFormat.AWS_XML)
                .algorithmsAreMinimumSet(true)
                .gatewayKind(AwsChecks.gatewayKind(gatewayId, gatewayStated))
                .tunnels(tunnels)
                .warnings(values.warnings());
        Optional.ofNullable(connectionId).ifPresent(b::connectionId);
        Optional.ofNullable(gatewayId).ifPresent(b::gatewayId);
        root.child("customer_gateway_id").flatMap(e -> values.id("customer_gateway_id", e.text(), e.location()))
                .ifPresent(b::customerGatewayId);
        return b;
    }

    private static AwsTunnelDraft tunnel(ValueReader values, XmlElement t, int number, boolean staticRouting)
            throws ConfigParseException {
        AwsTunnelDraft d = new AwsTunnelDraft(number, t.location());
        unknownChildren(values, t, TUNNEL_CHILDREN);
        Optional<XmlElement> cgw = t.child("customer_gateway");
        Optional<XmlElement> vgw = t.child("vpn_gateway");
        if (cgw.isPresent()) {
            unknownChildren(values, cgw.get(), GATEWAY_CHILDREN);
            Optional<XmlElement> e = cgw.get().path("tunnel_outside_address", "ip_address");
            if (e.isPresent()) {
                values.address("customer_gateway outside ip_address", e.get().text(), e.get().location()).ifPresent(d.tunnel::customerOutsideAddress);
                d.at(CloudField.CUSTOMER_OUTSIDE_ADDRESS, e.get().location());
            }
            inside(values, cgw.get(), "customer_gateway").ifPresent(i -> {
                d.tunnel.customerInsideAddress(i.value);
                d.at(CloudField.CUSTOMER_INSIDE_ADDRESS, i.at);
            });
            Optional<XmlElement> asn = cgw.get().path("bgp", "asn");
            if (asn.isPresent()) {
                values.asn("customer_gateway bgp asn", asn.get().text(), asn.get().location()).ifPresent(d.tunnel::customerAsn);
                d.at(CloudField.CUSTOMER_ASN, asn.get().location());
            }
        }
        if (vgw.isPresent()) {
            unknownChildren(values, vgw.get(), GATEWAY_CHILDREN);
            Optional<XmlElement> e = vgw.get().path("tunnel_outside_address", "ip_address");
            if (e.isPresent()) {
                values.address("vpn_gateway outside ip_address", e.get().text(), e.get().location()).ifPresent(d.tunnel::cloudOutsideAddress);
                d.at(CloudField.CLOUD_OUTSIDE_ADDRESS, e.get().location());
            }
            Optional<Located> inside = inside(values, vgw.get(), "vpn_gateway");
            inside.ifPresent(i -> {
                d.tunnel.cloudInsideAddress(i.value);
                d.at(CloudField.CLOUD_INSIDE_ADDRESS, i.at);
            });
            Optional<XmlElement> bgp = vgw.get().child("bgp");
            if (bgp.isPresent() && !staticRouting) {
                Optional<XmlElement> asn = bgp.get().child("asn");
                if (asn.isPresent()) {
                    values.asn("vpn_gateway bgp asn", asn.get().text(), asn.get().location()).ifPresent(d.tunnel::cloudAsn);
                    d.at(CloudField.CLOUD_ASN, asn.get().location());
                }
                Optional<XmlElement> hold = bgp.get().child("hold_time");
                if (hold.isPresent()) {
                    values.intInRange("bgp hold_time", hold.get().text(), hold.get().location(), 0, 65_535)
                            .ifPresent(d.tunnel::bgpHoldTimeSeconds);
                    d.at(CloudField.BGP_HOLD_TIME, hold.get().location());
                }
                inside.ifPresent(i -> {
                    d.tunnel.bgpNeighborAddress(i.value.address());
                    d.at(CloudField.BGP_NEIGHBOR, i.at);
                });
            } else if (inside.isPresent()) {
                d.tunnel.staticNextHop(inside.get().value.address());
                d.at(CloudField.STATIC_NEXT_HOP, inside.get().at);
            }
            d.tunnel.routing(staticRouting || bgp.isEmpty() ? RoutingType.STATIC : RoutingType.BGP);
            d.at(CloudField.ROUTING, bgp.map(XmlElement::location).orElse(t.location()));
        }
        Optional<XmlElement> ike = t.child("ike");
        if (ike.isPresent()) {
            ike(values, d, ike.get());
        }
        Optional<XmlElement> ipsec = t.child("ipsec");
        if (ipsec.isPresent()) {
            ipsec(values, d, ipsec.get());
        }
        return d;
    }

    private record Located(io.ipsec4j.config.InsideAddress value, SourceLocation at) {}

    private static Optional<Located> inside(ValueReader values, XmlElement gw, String what) throws ConfigParseException {
        Optional<XmlElement> ip = gw.path("tunnel_inside_address", "ip_address");
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        Optional<XmlElement> cidr = gw.path("tunnel_inside_address", "network_cidr");
        String prefix = cidr.map(XmlElement::text).filter(s -> !s.isEmpty()).orElse("30");
        if (cidr.isEmpty()) {
            values.warn(ConfigWarning.Kind.MISSING_INFORMATION, ip.get().location(), what + " inside address has no network_cidr: /30 assumed");
        }
        return values.insideAddress(what + " inside ip_address", ip.get().text().trim() + "/" + prefix.trim(), ip.get().location())
                .map(a -> new Located(a, ip.get().location()));
    }

    private static void ike(ValueReader values, AwsTunnelDraft d, XmlElement ike) throws ConfigParseException {
        unknownChildren(values, ike, IKE_CHILDREN);
        for (XmlElement e : ike.children()) {
            SourceLocation at = e.location();
            if (!e.name().equals("pre_shared_key") && isEmpty(values, e)) {
                continue;
            }
            switch (e.name()) {
                case "authentication_protocol" -> add(d, CloudField.PHASE1_INTEGRITY, at, () -> d.phase1.addIntegrityNames(e.text()));
                case "encryption_protocol" -> add(d, CloudField.PHASE1_ENCRYPTION, at, () -> d.phase1.addEncryptionNames(e.text()));
                // Despite its name, ike/perfect_forward_secrecy is the IKE DH group (§1.4.2).
                case "perfect_forward_secrecy" -> add(d, CloudField.PHASE1_DH_GROUPS, at, () -> d.phase1.addDhGroupNames(e.text()));
                case "lifetime" -> {
                    values.number("ike lifetime", e.text(), at).ifPresent(d.phase1::lifetimeSeconds);
                    d.at(CloudField.PHASE1_LIFETIME, at);
                }
                case "mode" -> {
                    String mode = e.text().toLowerCase(Locale.ROOT);
                    if (!mode.equals("main") && !mode.equals("aggressive")) {
                        throw values.error(at, "ike mode \"" + ValueReader.shorten(e.text()) + "\"", "main or aggressive");
                    }
                    d.ikeMode = mode;
                    d.at(CloudField.PHASE1_MODE, at);
                }
                case "pre_shared_key" -> {
                    values.secret("pre_shared_key of tunnel " + d.number, e.text(), at).ifPresent(d.tunnel::preSharedKey);
                    d.at(CloudField.PRE_SHARED_KEY, at);
                }
                default -> {
                    // Reported by unknownChildren.
                }
            }
        }
        d.ikeVersionAt = ike.location();
    }

    private static void ipsec(ValueReader values, AwsTunnelDraft d, XmlElement ipsec) throws ConfigParseException {
        unknownChildren(values, ipsec, IPSEC_CHILDREN);
        for (XmlElement e : ipsec.children()) {
            SourceLocation at = e.location();
            if (isEmpty(values, e)) {
                continue;
            }
            switch (e.name()) {
                case "protocol" -> {
                    if (!e.text().equalsIgnoreCase("esp")) {
                        throw values.error(at, "ipsec protocol \"" + ValueReader.shorten(e.text()) + "\"", "esp");
                    }
                    add(d, CloudField.PHASE2_PROTOCOL, at, () -> d.phase2.protocol("esp"));
                }
                case "authentication_protocol" -> add(d, CloudField.PHASE2_INTEGRITY, at, () -> d.phase2.addIntegrityNames(e.text()));
                case "encryption_protocol" -> add(d, CloudField.PHASE2_ENCRYPTION, at, () -> d.phase2.addEncryptionNames(e.text()));
                case "perfect_forward_secrecy" -> add(d, CloudField.PHASE2_PFS_GROUPS, at, () -> d.phase2.addPfsGroupNames(e.text()));
                case "lifetime" -> {
                    values.number("ipsec lifetime", e.text(), at).ifPresent(d.phase2::lifetimeSeconds);
                    d.at(CloudField.PHASE2_LIFETIME, at);
                }
                case "mode" -> {
                    String mode = e.text().toLowerCase(Locale.ROOT);
                    if (!mode.equals("tunnel") && !mode.equals("transport")) {
                        throw values.error(at, "ipsec mode \"" + ValueReader.shorten(e.text()) + "\"", "tunnel or transport");
                    }
                    add(d, CloudField.PHASE2_MODE, at, () -> d.phase2.mode(mode.equals("tunnel") ? EspMode.TUNNEL : EspMode.TRANSPORT));
                }
                case "tcp_mss_adjustment" -> {
                    values.intInRange("tcp_mss_adjustment", e.text(), at, 0, 65_535).ifPresent(d.tunnel::tcpMssAdjustment);
                    d.at(CloudField.TCP_MSS, at);
                }
                case "dead_peer_detection" -> dpd(values, d, e);
                default -> {
                    // clear_df_bit and fragmentation_before_encryption are device advice.
                }
            }
        }
    }

    private static void dpd(ValueReader values, AwsTunnelDraft d, XmlElement dpd) throws ConfigParseException {
        unknownChildren(values, dpd, Set.of("interval", "retries"));
        Optional<XmlElement> interval = dpd.child("interval");
        if (interval.isPresent()) {
            values.intInRange("dead_peer_detection interval", interval.get().text(), interval.get().location(), 0, 86_400)
                    .ifPresent(d.tunnel::dpdIntervalSeconds);
            d.at(CloudField.DPD_INTERVAL, interval.get().location());
        }
        Optional<XmlElement> retries = dpd.child("retries");
        if (retries.isPresent()) {
            values.intInRange("dead_peer_detection retries", retries.get().text(), retries.get().location(), 0, 1000)
                    .ifPresent(d.tunnel::dpdRetries);
            d.at(CloudField.DPD_RETRIES, retries.get().location());
        }
    }

    /** An element with neither text nor children: a warning, and nothing to read. */
    private static boolean isEmpty(ValueReader values, XmlElement e) {
        if (e.text().isEmpty() && e.children().isEmpty()) {
            values.warn(ConfigWarning.Kind.EMPTY_VALUE, e.location(), "<" + ValueReader.shorten(e.name()) + "> is empty");
            return true;
        }
        return false;
    }

    private static void add(AwsTunnelDraft d, CloudField field, SourceLocation at, Runnable action) {
        action.run();
        d.at(field, at);
    }

    private static void unknownChildren(ValueReader values, XmlElement e, Set<String> known) {
        for (XmlElement c : e.children()) {
            if (!known.contains(c.name())) {
                values.warn(ConfigWarning.Kind.UNKNOWN_FIELD, c.location(),
                        "unknown element <" + ValueReader.shorten(c.name()) + "> ignored");
            }
        }
    }
}
