package io.ipsec4j.model.check;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;

/**
 * The same tunnel seen from the other end: addresses, identities, subnets, inside addresses and
 * ASNs swapped; secret, proposals, lifetimes and DPD kept. A tunnel is always compatible with its
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
        tunnel.bgp().ifPresent(bgp -> b.bgp(BgpPeering.builder()
                .localAsn(bgp.peerAsn())
                .peerAsn(bgp.localAsn())
                .neighbor(tunnel.tunnelInterface().get().localAddress())
                .holdTime(bgp.holdTime())
                .build()));
        return b.build();
    }
}
