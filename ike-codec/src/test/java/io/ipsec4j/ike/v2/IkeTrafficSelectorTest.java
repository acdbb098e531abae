package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.fixtures.NetworkGenerators;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.IpFamily;
import io.ipsec4j.model.TrafficSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeTrafficSelectorTest {

    @Test
    void modelSelectorsSurviveTheWire() {
        qt().forAll(NetworkGenerators.trafficSelectors(IpFamily.IPV4).mix(NetworkGenerators.trafficSelectors(IpFamily.IPV6)))
                .checkAssert(s -> {
                    IkeTrafficSelector wire = IkeTrafficSelector.of(s);
                    assertThat(wire.toTrafficSelector()).contains(s);
                    assertThat(IkeTsPayload.of(true, List.of(s)).toTrafficSelectors())
                            .isEqualTo(new IkeTsConversion(List.of(s), List.of()));
                });
    }

    @Test
    void opaquePortsAndUnknownTypesStayOnTheWireOnly() {
        IkeTrafficSelector opaque = IkeTrafficSelector.ofAddressRange(17, 65535, 0,
                IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.1"));
        assertThat(opaque.startPort()).isEqualTo(65535);
        assertThat(opaque.toTrafficSelector()).isEmpty();
        IkeTrafficSelector label = new IkeTrafficSelector(IkeTsType.SECLABEL, 0, Bytes.fromHex("00050001020304"));
        assertThat(label.isAddressRange()).isFalse();
        assertThat(label.toTrafficSelector()).isEmpty();
        assertThatThrownBy(label::startPort).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTsPayloadKeepsTheSelectorsTheModelCannotExpress() {
        IkeTrafficSelector any = IkeTrafficSelector.of(TrafficSelector.ANY_IPV4);
        IkeTrafficSelector opaque = IkeTrafficSelector.ofAddressRange(17, 65535, 0,
                IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.1"));
        IkeTrafficSelector portsWithoutProtocol = IkeTrafficSelector.ofAddressRange(0, 500, 500,
                IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.9"));
        IkeTrafficSelector label = new IkeTrafficSelector(IkeTsType.SECLABEL, 0, Bytes.fromHex("00050001020304"));
        IkeTsConversion c = new IkeTsPayload(false, List.of(opaque, any, label, portsWithoutProtocol))
                .toTrafficSelectors();
        assertThat(c.selectors()).containsExactly(TrafficSelector.ANY_IPV4);
        assertThat(c.inexpressible()).containsExactly(opaque, label, portsWithoutProtocol);
        assertThat(c.isComplete()).isFalse();
    }

    @Test
    void addressRangesHaveFixedLengths() {
        assertThatThrownBy(() -> new IkeTrafficSelector(IkeTsType.IPV4_ADDR_RANGE, 0, Bytes.of(new byte[13])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selector length of IPV4_ADDR_RANGE(7): 17 (expected: 16)");
    }
}
