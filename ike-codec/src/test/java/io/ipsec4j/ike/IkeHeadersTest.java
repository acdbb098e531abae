package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class IkeHeadersTest {

    private static ByteBuf header(int versionByte) {
        byte[] b = new byte[28];
        b[17] = (byte) versionByte;
        return Unpooled.wrappedBuffer(b);
    }

    @Test
    void readsTheMajorVersionWithoutConsuming() {
        ByteBuf v2 = header(0x20);
        assertThat(IkeHeaders.majorVersion(v2)).isEqualTo(IkeHeaders.MAJOR_VERSION_2);
        assertThat(v2.readerIndex()).isZero();
        assertThat(IkeHeaders.majorVersion(header(0x10))).isEqualTo(IkeHeaders.MAJOR_VERSION_1);
        assertThat(IkeHeaders.majorVersion(header(0xf0))).isEqualTo(15);
    }

    @Test
    void returnsMinusOneForAShortDatagram() {
        assertThat(IkeHeaders.majorVersion(Unpooled.wrappedBuffer(new byte[27]))).isEqualTo(-1);
    }
}
