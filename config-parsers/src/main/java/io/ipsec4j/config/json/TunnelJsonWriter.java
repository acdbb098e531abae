package io.ipsec4j.config.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Writes model values as the tunnel document's JSON nodes (field names: {@link TunnelJson}). */
final class TunnelJsonWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SecretOutput secrets;

    TunnelJsonWriter(SecretOutput secrets) {
        this.secrets = secrets;
    }

    ObjectNode document(TunnelDocument doc) {
        ObjectNode o = NODES.objectNode();
        o.put("schemaVersion", TunnelDocument.SCHEMA_VERSION);
        ArrayNode tunnels = o.putArray("tunnels");
        doc.tunnels().forEach(t -> tunnels.add(tunnel(t)));
        ArrayNode pairs = o.putArray("redundantTunnels");
        doc.redundantTunnels().forEach(p -> pairs.add(pair(p)));
        return o;
    }

    ObjectNode pair(RedundantTunnels p) {
        ObjectNode o = NODES.objectNode();
        o.put("name", p.name());
        o.set("tunnel1", tunnel(p.tunnel1()));
        o.set("tunnel2", tunnel(p.tunnel2()));
        return o;
    }

    ObjectNode tunnel(Tunnel t) {
        ObjectNode o = NODES.objectNode();
        o.put("name", t.name());
        o.put("gateway", t.gateway());
        o.put("routing", t.routing().name());
        o.set("phaseOne", phaseOne(t.phaseOne()));
        o.set("phaseTwo", phaseTwo(t.phaseTwo()));
        t.tunnelInterface().ifPresent(i -> o.set("tunnelInterface", tunnelInterface(i)));
        ArrayNode routes = o.putArray("routes");
        t.routes().forEach(r -> routes.add(r.destination().toString()));
        t.bgp().ifPresent(b -> o.set("bgp", bgp(b)));
        return o;
    }

    private ObjectNode phaseOne(PhaseOne p) {
        ObjectNode o = NODES.objectNode();
        o.put("ikeVersion", p.ikeVersion().name());
        if (secrets == SecretOutput.REVEAL) {
            o.put("sharedSecret", p.sharedSecret().reveal());
        } else {
            o.putObject("sharedSecret").put("redacted", true).put("length", p.sharedSecret().length());
        }
        o.put("remotePublicIp", p.remotePublicIp().toString());
        p.localPublicIp().ifPresent(a -> o.put("localPublicIp", a.toString()));
        p.remoteId().ifPresent(i -> o.put("remoteId", i.toString()));
        p.localId().ifPresent(i -> o.put("localId", i.toString()));
        o.set("lifetime", lifetime(p.lifetime()));
        ArrayNode proposals = o.putArray("proposals");
        for (IkeProposal ike : p.proposals()) {
            proposals.add(ike.toStrongSwan());
        }
        return o;
    }

    private ObjectNode phaseTwo(PhaseTwo p) {
        ObjectNode o = NODES.objectNode();
        o.set("localSubnets", selectors(p.localSubnets()));
        o.set("remoteSubnets", selectors(p.remoteSubnets()));
        o.set("lifetime", lifetime(p.lifetime()));
        p.dpd().ifPresent(d -> o.set("dpd", dpd(d)));
        ArrayNode proposals = o.putArray("proposals");
        for (EspProposal esp : p.proposals()) {
            proposals.add(esp.toStrongSwan());
        }
        o.put("mode", p.mode().name());
        o.put("replayWindow", p.replayWindow());
        return o;
    }

    private static ArrayNode selectors(List<TrafficSelector> selectors) {
        ArrayNode a = NODES.arrayNode();
        selectors.forEach(s -> a.add(s.toString()));
        return a;
    }

    private static ObjectNode lifetime(Lifetime l) {
        ObjectNode o = NODES.objectNode();
        putSeconds(o, "seconds", l.time());
        l.bytes().ifPresent(b -> o.put("bytes", b));
        l.packets().ifPresent(p -> o.put("packets", p));
        l.rekeyMargin().ifPresent(m -> putSeconds(o, "rekeyMarginSeconds", m));
        o.put("rekeyFuzzPercent", l.rekeyFuzzPercent());
        return o;
    }

    private static ObjectNode dpd(Dpd d) {
        ObjectNode o = NODES.objectNode();
        putSeconds(o, "delaySeconds", d.delay());
        putSeconds(o, "timeoutSeconds", d.timeout());
        o.put("action", d.action().name());
        return o;
    }

    private static ObjectNode tunnelInterface(TunnelInterface i) {
        ObjectNode o = NODES.objectNode();
        o.put("localAddress", i.localAddress().toString());
        o.put("remoteAddress", i.remoteAddress().toString());
        o.put("prefixLength", i.prefixLength());
        return o;
    }

    private static ObjectNode bgp(BgpPeering b) {
        ObjectNode o = NODES.objectNode();
        o.put("localAsn", b.localAsn().value());
        o.put("peerAsn", b.peerAsn().value());
        o.put("neighbor", b.neighbor().toString());
        // Inside peering (the default) keeps the documents written before multihop peering existed.
        if (b.kind() == BgpPeeringKind.MULTIHOP) {
            o.put("kind", b.kind().name());
        }
        b.localAddress().ifPresent(a -> o.put("localAddress", a.toString()));
        if (b.kind() == BgpPeeringKind.MULTIHOP) {
            o.put("multihopTtl", b.multihopTtl());
        }
        putSeconds(o, "holdTimeSeconds", b.holdTime());
        return o;
    }

    /** Whole seconds as an integer, fractions exactly. */
    private static void putSeconds(ObjectNode o, String key, Duration d) {
        if (d.getNano() == 0) {
            o.put(key, d.getSeconds());
        } else {
            o.put(key, BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
        }
    }
}
