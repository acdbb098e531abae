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
}
