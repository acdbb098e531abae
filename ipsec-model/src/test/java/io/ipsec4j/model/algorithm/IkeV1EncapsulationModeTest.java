package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeV1EncapsulationModeTest {

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        "1, TUNNEL, true, false", "2, TRANSPORT, false, false", // RFC 2407 §4.5
        "3, UDP_ENCAPSULATED_TUNNEL, true, true", "4, UDP_ENCAPSULATED_TRANSPORT, false, true", // RFC 3947 §5
        "61443, UDP_ENCAPSULATED_TUNNEL_DRAFT, true, true", "61444, UDP_ENCAPSULATED_TRANSPORT_DRAFT, false, true",
    })
    void valuesMatchRfc2407AndRfc3947(int value, String name, boolean tunnel, boolean udp) {
        IkeV1EncapsulationMode m = IkeV1EncapsulationMode.valueOf(value);
        assertThat(m.name()).isEqualTo(name);
        assertThat(m.value()).isEqualTo(value);
        assertThat(m.isTunnel()).isEqualTo(tunnel);
        assertThat(m.isUdpEncapsulated()).isEqualTo(udp);
    }

    @Test
    void unknownValuesKeepTheirNumber() {
        IkeV1EncapsulationMode m = IkeV1EncapsulationMode.valueOf(5);
        assertThat(m).hasToString("UNKNOWN_5(5)").isEqualTo(IkeV1EncapsulationMode.valueOf(5));
        assertThat(m.isTunnel()).isFalse();
        assertThat(IkeV1EncapsulationMode.knownValues()).hasSize(6);
    }
}
