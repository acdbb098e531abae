package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lifetime, DPD, ASN, BGP, tunnel interface, ports and routes: the single-field rules. */
class SmallValuesTest {
    @Test
    void lifetimeRejectsMarginsThatReachTheLifetime() {
        assertThat(Lifetime.builder().time(Duration.ofSeconds(3600)).rekeyMargin(Duration.ofSeconds(540))
                .rekeyFuzzPercent(100).build().toString()).isEqualTo("3600s, margin 540s fuzz 100%");
        assertThatThrownBy(() -> Lifetime.builder().time(Duration.ofSeconds(900)).rekeyMargin(Duration.ofSeconds(540))
                .rekeyFuzzPercent(100).build())
                .hasMessage("rekey margin 540s with fuzz 100% reaches 1080s (expected: < lifetime 900s)");
        assertThatThrownBy(() -> Lifetime.ofSeconds(0)).hasMessage("lifetime: 0s (expected: > 0)");
        assertThatThrownBy(() -> Lifetime.builder().time(Duration.ofHours(1)).bytes(0).build())
                .hasMessageContaining("lifetime bytes: 0");
        assertThatThrownBy(() -> Lifetime.builder().time(Duration.ofHours(1)).rekeyFuzzPercent(-1).build())
                .hasMessageContaining("rekey fuzz: -1%");
    }

    @Test
    void dpdTimeoutMustExceedTheDelay() {
        assertThat(Dpd.ofSeconds(10, 30, DpdAction.RESTART).toString()).isEqualTo("Dpd{delay=10s, timeout=30s, action=RESTART}");
        assertThatThrownBy(() -> Dpd.ofSeconds(30, 30, DpdAction.CLEAR)).hasMessageContaining("expected: > delay 30s");
        assertThatThrownBy(() -> Dpd.ofSeconds(0, 30, DpdAction.CLEAR)).hasMessageContaining("DPD delay: 0s");
    }

    @Test
    void asnRefusesReservedNumbers() {
        assertThat(Asn.parse("AS64512").isPrivate()).isTrue();
        assertThat(Asn.of(4200000000L).isFourByte()).isTrue();
        assertThat(Asn.of(7224).isPrivate()).isFalse();
        assertThatThrownBy(() -> Asn.of(0)).hasMessage("ASN: 0 (expected: 1..4294967294)");
        assertThatThrownBy(() -> Asn.of(4294967295L)).hasMessage("ASN: 4294967295 (expected: 1..4294967294)");
        assertThatThrownBy(() -> Asn.of(23456)).hasMessageContaining("AS_TRANS");
        assertThatThrownBy(() -> Asn.parse("sixty")).hasMessageContaining("not a number");
    }

    @Test
    void bgpHoldTimeFollowsRfc4271() {
        BgpPeering.Builder b = BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512))
                .neighbor(IpAddress.parse("169.254.10.1"));
        assertThat(b.build().holdTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.holdTime(Duration.ZERO).build().holdTime()).isZero();
        assertThatThrownBy(() -> b.holdTime(Duration.ofSeconds(2)).build()).hasMessageContaining("0 or 3..65535");
    }

    @Test
    void tunnelInterfaceAddressesShareTheirNetwork() {
        TunnelInterface ti = TunnelInterface.parse("169.254.10.2/30", "169.254.10.1");
        assertThat(ti.network()).isEqualTo(Cidr.parse("169.254.10.0/30"));
        assertThatThrownBy(() -> TunnelInterface.parse("169.254.10.2/30", "169.254.11.1"))
                .hasMessageContaining("is not in the local inside network 169.254.10.0/30");
        assertThatThrownBy(() -> TunnelInterface.parse("169.254.10.2/30", "169.254.10.3"))
                .hasMessageContaining("network or broadcast");
        assertThatThrownBy(() -> TunnelInterface.parse("169.254.10.2/30", "169.254.10.2"))
                .hasMessageContaining("both ends");
        assertThat(TunnelInterface.parse("fd00::2/126", "fd00::1").family()).isEqualTo(IpFamily.IPV6);
    }

    @Test
    void portRangesAndRoutes() {
        assertThat(PortRange.parse("1024-65535")).isEqualTo(PortRange.of(1024, 65535));
        assertThat(PortRange.parse("any").isAll()).isTrue();
        assertThatThrownBy(() -> PortRange.of(10, 5)).hasMessageContaining("start is after end");
        assertThat(Route.parse("10.20.0.0/16").destination()).isEqualTo(Cidr.parse("10.20.0.0/16"));
    }
}
