package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedundantTunnelsTest {
    @Test
    void aPairOnTwoGatewaysWithBgpBuilds() {
        RedundantTunnels pair = RedundantTunnels.builder().name("to-aws").tunnel1(TestTunnels.routeBased().build())
                .tunnel2(TestTunnels.secondRouteBased()).build();
        assertThat(pair.tunnels()).hasSize(2);
        assertThat(pair.warnings()).isEmpty();
    }

    @Test
    void bothTunnelsOnOneGatewayIsNotRedundant() {
        assertThatThrownBy(() -> RedundantTunnels.builder().name("p").tunnel1(TestTunnels.routeBased().build())
                .tunnel2(Tunnel.builder().from(TestTunnels.secondRouteBased()).gateway("gw-fra-1").build()).build())
                .hasMessageContaining("tunnel2.gateway: both tunnels terminate on SASE gateway \"gw-fra-1\"");
    }

    @Test
    void insideNetworksMustNotOverlap() {
        assertThatThrownBy(() -> RedundantTunnels.builder().name("p").tunnel1(TestTunnels.routeBased().build())
                .tunnel2(Tunnel.builder().from(TestTunnels.secondRouteBased()).tunnelInterface(TunnelInterface.parse("169.254.10.2/30", "169.254.10.1"))
                        .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                                .neighbor(IpAddress.parse("169.254.10.1")).build()).build()).build())
                .hasMessageContaining("inside networks 169.254.10.0/30 and 169.254.10.0/30 overlap");
    }

    @Test
    void aPairNeedsBgpOnBothTunnels() {
        Tunnel staticRoutes = TestTunnels.routeBased().name("s").gateway("gw-ams-1").bgp(java.util.Optional.empty())
                .addRoutes(Route.parse("10.0.0.0/8")).build();
        assertThatThrownBy(() -> RedundantTunnels.builder().name("p").tunnel1(TestTunnels.routeBased().build())
                .tunnel2(staticRoutes).build())
                .hasMessageContaining("tunnel2.bgp: tunnels of a redundant pair are route-based with BGP");
    }

    @Test
    void warnsWhenBothTunnelsReachOneRemoteIp() {
        Tunnel t2 = Tunnel.builder().from(TestTunnels.secondRouteBased()).phaseOne(TestTunnels.phaseOne().build()).build();
        RedundantTunnels pair = RedundantTunnels.builder().name("p").tunnel1(TestTunnels.routeBased().build()).tunnel2(t2).build();
        assertThat(pair.warnings()).extracting(Finding::code).containsExactly("SAME_REMOTE_IP");
        assertThat(pair.warnings().get(0).message()).contains("redundant on our side only");
    }

    @Test
    void azureVirtualWanTunnelsShareTheSiteBgpAddressAndPeerWithEachInstance() {
        RedundantTunnels pair = RedundantTunnels.builder().name("branch1")
                .tunnel1(TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4"))
                .tunnel2(TestTunnels.azureVwan("vwan-2", "gw-ams-1", "52.142.232.0", "172.21.101.5")).build();
        assertThat(pair.tunnels()).allSatisfy(t -> assertThat(t.tunnelInterface()).isEmpty());
        assertThat(pair.warnings()).isEmpty();
        assertThat(RouteTable.of(pair.tunnels()).lookup(IpAddress.parse("172.21.101.5")))
                .containsExactly(pair.tunnel2());
    }

    @Test
    void azureApipaPairMixesInsideAndMultihopPeeringFromOneSiteAddress() {
        // Active-active VPN Gateway, one local network gateway with BGP address 169.254.21.2:
        // instance 0 (169.254.21.1) shares its /30, instance 1 (169.254.22.1) is reached multihop.
        Tunnel t1 = TestTunnels.routeBased().name("az-1")
                .tunnelInterface(TunnelInterface.parse("169.254.21.2/30", "169.254.21.1"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65010)).peerAsn(Asn.of(65515))
                        .neighbor(IpAddress.parse("169.254.21.1")).build()).build();
        Tunnel t2 = Tunnel.builder().from(TestTunnels.secondRouteBased()).name("az-2")
                .tunnelInterface(java.util.Optional.empty()).addRoutes(Route.parse("169.254.22.1/32"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65010)).peerAsn(Asn.of(65515)).kind(BgpPeeringKind.MULTIHOP)
                        .localAddress(IpAddress.parse("169.254.21.2")).neighbor(IpAddress.parse("169.254.22.1")).build())
                .build();
        RedundantTunnels pair = RedundantTunnels.builder().name("azure").tunnel1(t1).tunnel2(t2).build();
        assertThat(pair.tunnels()).extracting(t -> t.bgpLocalAddress().orElseThrow())
                .containsOnly(IpAddress.parse("169.254.21.2"));
    }

    @Test
    void oneBgpSessionOverBothTunnelsIsNotAPair() {
        assertThatThrownBy(() -> RedundantTunnels.builder().name("p")
                .tunnel1(TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4"))
                .tunnel2(TestTunnels.azureVwan("vwan-2", "gw-ams-1", "52.142.232.0", "172.21.101.4")).build())
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("tunnel2.bgp.neighbor: both tunnels peer from 172.21.1.154 with neighbour 172.21.101.4")
                .hasMessageContaining("connection collision");
    }

    @Test
    void warnsWhenAMultihopNeighbourIsAlsoRoutedThroughTheOtherTunnel() {
        Tunnel t2 = Tunnel.builder().from(TestTunnels.azureVwan("vwan-2", "gw-ams-1", "52.142.232.0", "172.21.101.5"))
                .addRoutes(Route.parse("172.21.101.4/32")).build();
        RedundantTunnels pair = RedundantTunnels.builder().name("branch1")
                .tunnel1(TestTunnels.azureVwan("vwan-1", "gw-fra-1", "52.142.232.43", "172.21.101.4")).tunnel2(t2).build();
        assertThat(pair.warnings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("BGP_NEIGHBOR_ROUTED_ELSEWHERE");
            assertThat(f.path()).isEqualTo("tunnel2.routes");
            assertThat(f.message()).contains("tunnel1's BGP neighbour 172.21.101.4 is also routed through tunnel2");
        });
        // A less specific route through the other tunnel loses to the neighbour's own /32.
        Tunnel broad = Tunnel.builder().from(TestTunnels.azureVwan("vwan-2", "gw-ams-1", "52.142.232.0", "172.21.101.5"))
                .addRoutes(Route.parse("172.21.0.0/16")).build();
        assertThat(RedundantTunnels.builder().name("b").tunnel1(TestTunnels.azureVwan("vwan-1", "gw-fra-1",
                "52.142.232.43", "172.21.101.4")).tunnel2(broad).build().warnings()).isEmpty();
    }
}
