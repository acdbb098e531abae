package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunnelTest {
    @Test
    void aValidPolicyBasedTunnelBuildsWithoutWarnings() {
        Tunnel t = TestTunnels.policyBased().build();
        assertThat(t.warnings()).isEmpty();
        assertThat(t.toString()).doesNotContain("q7Hn2").contains("****");
    }

    @Test
    void policyBasedTunnelsNeedSubnetsOnBothSides() {
        assertThatThrownBy(() -> TestTunnels.policyBased()
                .phaseTwo(TestTunnels.phaseTwo().localSubnets(List.of()).remoteSubnets(List.of()).build()).build())
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("2 errors")
                .hasMessageContaining("phaseTwo.localSubnets: a policy-based tunnel needs at least one local subnet")
                .hasMessageContaining("phaseTwo.remoteSubnets: a policy-based tunnel needs at least one remote subnet");
    }

    @Test
    void policyBasedSubnetsMustShareAFamily() {
        assertThatThrownBy(() -> TestTunnels.policyBased().phaseTwo(TestTunnels.phaseTwo()
                .remoteSubnets(List.of(TrafficSelector.parse("2001:db8::/64"))).build()).build())
                .hasMessageContaining("local subnets are [IPV4] but remote subnets are [IPV6]");
    }

    @Test
    void policyBasedTunnelsTakeNoRoutesOrBgp() {
        assertThatThrownBy(() -> TestTunnels.policyBased().addRoutes(Route.parse("10.9.0.0/16")).build())
                .hasMessageContaining("routes, inside addresses and BGP need ROUTE_BASED");
    }

    @Test
    void aValidRouteBasedTunnelWithBgpBuilds() {
        Tunnel t = TestTunnels.routeBased().build();
        assertThat(t.bgp()).isPresent();
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void routeBasedTunnelsNegotiateAnyTraffic() {
        assertThatThrownBy(() -> TestTunnels.routeBased().phaseTwo(TestTunnels.phaseTwo().build()).build())
                .hasMessageContaining("phaseTwo.localSubnets[0]: a route-based tunnel negotiates 0.0.0.0/0 or ::/0, not 10.1.0.0/16");
    }

    @Test
    void routeBasedTunnelsNeedARouteOrBgp() {
        assertThatThrownBy(() -> TestTunnels.routeBased().bgp(java.util.Optional.empty()).build())
                .hasMessageContaining("routes: a route-based tunnel needs at least one route, or BGP");
        Tunnel withRoute = TestTunnels.routeBased().bgp(java.util.Optional.empty()).addRoutes(Route.parse("10.20.0.0/16")).build();
        assertThat(withRoute.routes()).containsExactly(Route.parse("10.20.0.0/16"));
        assertThatThrownBy(() -> TestTunnels.routeBased().addRoutes(Route.parse("2001:db8::/32")).build())
                .hasMessageContaining("is IPV6 but the tunnel's selectors only carry [IPV4]");
    }

    @Test
    void bgpNeighbourIsTheRemoteInsideAddress() {
        assertThatThrownBy(() -> TestTunnels.routeBased().tunnelInterface(java.util.Optional.empty()).build())
                .hasMessageContaining("tunnelInterface: BGP runs between inside addresses");
        assertThatThrownBy(() -> TestTunnels.routeBased()
                .tunnelInterface(TunnelInterface.parse("169.254.10.1/30", "169.254.10.2")).build())
                .hasMessageContaining("BGP neighbour 169.254.10.1 is not the remote inside address 169.254.10.2");
    }

    @Test
    void insidePeeringMayNameOurAddressButOnlyTheLocalInsideAddress() {
        BgpPeering.Builder bgp = BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                .neighbor(IpAddress.parse("169.254.10.1"));
        assertThat(TestTunnels.routeBased().build().bgpLocalAddress()).contains(IpAddress.parse("169.254.10.2"));
        assertThat(TestTunnels.routeBased().bgp(bgp.localAddress(IpAddress.parse("169.254.10.2")).build()).build()
                .bgpLocalAddress()).contains(IpAddress.parse("169.254.10.2"));
        assertThatThrownBy(() -> TestTunnels.routeBased().bgp(bgp.localAddress(IpAddress.parse("10.255.0.1")).build()).build())
                .hasMessageContaining("bgp.localAddress: our BGP address 10.255.0.1 is not the local inside address 169.254.10.2");
    }

    @Test
    void multihopBgpNeedsNoInsideNetworkAndInventsNone() {
        Tunnel t = TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4");
        assertThat(t.tunnelInterface()).isEmpty();
        assertThat(t.bgpLocalAddress()).contains(IpAddress.parse("172.21.1.154"));
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void multihopNeighbourMustBeRoutedThroughTheTunnel() {
        Tunnel t = TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4");
        assertThatThrownBy(() -> Tunnel.builder().from(t).routes(List.of()).build())
                .hasMessageContaining("routes: multihop BGP neighbour 172.21.101.4 is neither on the inside network nor"
                        + " covered by a route")
                .hasMessageContaining("add the route 172.21.101.4/32");
        assertThatThrownBy(() -> Tunnel.builder().from(t).routes(List.of(Route.parse("172.21.102.0/24"))).build())
                .hasMessageContaining("BGP neighbour 172.21.101.4 is neither");
        assertThat(Tunnel.builder().from(t).routes(List.of(Route.parse("172.21.101.0/24"))).build().routes()).hasSize(1);
    }

    @Test
    void azureApipaMultihopPeersFromTheSiteAddressToTheSecondInstance() {
        // Active-active VPN Gateway with APIPA: instance 1 is 169.254.22.1, the site peers from 169.254.21.2.
        Tunnel t = TestTunnels.routeBased().routes(List.of(Route.parse("169.254.22.1/32")))
                .tunnelInterface(java.util.Optional.empty())
                .bgp(BgpPeering.builder().localAsn(Asn.of(65010)).peerAsn(Asn.of(65515)).kind(BgpPeeringKind.MULTIHOP)
                        .localAddress(IpAddress.parse("169.254.21.2")).neighbor(IpAddress.parse("169.254.22.1")).build())
                .build();
        assertThat(t.bgp().get().multihopTtl()).isEqualTo(255);
        // With an inside network that holds the neighbour, no route is needed.
        Tunnel connected = Tunnel.builder().from(t).routes(List.of())
                .tunnelInterface(TunnelInterface.parse("169.254.22.2/30", "169.254.22.1")).build();
        assertThat(connected.routes()).isEmpty();
    }

    @Test
    void multihopAddressesMustNotBeTheWrongEndsOfTheInsideNetwork() {
        Tunnel.Builder b = TestTunnels.routeBased().bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                .kind(BgpPeeringKind.MULTIHOP).localAddress(IpAddress.parse("169.254.10.1"))
                .neighbor(IpAddress.parse("169.254.10.2")).build());
        assertThatThrownBy(b::build)
                .hasMessageContaining("bgp.neighbor: BGP neighbour 169.254.10.2 is our own inside address")
                .hasMessageContaining("bgp.localAddress: our BGP address 169.254.10.1 is the peer's inside address");
    }

    @Test
    void ikev1PhaseOneCannotUseAead() {
        assertThatThrownBy(() -> TestTunnels.phaseOne().ikeVersion(IkeVersion.IKEV1_MAIN).build())
                .hasMessageContaining("IKEv1 Phase I cannot use AEAD encryption (aes256gcm16-prfsha384-ecp384)");
        PhaseOne v1 = TestTunnels.phaseOne().ikeVersion(IkeVersion.IKEV1_MAIN)
                .proposals(List.of(IkeProposal.parse("aes256-sha256-modp2048"))).build();
        assertThat(v1.ikeVersion().majorVersion()).isEqualTo(1);
    }

    @Test
    void emptyPskAndNoProposalsAreRefused() {
        assertThatThrownBy(() -> TestTunnels.phaseOne().sharedSecret(Secret.of("")).proposals(List.of()).build())
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("phaseOne.sharedSecret: the shared secret is empty")
                .hasMessageContaining("phaseOne.proposals: at least one IKE proposal is needed")
                .satisfies(e -> assertThat(((ModelValidationException) e).errors()).extracting(Finding::code)
                        .containsExactly("PSK_EMPTY", "NO_IKE_PROPOSAL"));
    }

    @Test
    void phaseTwoRefusesDuplicatesAndBadReplayWindows() {
        assertThatThrownBy(() -> TestTunnels.phaseTwo().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16")).build())
                .hasMessageContaining("phaseTwo.localSubnets[1]: selector 10.1.0.0/16 is listed twice");
        assertThatThrownBy(() -> TestTunnels.phaseTwo().replayWindow(-1).build())
                .hasMessageContaining("replay window -1 (expected: 0..65536)");
    }

    @Test
    void warnsWhenPhaseTwoOutlivesPhaseOne() {
        Tunnel t = TestTunnels.policyBased().phaseTwo(TestTunnels.phaseTwo().lifetime(Lifetime.of(Duration.ofHours(9))).build())
                .build();
        assertThat(t.warnings()).extracting(Finding::code).containsExactly("PHASE2_LIFETIME_LONGER");
        assertThat(t.warnings().get(0).message()).contains("(32400s) is longer than Phase I's (28800s)");
    }

    @Test
    void warnsAboutWeakAlgorithmsWithTheirRfcStatus() {
        Tunnel t = TestTunnels.policyBased()
                .phaseOne(TestTunnels.phaseOne().proposals(List.of(IkeProposal.parse("3des-sha1-modp1024"))).build())
                .phaseTwo(TestTunnels.phaseTwo().proposals(List.of(EspProposal.parse("aes128-md5"))).build()).build();
        assertThat(t.warnings()).extracting(Finding::code).containsOnly("WEAK_ALGORITHM");
        assertThat(t.warnings()).extracting(Finding::localValue).map(o -> o.orElse(""))
                .contains("TRIPLE_DES", "MODP_1024", "HMAC_MD5_96");
        assertThat(t.warnings()).anySatisfy(f -> assertThat(f.message()).contains("SHOULD NOT under RFC 8247"));
    }

    @Test
    void warnsAboutPlaceholdersUnusualLifetimesAndNoReplayProtection() {
        Tunnel t = TestTunnels.policyBased()
                .phaseOne(TestTunnels.phaseOne().sharedSecret(Secret.of("your_password"))
                        .remotePublicIp(IpAddress.parse("203.0.113.9")).lifetime(Lifetime.of(Duration.ofHours(48))).build())
                .phaseTwo(TestTunnels.phaseTwo().replayWindow(0).build()).build();
        assertThat(t.warnings()).extracting(Finding::code)
                .contains("PSK_PLACEHOLDER", "REMOTE_IP_DOCUMENTATION", "LIFETIME_UNUSUAL", "REPLAY_OFF");
        assertThat(t.warnings()).allSatisfy(f -> assertThat(f.toString()).doesNotContain("your_password"));
    }

    @Test
    void shortSecretsAreWarnedAbout() {
        Tunnel t = TestTunnels.policyBased().phaseOne(TestTunnels.phaseOne().sharedSecret(Secret.of("k8Tz.q")).build()).build();
        assertThat(t.warnings()).extracting(Finding::code).containsExactly("PSK_SHORT");
    }

    @Test
    void anIdEqualToItsSidesOwnAddressIsTheDefaultAndIsNormalizedAway() {
        // Found by the swanctl round-trip property: "id = <own address>" reads back as no ID, so
        // the model must hold both forms as one value.
        PhaseOne explicit = TestTunnels.phaseOne()
                .localId(Identity.address(IpAddress.parse("52.29.1.20")))
                .remoteId(Identity.address(IpAddress.parse("3.120.45.10"))).build();
        assertThat(explicit.localId()).isEmpty();
        assertThat(explicit.remoteId()).isEmpty();
        assertThat(explicit).isEqualTo(TestTunnels.phaseOne().build());
        assertThat(explicit.effectiveLocalId()).contains(Identity.address(IpAddress.parse("52.29.1.20")));
        assertThat(explicit.effectiveRemoteId()).isEqualTo(Identity.address(IpAddress.parse("3.120.45.10")));

        PhaseOne other = TestTunnels.phaseOne()
                .localId(Identity.address(IpAddress.parse("52.29.1.21")))
                .remoteId(Identity.parse("vpn.example.com")).build();
        assertThat(other.localId()).contains(Identity.address(IpAddress.parse("52.29.1.21")));
        assertThat(other.remoteId()).contains(Identity.parse("vpn.example.com"));
        PhaseOne noLocalIp = TestTunnels.phaseOne().localPublicIp(java.util.Optional.empty())
                .localId(Identity.address(IpAddress.parse("52.29.1.20"))).build();
        assertThat(noLocalIp.localId()).contains(Identity.address(IpAddress.parse("52.29.1.20")));
    }
}
