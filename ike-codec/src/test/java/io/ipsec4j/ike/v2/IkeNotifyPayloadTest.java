package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeNotifyPayloadTest {

    @Test
    void typedFactoriesAndAccessorsAgree() {
        assertThat(IkeNotifyPayload.setWindowSize(0xFFFF_FFFFL).windowSize()).isEqualTo(0xFFFF_FFFFL);
        assertThat(IkeNotifyPayload.setWindowSize(1).data()).isEqualTo(Bytes.fromHex("00000001"));
        assertThat(IkeNotifyPayload.signatureHashAlgorithms(List.of(2, 3, 4)).signatureHashAlgorithms()).containsExactly(2, 3, 4);
        assertThat(IkeNotifyPayload.rekeySa(IkeProtocolId.ESP, 0xcae7019f).childSpi()).isEqualTo(0xcae7019f);
        assertThat(IkeNotifyPayload.status(IkeNotifyType.USE_TRANSPORT_MODE).data()).isEqualTo(Bytes.EMPTY);
        assertThat(IkeNotifyPayload.status(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isError()).isFalse();
        assertThat(IkeNotifyPayload.additionalKeyExchange(Bytes.fromHex("0102")).notifyType().code()).isEqualTo(16441);
        assertThat(IkeNotifyPayload.cookie(Bytes.fromHex("aa")).notifyType()).isEqualTo(IkeNotifyType.COOKIE);
        assertThat(IkeNotifyPayload.natDetectionDestinationIp(Bytes.of(new byte[20])).notifyType().code()).isEqualTo(16389);
    }

    @Test
    void checksTheDataOfTypedNotifies() {
        assertThatThrownBy(() -> IkeNotifyPayload.natDetectionSourceIp(Bytes.of(new byte[19])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notification data length of NAT_DETECTION_SOURCE_IP(16388): 19 (expected: 20)");
        assertThatThrownBy(() -> IkeNotifyPayload.cookie(Bytes.EMPTY))
                .hasMessageContaining("COOKIE(16390): 0 (expected: 1-64)");
        assertThatThrownBy(() -> IkeNotifyPayload.of(IkeNotifyType.COOKIE2, Bytes.of(new byte[7])))
                .hasMessageContaining("COOKIE2(16401): 7 (expected: 8-64)");
        assertThatThrownBy(() -> IkeNotifyPayload.of(IkeNotifyType.SIGNATURE_HASH_ALGORITHMS, Bytes.fromHex("00")))
                .hasMessageContaining("(expected: a multiple of 2)");
        assertThatThrownBy(() -> IkeNotifyPayload.of(IkeNotifyType.REKEY_SA, Bytes.EMPTY))
                .hasMessageContaining("SPI size of REKEY_SA(16393): 0 (expected: 4)");
    }

    @Test
    void typedAccessorsRefuseOtherTypes() {
        assertThatThrownBy(() -> IkeNotifyPayload.status(IkeNotifyType.INITIAL_CONTACT).windowSize())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notify type: INITIAL_CONTACT(16384) (expected: SET_WINDOW_SIZE(16385))");
    }
}
