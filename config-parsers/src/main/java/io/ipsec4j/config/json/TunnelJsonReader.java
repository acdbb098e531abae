package io.ipsec4j.config.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads the tunnel document's JSON nodes into model values; unknown fields are errors. */
final class TunnelJsonReader {
    private TunnelJsonReader() {}

    static TunnelDocument document(JsonNode root) throws ConfigParseException {
        JsonObjectReader o = JsonObjectReader.of(root, "");
        long version = o.integer("schemaVersion", 1, Integer.MAX_VALUE);
        if (version != TunnelDocument.SCHEMA_VERSION) {
            throw JsonObjectReader.error("/schemaVersion", "schema version " + version + " is not supported",
                    Integer.toString(TunnelDocument.SCHEMA_VERSION));
        }
        List<Tunnel> tunnels = new ArrayList<>();
        for (JsonObjectReader.Element e : o.array("tunnels")) {
            tunnels.add(tunnel(JsonObjectReader.of(e.node(), e.pointer())));
        }
        List<RedundantTunnels> pairs = new ArrayList<>();
        for (JsonObjectReader.Element e : o.array("redundantTunnels")) {
            pairs.add(pair(JsonObjectReader.of(e.node(), e.pointer())));
        }
        o.finish();
        return new TunnelDocument(tunnels, pairs);
    }

    static RedundantTunnels pair(JsonObjectReader o) throws ConfigParseException {
        String name = o.string("name");
        Tunnel t1 = tunnel(o.object("tunnel1"));
        Tunnel t2 = tunnel(o.object("tunnel2"));
        o.finish();
        return build(o.pointer(), () -> RedundantTunnels.builder().name(name).tunnel1(t1).tunnel2(t2).build());
    }

    static Tunnel tunnel(JsonObjectReader o) throws ConfigParseException {
        Tunnel.Builder b = Tunnel.builder().name(o.string("name")).gateway(o.string("gateway"))
                .routing(o.value("routing", s -> RoutingMode.valueOf(s), "ROUTE_BASED or POLICY_BASED"))
                .phaseOne(phaseOne(o.object("phaseOne")))
                .phaseTwo(phaseTwo(o.object("phaseTwo")));
        Optional<JsonObjectReader> inside = o.optionalObject("tunnelInterface");
        if (inside.isPresent()) {
            JsonObjectReader i = inside.get();
            IpAddress local = i.value("localAddress", IpAddress::parse, "an IP address");
            IpAddress remote = i.value("remoteAddress", IpAddress::parse, "an IP address");
            int prefix = (int) i.integer("prefixLength", 0, 128);
            i.finish();
            b.tunnelInterface(build(i.pointer(), () -> new TunnelInterface(local, remote, prefix)));
        }
        for (JsonObjectReader.Element e : o.array("routes")) {
            b.addRoutes(JsonObjectReader.parsed(e.pointer(), e.text(), Route::parse, "a CIDR such as 10.0.0.0/16"));
        }
        Optional<JsonObjectReader> bgp = o.optionalObject("bgp");
        if (bgp.isPresent()) {
            b.bgp(bgp(bgp.get()));
        }
        o.finish();
        return build(o.pointer(), b::build);
    }

    private static PhaseOne phaseOne(JsonObjectReader o) throws ConfigParseException {
        PhaseOne.Builder b = PhaseOne.builder()
                .ikeVersion(o.value("ikeVersion", s -> IkeVersion.valueOf(s), "IKEV2, IKEV1_MAIN or IKEV1_AGGRESSIVE"))
                .sharedSecret(secret(o))
                .remotePublicIp(o.value("remotePublicIp", IpAddress::parse, "an IP address"));
        o.optionalValue("localPublicIp", IpAddress::parse, "an IP address").ifPresent(b::localPublicIp);
        o.optionalValue("remoteId", Identity::parse, "an IKE identity").ifPresent(b::remoteId);
        o.optionalValue("localId", Identity::parse, "an IKE identity").ifPresent(b::localId);
        b.lifetime(lifetime(o.object("lifetime")));
        for (JsonObjectReader.Element e : o.array("proposals")) {
            b.addProposals(JsonObjectReader.parsed(e.pointer(), e.text(), IkeProposal::parse, "a strongSwan IKE proposal"));
        }
        o.finish();
        return build(o.pointer(), b::build);
    }

    /** The key in clear; a redacted export cannot become a tunnel again. */
    private static Secret secret(JsonObjectReader o) throws ConfigParseException {
        JsonNode v = o.raw("sharedSecret").orElseThrow(() ->
                JsonObjectReader.error(o.pointer(), "missing field \"sharedSecret\"", "a string field \"sharedSecret\""));
        if (v.isObject() && v.path("redacted").asBoolean(false)) {
            throw JsonObjectReader.error(o.pointer("sharedSecret"), "the shared secret was redacted when this document was written",
                    "a document written with SecretOutput.REVEAL, or the key filled in");
        }
        if (!v.isTextual()) {
            throw JsonObjectReader.error(o.pointer("sharedSecret"), "\"sharedSecret\" is not a string", "a string");
        }
        return Secret.of(v.asText());
    }

    private static PhaseTwo phaseTwo(JsonObjectReader o) throws ConfigParseException {
        PhaseTwo.Builder b = PhaseTwo.builder();
        for (JsonObjectReader.Element e : o.array("localSubnets")) {
            b.addLocalSubnets(JsonObjectReader.parsed(e.pointer(), e.text(), TrafficSelector::parse, "a traffic selector"));
        }
        for (JsonObjectReader.Element e : o.array("remoteSubnets")) {
            b.addRemoteSubnets(JsonObjectReader.parsed(e.pointer(), e.text(), TrafficSelector::parse, "a traffic selector"));
        }
        b.lifetime(lifetime(o.object("lifetime")));
        Optional<JsonObjectReader> dpd = o.optionalObject("dpd");
        if (dpd.isPresent()) {
            JsonObjectReader d = dpd.get();
            var delay = d.seconds("delaySeconds");
            var timeout = d.seconds("timeoutSeconds");
            DpdAction action = d.value("action", s -> DpdAction.valueOf(s), "CLEAR, HOLD, RESTART or NONE");
            d.finish();
            b.dpd(build(d.pointer(), () -> new Dpd(delay, timeout, action)));
        }
        for (JsonObjectReader.Element e : o.array("proposals")) {
            b.addProposals(JsonObjectReader.parsed(e.pointer(), e.text(), EspProposal::parse, "a strongSwan ESP proposal"));
        }
        o.optionalValue("mode", s -> EspMode.valueOf(s.toUpperCase(Locale.ROOT)), "TUNNEL or TRANSPORT").ifPresent(b::mode);
        o.optionalInteger("replayWindow", 0, PhaseTwo.MAX_REPLAY_WINDOW).ifPresent(w -> b.replayWindow(w.intValue()));
        o.finish();
        return build(o.pointer(), b::build);
    }

    private static Lifetime lifetime(JsonObjectReader o) throws ConfigParseException {
        Lifetime.Builder b = Lifetime.builder().time(o.seconds("seconds"));
        o.optionalInteger("bytes", 1, Long.MAX_VALUE).ifPresent(b::bytes);
        o.optionalInteger("packets", 1, Long.MAX_VALUE).ifPresent(b::packets);
        o.optionalSeconds("rekeyMarginSeconds").ifPresent(b::rekeyMargin);
        o.optionalInteger("rekeyFuzzPercent", 0, 1000).ifPresent(f -> b.rekeyFuzzPercent(f.intValue()));
        o.finish();
        return build(o.pointer(), b::build);
    }

    private static BgpPeering bgp(JsonObjectReader o) throws ConfigParseException {
        BgpPeering.Builder b = BgpPeering.builder()
                .localAsn(build(o.pointer("localAsn"), () -> Asn.of(integer(o, "localAsn"))))
                .peerAsn(build(o.pointer("peerAsn"), () -> Asn.of(integer(o, "peerAsn"))))
                .neighbor(o.value("neighbor", IpAddress::parse, "an IP address"));
        o.optionalValue("kind", s -> BgpPeeringKind.valueOf(s), "INSIDE or MULTIHOP").ifPresent(b::kind);
        o.optionalValue("localAddress", IpAddress::parse, "an IP address").ifPresent(b::localAddress);
        o.optionalInteger("multihopTtl", 2, BgpPeering.MAX_TTL).ifPresent(t -> b.multihopTtl(t.intValue()));
        o.optionalSeconds("holdTimeSeconds").ifPresent(b::holdTime);
        o.finish();
        return build(o.pointer(), b::build);
    }

    private static long integer(JsonObjectReader o, String key) {
        try {
            return o.integer(key, 0, Asn.MAX + 1);
        } catch (ConfigParseException e) {
            throw new WrappedParseException(e);
        }
    }

    /** Carries a parse error through a {@link Supplier}. */
    private static final class WrappedParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrappedParseException(ConfigParseException cause) {
            super(cause);
        }
    }

    /** Builds a model value; its validation errors become parse errors at {@code pointer}. */
    private static <T> T build(String pointer, Supplier<T> supplier) throws ConfigParseException {
        try {
            return supplier.get();
        } catch (WrappedParseException e) {
            throw (ConfigParseException) e.getCause();
        } catch (ModelValidationException e) {
            StringBuilder sb = new StringBuilder();
            for (Finding f : e.errors()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(f.code()).append(' ').append(f.path()).append(": ").append(f.message());
            }
            throw JsonObjectReader.error(pointer, sb.toString(), "a value the model accepts");
        } catch (IllegalArgumentException e) {
            // The model's value types refuse bad values with IllegalArgumentException; anything else is a bug.
            throw JsonObjectReader.error(pointer, String.valueOf(e.getMessage()), "a valid value");
        }
    }
}
