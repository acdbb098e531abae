package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IkeRegistriesTest {

    @Test
    void knownCodesReturnTheConstant() {
        assertThat(IkeExchangeType.valueOf(43)).isSameAs(IkeExchangeType.IKE_INTERMEDIATE);
        assertThat(IkeExchangeType.valueOf(44)).isSameAs(IkeExchangeType.IKE_FOLLOWUP_KE);
        assertThat(IkeExchangeType.valueOf(38)).isSameAs(IkeExchangeType.IKE_SESSION_RESUME);
        assertThat(IkePayloadType.valueOf(53)).isSameAs(IkePayloadType.ENCRYPTED_FRAGMENT);
        assertThat(IkeNotifyType.valueOf(16430)).isSameAs(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED);
        assertThat(IkeNotifyType.valueOf(16441)).isSameAs(IkeNotifyType.ADDITIONAL_KEY_EXCHANGE);
        assertThat(IkeAuthMethod.valueOf(14).hasAlgorithmIdentifier()).isTrue();
    }

    @Test
    void unknownCodesAreKeptAndEqualByNumber() {
        IkeNotifyType unknown = IkeNotifyType.valueOf(40000);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown).isEqualTo(IkeNotifyType.valueOf(40000)).hasToString("UNKNOWN_40000(40000)");
        assertThat(IkeNotifyType.valueOf(100).isError()).isTrue();
        assertThat(IkePayloadType.NOTIFY.isRepeatable()).isTrue();
        assertThat(IkePayloadType.SA.isRepeatable()).isFalse();
        assertThat(IkeConfigAttributeType.INTERNAL_IP4_ADDRESS).hasToString("INTERNAL_IP4_ADDRESS(1)");
    }

    @Test
    void codesOutsideTheWireFieldAreRejected() {
        assertThatThrownBy(() -> IkePayloadType.valueOf(256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload type: 256 (expected: 0-255)");
        assertThatThrownBy(() -> IkeNotifyType.valueOf(65536)).hasMessageContaining("notify type: 65536 (expected: 0-65535)");
        assertThatThrownBy(() -> IkeConfigAttributeType.valueOf(32768)).hasMessageContaining("(expected: 0-32767)");
    }
}
