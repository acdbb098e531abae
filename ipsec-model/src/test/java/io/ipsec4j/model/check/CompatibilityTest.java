package io.ipsec4j.model.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TestTunnels;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CompatibilityTest {
    private static final Tunnel OURS = TestTunnels.policyBased().build();
    private static final Tunnel ROUTED = TestTunnels.routeBased().build();

    private static Tunnel theirs(Tunnel ours, UnaryOperator<PhaseOne.Builder> p1, UnaryOperator<PhaseTwo.Builder> p2) {
        Tunnel mirror = TunnelMirror.of(ours);
        return Tunnel.builder().from(mirror)
                .phaseOne(p1.apply(PhaseOne.builder().from(mirror.phaseOne())).build())
                .phaseTwo(p2.apply(PhaseTwo.builder().from(mirror.phaseTwo())).build()).build();
    }

    private static List<Finding> findings(Tunnel theirs) {
        return Compatibility.compare(OURS, theirs).findings();
    }

    @Test
    void aTunnelIsCompatibleWithItsMirror() {
        CompatibilityReport r = Compatibility.compare(OURS, TunnelMirror.of(OURS));
        assertThat(r.findings()).isEmpty();
        assertThat(r.isCompatible()).isTrue();
        assertThat(r.toText()).startsWith("compatible");
        assertThat(Compatibility.compare(ROUTED, TunnelMirror.of(ROUTED)).findings()).isEmpty();
    }

    @Test
    void mirroringNeedsOurPublicIp() {
        Tunnel noLocal = Tunnel.builder().from(OURS)
                .phaseOne(PhaseOne.builder().from(OURS.phaseOne()).localPublicIp(java.util.Optional.empty()).build()).build();
        assertThatThrownBy(() -> TunnelMirror.of(noLocal)).hasMessageContaining("needs phaseOne.localPublicIp");
    }

    @Test
    void differentIkeVersionsFailPhaseOne() {
        Tunnel t = theirs(OURS, b -> b.ikeVersion(IkeVersion.IKEV1_MAIN)
                .proposals(List.of(IkeProposal.parse("aes256-sha256-modp2048"))), b -> b);
        CompatibilityReport r = Compatibility.compare(OURS, t);
        assertThat(r.findings()).extracting(Finding::code).contains("IKE_VERSION_MISMATCH");
        assertThat(r.firstFailingPhase()).contains(Phase.PHASE_1);
        assertThat(r.toText()).startsWith("NOT compatible: Phase I (IKE SA) fails");
    }

    @Test
    void differentSecretsAreReportedWithoutShowingEither() {
        List<Finding> f = findings(theirs(OURS, b -> b.sharedSecret(Secret.of("q7Hn2._Zr9fKx4TwLp8sVb3M ")), b -> b));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("PSK_MISMATCH");
            assertThat(x.message()).contains("only in leading or trailing white space");
            assertThat(x.toString()).doesNotContain("q7Hn2");
            assertThat(x.localValue()).isEmpty();
        });
    }

    @Test
    void identitiesAreCheckedBothWays() {
        List<Finding> f = findings(theirs(OURS, b -> b.remoteId(Identity.parse("sase.example.net"))
                .localId(Identity.parse("aws.example.com")), b -> b));
        assertThat(f).extracting(Finding::code).containsExactlyInAnyOrder("LOCAL_ID_MISMATCH", "REMOTE_ID_MISMATCH");
        assertThat(f).filteredOn(x -> x.code().equals("LOCAL_ID_MISMATCH")).singleElement().satisfies(x -> {
            assertThat(x.localValue()).contains("52.29.1.20");
            assertThat(x.remoteValue()).contains("sase.example.net");
        });
    }

    @Test
    void noCommonIkeProposalNamesTheTransformTypeWithoutOverlap() {
        List<Finding> f = findings(theirs(OURS, b -> b.proposals(List.of(IkeProposal.parse("aes256gcm16-prfsha384-modp2048"))),
                b -> b));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("IKE_PROPOSAL_MISMATCH");
            assertThat(x.phase()).isEqualTo(Phase.PHASE_1);
            assertThat(x.message()).contains("NO_PROPOSAL_CHOSEN").contains("no common key exchange (DH group)")
                    .doesNotContain("no common encryption");
        });
    }

    @Test
    void aCommonProposalFurtherDownTheListIsFound() {
        List<Finding> f = findings(theirs(OURS, b -> b.proposals(List.of(IkeProposal.parse("aes128-sha256-modp2048"),
                IkeProposal.parse("aes256gcm16-prfsha384-ecp384"))), b -> b));
        assertThat(f).isEmpty();
    }

    @Test
    void pfsMismatchInIkev2BreaksTheFirstRekeyOnly() {
        List<Finding> f = findings(theirs(OURS, b -> b, b -> b.proposals(List.of(EspProposal.parse("aes256gcm16")))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("PFS_MISMATCH");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.phase()).isEqualTo(Phase.PHASE_2_REKEY);
            assertThat(x.message()).contains("the tunnel comes up").contains("first rekey");
            assertThat(x.localValue()).contains("ECP_384");
            assertThat(x.remoteValue()).contains("no PFS");
        });
    }

    @Test
    void pfsMismatchInIkev1FailsPhaseTwo() {
        PhaseOne v1 = TestTunnels.phaseOne().ikeVersion(IkeVersion.IKEV1_MAIN)
                .proposals(List.of(IkeProposal.parse("aes256-sha256-modp2048"))).build();
        Tunnel ours = TestTunnels.policyBased().phaseOne(v1).build();
        Tunnel theirs = theirs(ours, b -> b, b -> b.proposals(List.of(EspProposal.parse("aes256gcm16-modp2048"))));
        assertThat(Compatibility.compare(ours, theirs).findings()).singleElement()
                .satisfies(x -> assertThat(x.phase()).isEqualTo(Phase.PHASE_2));
    }

    @Test
    void noCommonEspProposalFailsPhaseTwo() {
        List<Finding> f = findings(theirs(OURS, b -> b, b -> b.proposals(List.of(EspProposal.parse("aes128-sha1-ecp384")))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("ESP_PROPOSAL_MISMATCH");
            assertThat(x.message()).contains("no common encryption").contains("no common integrity");
        });
    }

    @Test
    void lifetimeDifferencesAreWarningsNamingTheWinner() {
        List<Finding> f = findings(theirs(OURS, b -> b.lifetime(Lifetime.of(Duration.ofHours(4))),
                b -> b.lifetime(Lifetime.of(Duration.ofMinutes(45)))));
        assertThat(f).extracting(Finding::code).containsExactly("IKE_LIFETIME_DIFFERS", "CHILD_LIFETIME_DIFFERS");
        assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        assertThat(f.get(0).message()).contains("the shorter one (14400s)");
        assertThat(Compatibility.compare(OURS, theirs(OURS, b -> b.lifetime(Lifetime.of(Duration.ofHours(4))), b -> b))
                .isCompatible()).isTrue();
    }

    @Test
    void dpdAndModeDifferences() {
        List<Finding> f = findings(theirs(OURS, b -> b, b -> b.dpd(java.util.Optional.empty()).mode(EspMode.TRANSPORT)));
        assertThat(f).extracting(Finding::code).containsExactly("ESP_MODE_MISMATCH", "DPD_DIFFERS");
    }

    @Test
    void everyMissingOrExtraSubnetIsNamed() {
        List<Finding> f = findings(theirs(OURS, b -> b, b -> b
                .localSubnets(List.of(TrafficSelector.parse("172.16.0.0/24")))
                .remoteSubnets(List.of(TrafficSelector.parse("10.1.0.0/16"), TrafficSelector.parse("10.9.0.0/16")))));
        assertThat(f).extracting(Finding::code, Finding::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("SUBNET_EXTRA_AT_PEER", "phaseTwo.localSubnets"),
                org.assertj.core.groups.Tuple.tuple("SUBNET_MISSING_AT_PEER", "phaseTwo.remoteSubnets"));
        assertThat(f).filteredOn(x -> x.code().equals("SUBNET_MISSING_AT_PEER")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("172.16.5.0/24").contains("fail the whole Phase II"));
    }

    @Test
    void aSubnetThePeerOnlyCoversIsAWarning() {
        List<Finding> f = findings(theirs(OURS, b -> b, b -> b.remoteSubnets(List.of(TrafficSelector.parse("10.0.0.0/8")))));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("SUBNET_NARROWER");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void routeBasedAgainstPolicyBasedFails() {
        CompatibilityReport r = Compatibility.compare(ROUTED, TunnelMirror.of(OURS));
        assertThat(r.findings()).extracting(Finding::code).contains("ROUTING_MODE_MISMATCH");
        assertThat(r.isCompatible()).isFalse();
    }

    @Test
    void bgpAsnsAndInsideAddressesMustMirror() {
        Tunnel mirror = TunnelMirror.of(ROUTED);
        Tunnel wrongAsn = Tunnel.builder().from(mirror).bgp(BgpPeering.builder().from(mirror.bgp().get())
                .peerAsn(Asn.of(65001)).build()).build();
        assertThat(Compatibility.compare(ROUTED, wrongAsn).findings()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("BGP_LOCAL_ASN_MISMATCH");
            assertThat(x.phase()).isEqualTo(Phase.ROUTING);
            assertThat(x.localValue()).contains("65000");
            assertThat(x.remoteValue()).contains("65001");
        });
        Tunnel noBgp = Tunnel.builder().from(mirror).bgp(java.util.Optional.empty())
                .routes(List.of(io.ipsec4j.model.Route.parse("10.1.0.0/16"))).build();
        assertThat(Compatibility.compare(ROUTED, noBgp).findings()).extracting(Finding::code).containsExactly("BGP_ONE_SIDED");
    }

    @Test
    void endpointsThatDoNotMatchAreWarnings() {
        List<Finding> f = findings(theirs(OURS, b -> b.localPublicIp(IpAddress.parse("3.120.45.99")), b -> b));
        // Behind NAT the peer also identifies with an address we do not expect, unless IDs are set.
        assertThat(f).extracting(Finding::code).containsExactlyInAnyOrder("REMOTE_IP_MISMATCH", "REMOTE_ID_MISMATCH");
    }

    @Test
    void pairsAreComparedTunnelByTunnelEvenWhenTheOtherEndListsThemTheOtherWayRound() {
        io.ipsec4j.model.RedundantTunnels ours = io.ipsec4j.model.RedundantTunnels.builder().name("p")
                .tunnel1(ROUTED).tunnel2(TestTunnels.secondRouteBased()).build();
        Tunnel theirs2 = TunnelMirror.of(ours.tunnel2());
        Tunnel wrongAsn = Tunnel.builder().from(theirs2).bgp(BgpPeering.builder().from(theirs2.bgp().get())
                .peerAsn(Asn.of(65001)).build()).build();
        io.ipsec4j.model.RedundantTunnels swapped = io.ipsec4j.model.RedundantTunnels.builder().name("their-view")
                .tunnel1(wrongAsn).tunnel2(Tunnel.builder().from(TunnelMirror.of(ROUTED)).gateway("gw-b").build()).build();
        CompatibilityReport r = Compatibility.compare(ours, swapped);
        assertThat(r.findings()).extracting(Finding::code, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BGP_LOCAL_ASN_MISMATCH", "tunnel2.bgp.localAsn"));
    }

    private static final Tunnel VWAN = TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4");

    private static Tunnel withBgp(Tunnel t, UnaryOperator<BgpPeering.Builder> edit) {
        return Tunnel.builder().from(t).bgp(edit.apply(BgpPeering.builder().from(t.bgp().get())).build()).build();
    }

    @Test
    void aMultihopTunnelsMirrorSwapsTheBgpAddressesAndRoutesOursIntoTheTunnel() {
        Tunnel mirror = TunnelMirror.of(VWAN);
        BgpPeering bgp = mirror.bgp().get();
        assertThat(bgp.kind()).isEqualTo(io.ipsec4j.model.BgpPeeringKind.MULTIHOP);
        assertThat(bgp.localAddress()).contains(IpAddress.parse("172.21.101.4"));
        assertThat(bgp.neighbor()).isEqualTo(IpAddress.parse("172.21.1.154"));
        assertThat(bgp.multihopTtl()).isEqualTo(255);
        assertThat(mirror.routes()).containsExactly(io.ipsec4j.model.Route.parse("172.21.1.154/32"));
        assertThat(mirror.tunnelInterface()).isEmpty();
        assertThat(Compatibility.compare(VWAN, mirror).findings()).isEmpty();
        assertThat(Compatibility.compare(mirror, TunnelMirror.of(mirror)).findings()).isEmpty();
    }

    @Test
    void multihopBgpAddressesAreComparedBothWays() {
        Tunnel mirror = TunnelMirror.of(VWAN);
        Tunnel otherSource = withBgp(mirror, b -> b.localAddress(IpAddress.parse("172.21.101.5")));
        assertThat(Compatibility.compare(VWAN, otherSource).findings()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("BGP_NEIGHBOR_MISMATCH");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.phase()).isEqualTo(Phase.ROUTING);
            assertThat(x.path()).isEqualTo("bgp.neighbor");
            assertThat(x.localValue()).contains("172.21.101.4");
            assertThat(x.remoteValue()).contains("172.21.101.5");
        });
        Tunnel otherNeighbour = Tunnel.builder().from(mirror).addRoutes(io.ipsec4j.model.Route.parse("172.21.1.155/32"))
                .bgp(BgpPeering.builder().from(mirror.bgp().get()).neighbor(IpAddress.parse("172.21.1.155")).build()).build();
        assertThat(Compatibility.compare(VWAN, otherNeighbour).findings()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("BGP_LOCAL_ADDRESS_MISMATCH");
            assertThat(x.path()).isEqualTo("bgp.localAddress");
            assertThat(x.localValue()).contains("172.21.1.154");
            assertThat(x.remoteValue()).contains("172.21.1.155");
        });
    }

    @Test
    void peeringKindAndTtlDifferencesAreNotes() {
        Tunnel ttl = withBgp(TunnelMirror.of(VWAN), b -> b.multihopTtl(2));
        assertThat(Compatibility.compare(VWAN, ttl).findings()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("BGP_TTL_DIFFERS");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.localValue()).contains("255");
            assertThat(x.remoteValue()).contains("2");
        });
        // The other end treats our inside /30 session as multihop from its inside address: it works.
        Tunnel multihop = withBgp(TunnelMirror.of(ROUTED), b -> b.kind(io.ipsec4j.model.BgpPeeringKind.MULTIHOP)
                .localAddress(IpAddress.parse("169.254.10.1")).multihopTtl(255));
        assertThat(Compatibility.compare(ROUTED, multihop).findings()).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BGP_KIND_DIFFERS", Severity.INFO));
    }

    @Test
    void aMultihopEndAgainstAnInsideEndWithOtherAddressesFailsRouting() {
        // Ours peers over 169.254.10.0/30; theirs is Azure-style multihop between other addresses.
        Tunnel theirs = Tunnel.builder().from(TunnelMirror.of(ROUTED)).tunnelInterface(java.util.Optional.empty())
                .addRoutes(io.ipsec4j.model.Route.parse("172.21.1.154/32"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(64512)).peerAsn(Asn.of(65000))
                        .kind(io.ipsec4j.model.BgpPeeringKind.MULTIHOP).localAddress(IpAddress.parse("172.21.101.4"))
                        .neighbor(IpAddress.parse("172.21.1.154")).build()).build();
        assertThat(Compatibility.compare(ROUTED, theirs).findings()).extracting(Finding::code).containsExactly(
                "BGP_NEIGHBOR_MISMATCH", "BGP_LOCAL_ADDRESS_MISMATCH", "BGP_KIND_DIFFERS");
    }
}
