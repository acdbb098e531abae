package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.doctor.DoctorLivePair.Side;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;

/** Model tunnels for the doctor tests. */
final class DoctorTunnels {
    private DoctorTunnels() {}

    /** The responder B (192.0.2.2) of a live scenario as a model tunnel. */
    static Tunnel responder(Side b) {
        return Tunnel.builder().name("doc").gateway("b")
                .phaseOne(PhaseOne.builder().ikeVersion(b.version() == 1 ? IkeVersion.IKEV1_MAIN : IkeVersion.IKEV2)
                        .sharedSecret(Secret.of(b.psk())).remotePublicIp(IpAddress.parse("192.0.2.1"))
                        .localPublicIp(IpAddress.parse("192.0.2.2")).localId(Identity.parse(b.localId()))
                        .remoteId(Identity.parse(b.remoteId())).lifetime(Lifetime.of(Duration.ofHours(4)))
                        .addProposals(IkeProposal.parse(b.ikeProposal())).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse(b.localTs()))
                        .addRemoteSubnets(TrafficSelector.parse(b.remoteTs())).lifetime(Lifetime.of(Duration.ofHours(1)))
                        .addProposals(EspProposal.parse(b.espProposal())).build())
                .routing(RoutingMode.POLICY_BASED).build();
    }
}
