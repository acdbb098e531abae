package io.ipsec4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Route-based BGP tunnels that each vendor profile accepts without a finding, and small edits
 * that break one rule at a time.
 */
final class ProfileTestTunnels {
    static final String SECRET = "q7Hn2._Zr9fKx4TwLp8sVb3M";

    private ProfileTestTunnels() {}

    /**
     * IKEv2 aes256gcm16-prfsha384-ecp384 / aes256gcm16-ecp384, 28800 s / 3600 s, DPD 10 s / 30 s
     * restart, replay window 1024, inside 169.254.10.0/30, AS65000 to {@code peerAsn}.
     */
    static Tunnel tunnel(String name, long peerAsn) {
        return Tunnel.builder().name(name).gateway("gw-" + name)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(SECRET))
                        .remotePublicIp(IpAddress.parse("3.120.45.10")).localPublicIp(IpAddress.parse("52.29.1.20"))
                        .lifetime(Lifetime.ofSeconds(28_800))
                        .addProposals(IkeProposal.parse("aes256gcm16-prfsha384-ecp384")).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.ANY_IPV4)
                        .addRemoteSubnets(TrafficSelector.ANY_IPV4).lifetime(Lifetime.ofSeconds(3_600))
                        .dpd(Dpd.ofSeconds(10, 30, DpdAction.RESTART)).replayWindow(1024)
                        .addProposals(EspProposal.parse("aes256gcm16-ecp384")).build())
                .routing(RoutingMode.ROUTE_BASED)
                .tunnelInterface(TunnelInterface.parse("169.254.10.2/30", "169.254.10.1"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(peerAsn))
                        .neighbor(IpAddress.parse("169.254.10.1")).build())
                .build();
    }

    static Tunnel withPhaseOne(Tunnel t, UnaryOperator<PhaseOne.Builder> edit) {
        return Tunnel.builder().from(t).phaseOne(edit.apply(PhaseOne.builder().from(t.phaseOne())).build()).build();
    }

    static Tunnel withPhaseTwo(Tunnel t, UnaryOperator<PhaseTwo.Builder> edit) {
        return Tunnel.builder().from(t).phaseTwo(edit.apply(PhaseTwo.builder().from(t.phaseTwo())).build()).build();
    }

    static Tunnel withIke(Tunnel t, String... strongSwanProposals) {
        return withPhaseOne(t, b -> b.proposals(Stream.of(strongSwanProposals).map(IkeProposal::parse).toList()));
    }

    static Tunnel withEsp(Tunnel t, String... strongSwanProposals) {
        return withPhaseTwo(t, b -> b.proposals(Stream.of(strongSwanProposals).map(EspProposal::parse).toList()));
    }

    static Tunnel withLifetimes(Tunnel t, Lifetime phaseOne, Lifetime phaseTwo) {
        return withPhaseTwo(withPhaseOne(t, b -> b.lifetime(phaseOne)), b -> b.lifetime(phaseTwo));
    }

    static Tunnel withSecret(Tunnel t, String secret) {
        return withPhaseOne(t, b -> b.sharedSecret(Secret.of(secret)));
    }

    static Tunnel withAsns(Tunnel t, long local, long peer) {
        return Tunnel.builder().from(t).bgp(BgpPeering.builder().from(t.bgp().get()).localAsn(Asn.of(local))
                .peerAsn(Asn.of(peer)).build()).build();
    }

    /** The tunnel with inside addresses {@code localWithPrefix} and {@code remote}, the BGP neighbour moved along. */
    static Tunnel withInside(Tunnel t, String localWithPrefix, String remote) {
        return Tunnel.builder().from(t).tunnelInterface(TunnelInterface.parse(localWithPrefix, remote))
                .bgp(BgpPeering.builder().from(t.bgp().get()).neighbor(IpAddress.parse(remote)).build()).build();
    }

    /** The tunnel peering multihop from 10.255.0.1 to 10.255.1.1 (host-routed into the tunnel). */
    static Tunnel withMultihop(Tunnel t) {
        return Tunnel.builder().from(t).addRoutes(io.ipsec4j.model.Route.parse("10.255.1.1/32"))
                .bgp(BgpPeering.builder().from(t.bgp().get()).kind(io.ipsec4j.model.BgpPeeringKind.MULTIHOP)
                        .localAddress(IpAddress.parse("10.255.0.1")).neighbor(IpAddress.parse("10.255.1.1")).build())
                .build();
    }

    /** A pair of {@code a} and {@code b}; {@code b} moves to 169.254.11.0/30 so the inside networks differ. */
    static RedundantTunnels pair(String name, Tunnel a, Tunnel b) {
        return RedundantTunnels.builder().name(name).tunnel1(a)
                .tunnel2(withInside(b, "169.254.11.2/30", "169.254.11.1")).build();
    }

    /** The only finding of {@code findings}; fails when there are none or several. */
    static Finding single(List<Finding> findings) {
        assertThat(findings).as("findings").hasSize(1);
        return findings.get(0);
    }

    /**
     * The only finding of {@code profile} for {@code t}, asserted to have this code, severity and
     * path and to name the vendor in its message.
     */
    static Finding only(VendorProfile profile, Tunnel t, String code, Severity severity, String path) {
        Finding f = single(profile.check(t));
        assertThat(f.code()).isEqualTo(code);
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.path()).isEqualTo(path);
        assertThat(f.message()).contains(profile.name().split(" ")[0]);
        return f;
    }

    /** Asserts that no finding mentions {@code text} in any of its fields. */
    static void assertNowhere(List<Finding> findings, String text) {
        for (Finding f : findings) {
            assertThat(f.toString()).doesNotContain(text);
            assertThat(f.message()).doesNotContain(text);
            assertThat(f.localValue().orElse("")).doesNotContain(text);
            assertThat(f.remoteValue().orElse("")).doesNotContain(text);
            assertThat(f.allowed().orElse("")).doesNotContain(text);
        }
    }
}
