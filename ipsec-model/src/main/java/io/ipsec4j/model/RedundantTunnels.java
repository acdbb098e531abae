package io.ipsec4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Two active-active tunnels from two different SASE gateways to two remote gateways, each with
 * its own BGP session, as AWS and Azure describe their connections.
 *
 * <p>Checks: both tunnels route-based with BGP, on distinct SASE gateways, with non-overlapping
 * inside networks where both state one, and two distinct BGP sessions. The tunnels may share our
 * BGP address when their neighbours differ, as Azure's active-active pairs do: the site has one
 * BGP address and peers over multihop BGP with each gateway instance through its own tunnel
 * ({@link BgpPeeringKind#MULTIHOP}). Both tunnels reaching the same remote IP is allowed but only
 * redundant on our side, and a multihop neighbour routed through the other tunnel too may lose its
 * session to the wrong tunnel: {@link #warnings()} says both.
 */
@Value.Immutable
@ValueStyle
public abstract class RedundantTunnels {
    public abstract String name();

    public abstract Tunnel tunnel1();

    public abstract Tunnel tunnel2();

    /** Both tunnels, in order. */
    public List<Tunnel> tunnels() {
        return List.of(tunnel1(), tunnel2());
    }

    /** Warnings of both tunnels (paths prefixed {@code tunnel1.}/{@code tunnel2.}) and of the pair. */
    @Value.Lazy
    public List<Finding> warnings() {
        List<Finding> out = new ArrayList<>();
        tunnel1().warnings().forEach(f -> out.add(f.withPathPrefix("tunnel1")));
        tunnel2().warnings().forEach(f -> out.add(f.withPathPrefix("tunnel2")));
        if (tunnel1().phaseOne().remotePublicIp().equals(tunnel2().phaseOne().remotePublicIp())) {
            out.add(Finding.warning("SAME_REMOTE_IP", "tunnel2.phaseOne.remotePublicIp",
                    "both tunnels reach the same remote IP " + tunnel1().phaseOne().remotePublicIp()
                            + ": the pair is redundant on our side only, and a failure of that remote gateway takes both down"));
        }
        Asn local1 = tunnel1().bgp().get().localAsn();
        Asn local2 = tunnel2().bgp().get().localAsn();
        if (!local1.equals(local2)) {
            out.add(Finding.warning("LOCAL_ASN_DIFFERS", "tunnel2.bgp.localAsn", "the two tunnels use different local ASNs ("
                    + local1 + ", " + local2 + "); active-active BGP normally announces one ASN from both gateways"));
        }
        neighborRoutedElsewhere(tunnel1(), "tunnel1", tunnel2(), "tunnel2", out);
        neighborRoutedElsewhere(tunnel2(), "tunnel2", tunnel1(), "tunnel1", out);
        return List.copyOf(out);
    }

    /**
     * A multihop neighbour must stay behind its own tunnel: when the other tunnel's routes reach it
     * at least as specifically, its session may run through the wrong tunnel, to the wrong instance.
     */
    private void neighborRoutedElsewhere(Tunnel own, String ownPath, Tunnel other, String otherPath, List<Finding> out) {
        BgpPeering bgp = own.bgp().get();
        if (bgp.kind() != BgpPeeringKind.MULTIHOP
                || own.tunnelInterface().map(ti -> ti.network().contains(bgp.neighbor())).orElse(false)) {
            return;
        }
        if (RouteTable.of(tunnels()).lookup(bgp.neighbor()).contains(other)) {
            out.add(Finding.warning("BGP_NEIGHBOR_ROUTED_ELSEWHERE", otherPath + ".routes", ownPath + "'s BGP neighbour "
                    + bgp.neighbor() + " is also routed through " + otherPath + ", so its session may leave through the"
                    + " wrong tunnel; route each neighbour only through its own tunnel"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RedundantTunnels} values. */
    public static final class Builder extends ImmutableRedundantTunnels.Builder {}

    @Value.Check
    void check() {
        List<Finding> errors = new ArrayList<>();
        requireBgp(tunnel1(), "tunnel1", errors);
        requireBgp(tunnel2(), "tunnel2", errors);
        if (tunnel1().gateway().equals(tunnel2().gateway())) {
            errors.add(Finding.error("SAME_GATEWAY", "tunnel2.gateway", "both tunnels terminate on SASE gateway \""
                    + tunnel1().gateway() + "\"; a redundant pair needs two different gateways"));
        }
        if (tunnel1().name().equals(tunnel2().name())) {
            errors.add(Finding.error("SAME_NAME", "tunnel2.name", "both tunnels are named \"" + tunnel1().name() + "\""));
        }
        if (tunnel1().tunnelInterface().isPresent() && tunnel2().tunnelInterface().isPresent()) {
            Cidr a = tunnel1().tunnelInterface().get().network();
            Cidr b = tunnel2().tunnelInterface().get().network();
            if (a.overlaps(b)) {
                errors.add(Finding.error("INSIDE_OVERLAP", "tunnel2.tunnelInterface",
                        "inside networks " + a + " and " + b + " overlap; each tunnel needs its own"));
            }
        }
        if (tunnel1().bgp().isPresent() && tunnel2().bgp().isPresent()) {
            IpAddress neighbor = tunnel1().bgp().get().neighbor();
            Optional<IpAddress> local = tunnel1().bgpLocalAddress();
            if (neighbor.equals(tunnel2().bgp().get().neighbor()) && local.isPresent() && local.equals(tunnel2().bgpLocalAddress())) {
                errors.add(Finding.error("BGP_SAME_SESSION", "tunnel2.bgp.neighbor", "both tunnels peer from " + local.get()
                        + " with neighbour " + neighbor + ": that is one BGP session twice, and the peer closes one of"
                        + " them (connection collision, RFC 4271 §6.8); each tunnel needs its own neighbour or local address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ModelValidationException("invalid redundant tunnels \"" + name() + "\"", errors);
        }
    }

    private static void requireBgp(Tunnel t, String path, List<Finding> errors) {
        if (t.routing() != RoutingMode.ROUTE_BASED || t.bgp().isEmpty()) {
            errors.add(Finding.error("PAIR_NEEDS_BGP", path + ".bgp",
                    "tunnels of a redundant pair are route-based with BGP, so traffic fails over when one goes down"));
        }
    }
}
