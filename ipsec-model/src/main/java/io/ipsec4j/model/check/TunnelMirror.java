package io.ipsec4j.model.check;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * The same tunnel seen from the other end: addresses, identities, subnets, inside addresses, BGP
 * addresses and ASNs swapped; secret, proposals, lifetimes, DPD, BGP peering kind and TTL kept. A
 * multihop peering's mirror routes our BGP address into the tunnel instead of the neighbour's. A tunnel is always compatible with its
 * mirror, which makes the mirror the natural "remote side" to start from.
 */
public final class TunnelMirror {
    private TunnelMirror() {}

    /**
     * Mirrors {@code tunnel}; its Phase I must know our public IP (the mirror's remote IP).
     *
     * @throws IllegalArgumentException when {@code phaseOne.localPublicIp} is not set
     */
    public static Tunnel of(Tunnel tunnel) {
        PhaseOne p1 = tunnel.phaseOne();
        IpAddress ours = p1.localPublicIp().orElseThrow(() -> new IllegalArgumentException(
                "mirroring tunnel \"" + tunnel.name() + "\" needs phaseOne.localPublicIp (the other end's remote IP)"));
        PhaseOne mirroredP1 = PhaseOne.builder().from(p1)
                .remotePublicIp(ours)
                .localPublicIp(p1.remotePublicIp())
                .remoteId(p1.localId())
                .localId(p1.remoteId())
                .build();
        PhaseTwo p2 = tunnel.phaseTwo();
        PhaseTwo mirroredP2 = PhaseTwo.builder().from(p2)
                .localSubnets(p2.remoteSubnets())
                .remoteSubnets(p2.localSubnets())
                .build();
        Tunnel.Builder b = Tunnel.builder().from(tunnel)
                .gateway(p1.remotePublicIp().toString())
                .phaseOne(mirroredP1)
                .phaseTwo(mirroredP2);
        tunnel.tunnelInterface().ifPresent(ti ->
                b.tunnelInterface(new TunnelInterface(ti.remoteAddress(), ti.localAddress(), ti.prefixLength())));
        tunnel.bgp().ifPresent(bgp -> {
            BgpPeering.Builder mirrored = BgpPeering.builder()
                    .localAsn(bgp.peerAsn())
                    .peerAsn(bgp.localAsn())
                    .kind(bgp.kind())
                    .neighbor(tunnel.bgpLocalAddress().orElseThrow())
                    .multihopTtl(bgp.multihopTtl())
                    .holdTime(bgp.holdTime());
            bgp.localAddress().ifPresent(a -> mirrored.localAddress(bgp.neighbor()));
            b.bgp(mirrored.build());
            if (bgp.kind() == BgpPeeringKind.MULTIHOP) {
                b.routes(mirroredRoutes(tunnel, bgp));
            }
        });
        return b.build();
    }

    /**
     * The other end routes our BGP address through the tunnel instead of its own: our host route to
     * the neighbour is dropped and one to our address added, unless the inside network or another
     * route already reaches it.
     */
    private static List<Route> mirroredRoutes(Tunnel tunnel, BgpPeering bgp) {
        List<Route> routes = new ArrayList<>(tunnel.routes());
        routes.remove(Route.of(Cidr.host(bgp.neighbor())));
        IpAddress ours = bgp.localAddress().orElseThrow();
        boolean reached = tunnel.tunnelInterface().map(ti -> ti.network().contains(ours)).orElse(false)
                || routes.stream().anyMatch(r -> r.destination().contains(ours));
        if (!reached) {
            routes.add(Route.of(Cidr.host(ours)));
        }
        return routes;
    }
}
