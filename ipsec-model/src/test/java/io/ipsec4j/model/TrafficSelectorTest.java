package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrafficSelectorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/24|10.0.0.0/24",
        "10.0.0.0/24[tcp/443]|10.0.0.0/24[6/443]",
        "10.0.0.1-10.0.0.9[udp]|10.0.0.1-10.0.0.9[17]",
        "2001:db8::/64[17/500-600]|2001:db8::/64[17/500-600]",
        "0.0.0.0/0[any]|0.0.0.0/0"
    })
    void parsesStrongSwanSyntaxAndPrintsItBack(String text, String printed) {
        TrafficSelector ts = TrafficSelector.parse(text);
        assertThat(ts.toString()).isEqualTo(printed);
        assertThat(TrafficSelector.parse(printed)).isEqualTo(ts);
    }

    @Test
    void portsNeedAProtocol() {
        assertThatThrownBy(() -> TrafficSelector.parse("10.0.0.0/24[any/443]")).hasMessageContaining("need a protocol");
    }

    @Test
    void refusesUnknownProtocolsAndBadPorts() {
        assertThatThrownBy(() -> TrafficSelector.parse("10.0.0.0/24[quic]")).hasMessageContaining("unknown protocol \"quic\"");
        assertThatThrownBy(() -> TrafficSelector.parse("10.0.0.0/24[tcp/70000]")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> TrafficSelector.parse("10.0.0.0/24[tcp")).hasMessageContaining("missing ']'");
        assertThatThrownBy(() -> TrafficSelector.parse("10.0.0.0/24[300]")).hasMessageContaining("0..255");
    }

    @Test
    void anyTrafficIsTheRouteBasedSelector() {
        assertThat(TrafficSelector.ANY_IPV4.isAnyTraffic()).isTrue();
        assertThat(TrafficSelector.parse("0.0.0.0/0[tcp]").isAnyTraffic()).isFalse();
        assertThat(TrafficSelector.parse("10.0.0.0/8").covers(TrafficSelector.parse("10.1.0.0/16[tcp/80]"))).isTrue();
        assertThat(TrafficSelector.parse("10.0.0.0/8[tcp]").covers(TrafficSelector.parse("10.1.0.0/16"))).isFalse();
    }
}
