package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class EspInboundSaTableTest {
    @Test
    void packetsAreOpenedByTheSaTheirSpiNames() throws Exception {
        EspSa[] sa = EspTestSupport.pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, false, EspMode.TRANSPORT, 64);
        EspInboundSaTable table = new EspInboundSaTable();
        table.add(sa[1]);
        ByteBuf buf = EspTestSupport.withHeadroom(new byte[] {9, 8, 7}, 16, 32);
        sa[0].seal(buf, 17);
        assertThat(table.open(buf)).isEqualTo(17);
        assertThat(EspTestSupport.readable(buf)).containsExactly(9, 8, 7);
        assertThatThrownBy(() -> table.open(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x20, 0, 0, 0, 0, 1})))
                .isInstanceOf(EspUnknownSpiException.class).hasMessageContaining("0x00002000");
        assertThatThrownBy(() -> table.add(sa[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.add(sa[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.remove(0x1000)).isSameAs(sa[1]);
        assertThat(table.size()).isZero();
    }
}
