package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IkeHeaderTest {

    @Test
    void flagsMapToTheirBits() {
        assertThat(IkeHeader.of(1, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0).flags()).isEqualTo(0x08);
        assertThat(IkeHeader.of(1, 2, IkeExchangeType.IKE_AUTH, false, true, 1).flags()).isEqualTo(0x20);
        assertThat(new IkeHeader(1, 2, IkeExchangeType.IKE_AUTH, true, true, 1, 0, true).flags()).isEqualTo(0x38);
    }

    @Test
    void messageIdsAreUnsigned32Bit() {
        assertThat(IkeHeader.of(1, 2, IkeExchangeType.INFORMATIONAL, true, false, 0xFFFF_FFFFL).messageId())
                .isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> IkeHeader.of(1, 2, IkeExchangeType.INFORMATIONAL, true, false, 1L << 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message id: 4294967296 (expected: 0-4294967295)");
        assertThatThrownBy(() -> new IkeHeader(1, 2, IkeExchangeType.INFORMATIONAL, true, false, 0, 16, false))
                .hasMessageContaining("minor version: 16 (expected: 0-15)");
    }
}
