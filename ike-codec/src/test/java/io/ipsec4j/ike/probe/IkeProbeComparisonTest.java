package io.ipsec4j.ike.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.probe.IkeProbeComparison.Verdict;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeProbeComparisonTest {

    static Tunnel tunnel(IkeVersion version, String... proposals) {
        PhaseOne.Builder one = PhaseOne.builder().ikeVersion(version).sharedSecret(Secret.of("not-shown-anywhere"))
                .remotePublicIp(IpAddress.parse("192.0.2.2")).localPublicIp(IpAddress.parse("192.0.2.1"));
        for (String p : proposals) {
            one.addProposals(IkeProposal.parse(p));
        }
        return Tunnel.builder().name("branch").gateway("gw").routing(RoutingMode.POLICY_BASED).phaseOne(one.build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }

    private static IkeProbeResult probed() throws Exception {
        return ProbeLoop.run(IkeProbeTest.probe(IkeVersion.IKEV2).build(), new FakeResponder(IkeProbeTest.CONFIG)::answer);
    }

    @Test
    void eachPhaseOneProposalOfTheTunnelGetsAVerdictWithItsReason() throws Exception {
        Tunnel t = tunnel(IkeVersion.IKEV2, "aes128gcm16-prfsha256-ecp256", "aes256-sha256-ecp256",
                "aes128-sha1-modp1024");
        IkeProbeComparison c = probed().compareWith(t);

        assertThat(c.entries()).extracting(IkeProbeComparison.Entry::verdict)
                .containsExactly(Verdict.ACCEPTED, Verdict.LIKELY, Verdict.REJECTED);
        assertThat(c.entries().get(2).reason()).contains("encryption [aes128]", "integrity [sha1]",
                "key exchange [modp1024]", "NO_PROPOSAL_CHOSEN");
        assertThat(c.toText()).contains("ACCEPTED aes128gcm16-prfsha256-ecp256", "REJECTED aes128-sha1-modp1024")
                .doesNotContain("not-shown-anywhere");
    }

    @Test
    void aTunnelOfTheOtherIkeVersionIsNeverAccepted() throws Exception {
        IkeProbeComparison c = probed().compareWith(tunnel(IkeVersion.IKEV1_MAIN, "aes256-sha256-modp2048"));

        assertThat(c.entries()).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.REJECTED);
            assertThat(e.reason()).contains("IKEV1_MAIN", "IKEV2");
        });
    }

    @Test
    void transformKeywordsAreStrongSwans() {
        IkeProposal p = IkeProposal.parse("aes128-sha384-prfsha512-x25519-modp2048s256");
        List<Object> all = List.of(IkeProposal.parse("aes256gcm16-prfsha256-ecp256").encryption().get(0),
                p.encryption().get(0), p.integrity().get(0), p.prf().get(0),
                p.keyExchange().get(0), p.keyExchange().get(1));
        assertThat(all).extracting(IkeProbeResult::keyword)
                .containsExactly("aes256gcm16", "aes128", "sha384", "prfsha512", "curve25519", "modp2048s256");
    }
}
