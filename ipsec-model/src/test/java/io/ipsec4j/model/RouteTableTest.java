package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static Tunnel staticTunnel(String name, String gateway, String... routes) {
        Tunnel.Builder b = TestTunnels.routeBased().name(name).gateway(gateway).bgp(Optional.empty());
        for (String r : routes) {
            b.addRoutes(Route.parse(r));
        }
        return b.build();
    }

    @Test
    void longestPrefixWinsAndEqualRoutesAreSharedByTheirTunnels() {
        Tunnel a = staticTunnel("a", "gw-1", "10.0.0.0/8", "10.20.0.0/16");
        Tunnel b = staticTunnel("b", "gw-2", "10.20.0.0/16");
        RouteTable table = RouteTable.of(List.of(a, b, TestTunnels.policyBased().build()));
        assertThat(table.lookup(IpAddress.parse("10.20.1.1"))).containsExactly(a, b);
        assertThat(table.lookup(IpAddress.parse("10.30.1.1"))).containsExactly(a);
        assertThat(table.lookup(IpAddress.parse("192.0.2.1"))).isEmpty();
        assertThat(table.lookup(IpAddress.parse("::1"))).isEmpty();
        assertThat(table.toString()).isEqualTo("10.0.0.0/8 -> a\n10.20.0.0/16 -> a, b\n");
    }

    @Test
    void bgpTunnelsWithoutStaticRoutesAddNothing() {
        assertThat(RouteTable.of(List.of(TestTunnels.routeBased().build())).entries()).isEmpty();
    }
}
