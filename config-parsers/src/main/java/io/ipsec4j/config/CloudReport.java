package io.ipsec4j.config;

import io.ipsec4j.model.Secret;
import java.util.Optional;

/** Readable, secret-free text for {@link CloudVpnConnection} and {@link CloudTunnel}. */
final class CloudReport {
    private CloudReport() {}

    static String secret(Optional<Secret> psk) {
        if (psk.isEmpty()) {
            return "none";
        }
        return psk.get().isEmpty() ? "(empty)" : "**** (" + psk.get().length() + " chars)";
    }

    static String tunnel(CloudTunnel t) {
        StringBuilder sb = new StringBuilder();
        sb.append("tunnel ").append(t.number()).append(" [").append(t.group()).append("]: cloud ")
                .append(t.cloudOutsideAddress().map(Object::toString).orElse("?"))
                .append(" <-> customer ").append(t.customerOutsideAddress().map(Object::toString).orElse("?"))
                .append(", PSK ").append(secret(t.preSharedKey()));
        if (t.cloudInsideAddress().isPresent() || t.customerInsideAddress().isPresent()) {
            sb.append(", inside cloud ").append(t.cloudInsideAddress().map(Object::toString).orElse("?"))
                    .append(" / customer ").append(t.customerInsideAddress().map(Object::toString).orElse("?"));
        }
        sb.append(", routing ").append(t.routing());
        if (t.customerAsn().isPresent() || t.cloudAsn().isPresent()) {
            sb.append(" (customer AS").append(t.customerAsn().map(a -> Long.toString(a.value())).orElse("?"))
                    .append(", cloud AS").append(t.cloudAsn().map(a -> Long.toString(a.value())).orElse("?"));
            t.bgpNeighborAddress().ifPresent(n -> sb.append(", neighbour ").append(n));
            t.bgpHoldTimeSeconds().ifPresent(h -> sb.append(", hold ").append(h).append('s'));
            sb.append(')');
        }
        t.staticNextHop().ifPresent(h -> sb.append(", next hop ").append(h));
        sb.append("; IKE ").append(t.phase1()).append("; IPsec ").append(t.phase2());
        if (t.dpdIntervalSeconds().isPresent() || t.dpdTimeoutSeconds().isPresent()) {
            sb.append("; DPD");
            t.dpdIntervalSeconds().ifPresent(i -> sb.append(" every ").append(i).append('s'));
            t.dpdRetries().ifPresent(r -> sb.append(" x").append(r));
            t.dpdTimeoutSeconds().ifPresent(s -> sb.append(" timeout ").append(s).append('s'));
            t.dpdAction().ifPresent(a -> sb.append(' ').append(a));
        }
        t.mtu().ifPresent(m -> sb.append("; MTU ").append(m));
        t.tcpMssAdjustment().ifPresent(m -> sb.append("; MSS ").append(m));
        if (!t.cloudNetworks().isEmpty() || !t.customerNetworks().isEmpty()) {
            sb.append("; networks cloud ").append(t.cloudNetworks()).append(" / customer ").append(t.customerNetworks());
        }
        return sb.toString();
    }

    static String connection(CloudVpnConnection c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.format().displayName());
        c.connectionId().ifPresent(id -> sb.append(", connection ").append(id));
        c.customerGatewayId().ifPresent(id -> sb.append(", customer gateway ").append(id));
        sb.append(", gateway ").append(c.gatewayKind());
        c.gatewayId().ifPresent(id -> sb.append(' ').append(id));
        sb.append(", ").append(c.tunnels().size()).append(c.tunnels().size() == 1 ? " tunnel" : " tunnels");
        if (c.algorithmsAreMinimumSet()) {
            sb.append(" (algorithms: the provider's minimum set, not the tunnel policy)");
        }
        for (CloudTunnel t : c.tunnels()) {
            sb.append("\n  ").append(tunnel(t));
        }
        for (ConfigWarning w : c.warnings()) {
            sb.append("\n  warning: ").append(w);
        }
        return sb.toString();
    }
}
