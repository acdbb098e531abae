package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BgpPeeringTest {
    private static BgpPeering.Builder multihop() {
        return BgpPeering.builder().localAsn(Asn.of(65101)).peerAsn(Asn.of(65515)).kind(BgpPeeringKind.MULTIHOP)
                .localAddress(IpAddress.parse("172.21.1.154")).neighbor(IpAddress.parse("172.21.101.4"));
    }

    @Test
    void insidePeeringIsTheDefaultAndSingleHop() {
        BgpPeering b = BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                .neighbor(IpAddress.parse("169.254.10.1")).build();
        assertThat(b.kind()).isEqualTo(BgpPeeringKind.INSIDE);
        assertThat(b.ttl()).isEqualTo(1);
        assertThat(b.localAddress()).isEmpty();
        assertThat(b.toString()).isEqualTo("BGP{local AS65000, peer AS64512 at 169.254.10.1, hold 30s}");
    }

    @Test
    void multihopPeeringDefaultsToTtl255AndShowsBothAddresses() {
        BgpPeering b = multihop().build();
        assertThat(b.multihopTtl()).isEqualTo(255);
        assertThat(b.toString()).isEqualTo(
                "BGP{local AS65101 at 172.21.1.154, peer AS65515 at 172.21.101.4, multihop TTL 255, hold 30s}");
        assertThat(b.ttl()).isEqualTo(255);
        assertThat(multihop().multihopTtl(2).build().ttl()).isEqualTo(2);
    }

    @Test
    void multihopPeeringNeedsOurAddressAndATtlAboveOne() {
        assertThatThrownBy(() -> BgpPeering.builder().localAsn(Asn.of(65101)).peerAsn(Asn.of(65515))
                .kind(BgpPeeringKind.MULTIHOP).neighbor(IpAddress.parse("172.21.101.4")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multihop peering with 172.21.101.4 needs our local BGP address");
        assertThatThrownBy(() -> multihop().multihopTtl(1).build()).hasMessageContaining("BGP multihop TTL: 1 (expected: 2..255)");
        assertThatThrownBy(() -> multihop().multihopTtl(256).build()).hasMessageContaining("BGP multihop TTL: 256");
    }

    @Test
    void copyingAPeeringWithAnotherKindKeepsAValidTtl() {
        BgpPeering inside = BgpPeering.builder().from(multihop().multihopTtl(2).build()).kind(BgpPeeringKind.INSIDE).build();
        assertThat(inside.ttl()).isEqualTo(1);
        assertThat(inside.multihopTtl()).isEqualTo(255);
        assertThat(inside).isEqualTo(multihop().kind(BgpPeeringKind.INSIDE).build());
        BgpPeering back = BgpPeering.builder().from(inside).kind(BgpPeeringKind.MULTIHOP).build();
        assertThat(back.ttl()).isEqualTo(255);
    }

    @Test
    void bothAddressesAreDistinctAndOfOneFamily() {
        assertThatThrownBy(() -> multihop().neighbor(IpAddress.parse("172.21.1.154")).build())
                .hasMessageContaining("local and neighbour are both 172.21.1.154");
        assertThatThrownBy(() -> multihop().neighbor(IpAddress.parse("fd00::4")).build())
                .hasMessageContaining("local 172.21.1.154 and neighbour fd00::4 (expected: one address family)");
    }
}
