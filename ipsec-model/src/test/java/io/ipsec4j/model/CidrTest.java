package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void parsesNetworksOfBothFamilies() {
        assertThat(Cidr.parse("10.1.0.0/16").prefixLength()).isEqualTo(16);
        assertThat(Cidr.parse("2001:db8::/32").family()).isEqualTo(IpFamily.IPV6);
        assertThat(Cidr.parse("192.0.2.7").toString()).isEqualTo("192.0.2.7/32");
    }

    @Test
    void refusesHostBitsAndSaysWhatWasMeant() {
        assertThatThrownBy(() -> Cidr.parse("10.1.2.3/16")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("10.1.2.3/16: host bits are set (did you mean 10.1.0.0/16?)");
    }

    @Test
    void refusesBadPrefixes() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("expected: 0..32 for IPV4");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).hasMessageContaining("not a number");
    }

    @Test
    void knowsItsBoundsAndSize() {
        Cidr c = Cidr.parse("169.254.10.0/30");
        assertThat(c.first()).isEqualTo(IpAddress.parse("169.254.10.0"));
        assertThat(c.last()).isEqualTo(IpAddress.parse("169.254.10.3"));
        assertThat(c.size()).isEqualTo(BigInteger.valueOf(4));
        assertThat(Cidr.ANY_IPV6.last()).isEqualTo(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    }

    @Test
    void containmentAndOverlap() {
        Cidr big = Cidr.parse("10.0.0.0/8");
        Cidr small = Cidr.parse("10.20.0.0/16");
        assertThat(big.contains(small)).isTrue();
        assertThat(small.contains(big)).isFalse();
        assertThat(small.overlaps(big)).isTrue();
        assertThat(Cidr.parse("10.0.0.0/24").overlaps(Cidr.parse("10.0.1.0/24"))).isFalse();
        assertThat(big.contains(IpAddress.parse("::1"))).isFalse();
        assertThat(Cidr.ANY_IPV4.isDefaultRoute()).isTrue();
    }

    @Test
    void containingClearsHostBits() {
        assertThat(Cidr.containing(IpAddress.parse("169.254.10.2"), 30)).isEqualTo(Cidr.parse("169.254.10.0/30"));
    }
}
