package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
    @Test
    void aRangeThatIsABlockPrintsAsCidr() {
        assertThat(AddressRange.parse("10.0.0.0-10.0.0.255").toString()).isEqualTo("10.0.0.0/24");
        assertThat(AddressRange.parse("0.0.0.0-255.255.255.255").isAll()).isTrue();
    }

    @Test
    void otherRangesPrintAsStartDashEnd() {
        AddressRange r = AddressRange.parse("192.0.2.100-192.0.3.101");
        assertThat(r.asCidr()).isEmpty();
        assertThat(r.toString()).isEqualTo("192.0.2.100-192.0.3.101");
        assertThat(AddressRange.parse("10.0.0.1-10.0.0.2").asCidr()).isEmpty();
    }

    @Test
    void refusesMixedFamiliesAndReversedBounds() {
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.1-::1")).hasMessageContaining("mixes IPV4 and IPV6");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("start is after end");
    }

    @Test
    void containmentAndOverlap() {
        AddressRange a = AddressRange.parse("10.0.0.0/24");
        assertThat(a.contains(AddressRange.parse("10.0.0.5-10.0.0.9"))).isTrue();
        assertThat(a.overlaps(AddressRange.parse("10.0.0.255-10.0.1.3"))).isTrue();
        assertThat(a.overlaps(AddressRange.parse("10.0.1.0/24"))).isFalse();
    }
}
