package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAddressTest {
    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8::0:1, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::ffff:192.0.2.1, ::ffff:c000:201",
        "fe80::1:2:3:4:5:6, fe80:0:1:2:3:4:5:6"
    })
    void parsesLiteralsAndPrintsTheCanonicalForm(String text, String canonical) {
        IpAddress a = IpAddress.parse(text);
        assertThat(a.toString()).isEqualTo(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", ":::", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7", "::1.2.3.4.5", "1.2.3.4::", "vpn.example.com", "fe80::1%eth0",
        "1:2:3:4:5:6:7::8", "١.٢.٣.٤", "::١"})
    void refusesAnythingElse(String text) {
        assertThat(IpAddress.isLiteral(text)).isFalse();
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address literal");
    }

    @Test
    void ipv4MappedIpv6StaysIpv6() {
        IpAddress mapped = IpAddress.parse("::ffff:10.0.0.1");
        assertThat(mapped.family()).isEqualTo(IpFamily.IPV6);
        assertThat(mapped.toInetAddress().getAddress()).hasSize(16);
    }

    @Test
    void ordersIpv4BeforeIpv6ThenByValue() {
        assertThat(IpAddress.parse("10.0.0.2")).isGreaterThan(IpAddress.parse("10.0.0.1"));
        assertThat(IpAddress.parse("::")).isGreaterThan(IpAddress.parse("255.255.255.255"));
    }
}
