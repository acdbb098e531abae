package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;

/** Hand-made tunnels for the strongSwan tests: policy-based with two subnets per side, route-based, a pair. */
final class SwanctlTestTunnels {
    static final String PSK = "Kx7pQ2mZr9VtLw4sNb8cYd3F";

    private SwanctlTestTunnels() {}

    static PhaseOne.Builder phaseOne(IkeVersion version, String local, String remote) {
        return PhaseOne.builder().ikeVersion(version).sharedSecret(Secret.of(PSK))
                .localPublicIp(IpAddress.parse(local)).remotePublicIp(IpAddress.parse(remote))
                .lifetime(Lifetime.builder().time(Duration.ofHours(8)).rekeyMargin(Duration.ofMinutes(9)).rekeyFuzzPercent(100).build())
                .addProposals(IkeProposal.parse("aes256-sha256-modp2048"));
    }

    static PhaseTwo.Builder phaseTwo() {
        return PhaseTwo.builder().lifetime(Lifetime.builder().time(Duration.ofHours(1)).rekeyMargin(Duration.ofMinutes(9))
                        .rekeyFuzzPercent(100).build())
                .addProposals(EspProposal.parse("aes128gcm16-modp2048")).replayWindow(64)
                .dpd(Dpd.ofSeconds(10, 30, DpdAction.RESTART));
    }

    /** Policy-based, 10.1.0.0/24 + 10.1.1.0/24 to 10.2.0.0/24 + 10.2.1.0/24, FQDN IDs. */
    static Tunnel policyBased(IkeVersion version, String local, String remote) {
        return Tunnel.builder().name("branch").gateway("gw-1")
                .phaseOne(phaseOne(version, local, remote).localId(Identity.parse("a.ipsec4j.test"))
                        .remoteId(Identity.parse("b.ipsec4j.test")).build())
                .phaseTwo(phaseTwo().addLocalSubnets(TrafficSelector.parse("10.1.0.0/24"), TrafficSelector.parse("10.1.1.0/24"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/24"), TrafficSelector.parse("10.2.1.0/24")).build())
                .routing(RoutingMode.POLICY_BASED).build();
    }

    /** Route-based, 0.0.0.0/0 both ways, inside 169.254.10.(block*4+2)/30, BGP. */
    static Tunnel routeBased(String name, String gateway, String local, String remote, int block) {
        String base = "169.254.10.";
        return Tunnel.builder().name(name).gateway(gateway)
                .phaseOne(phaseOne(IkeVersion.IKEV2, local, remote).build())
                .phaseTwo(phaseTwo().addLocalSubnets(TrafficSelector.ANY_IPV4).addRemoteSubnets(TrafficSelector.ANY_IPV4).build())
                .routing(RoutingMode.ROUTE_BASED)
                .tunnelInterface(TunnelInterface.parse(base + (block * 4 + 2) + "/30", base + (block * 4 + 1)))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65010)).peerAsn(Asn.of(64512))
                        .neighbor(IpAddress.parse(base + (block * 4 + 1))).build())
                .build();
    }

    static RedundantTunnels pair() {
        return RedundantTunnels.builder().name("aws-pair")
                .tunnel1(routeBased("aws-1", "gw-1", "192.0.2.1", "192.0.2.2", 0))
                .tunnel2(routeBased("aws-2", "gw-2", "192.0.2.3", "192.0.2.4", 1)).build();
    }
}
