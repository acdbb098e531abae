package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class EspUdpEncapsulationTest {
    @Test
    void keepalivesIkeAndEspAreTellApart() throws Exception {
        assertThat(EspUdpEncapsulation.classify(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff})))
                .isEqualTo(EspUdpPayloadType.NAT_KEEPALIVE);
        assertThat(EspUdpEncapsulation.classify(Unpooled.wrappedBuffer(new byte[32])))
                .isEqualTo(EspUdpPayloadType.IKE);
        assertThat(EspUdpEncapsulation.classify(Unpooled.wrappedBuffer(new byte[] {0, 0, 0x10, 0, 0, 0, 0, 1})))
                .isEqualTo(EspUdpPayloadType.ESP);
        assertThatThrownBy(() -> EspUdpEncapsulation.classify(Unpooled.wrappedBuffer(new byte[] {1, 2})))
                .isInstanceOf(EspMalformedPacketException.class).hasMessageContaining("length: 2");
    }

    @Test
    void udpHeaderIsAddedInPlaceAndStrippedAgain() throws Exception {
        ByteBuf buf = Unpooled.buffer(64);
        buf.writerIndex(8).readerIndex(8);
        buf.writeBytes(new byte[] {0, 0, 0x10, 0, 0, 0, 0, 1});
        EspUdpEncapsulation.addUdpHeader(buf, 4501, EspUdpEncapsulation.PORT);
        assertThat(buf.readerIndex()).isZero();
        assertThat(buf.getUnsignedShort(0)).isEqualTo(4501);
        assertThat(buf.getUnsignedShort(2)).isEqualTo(4500);
        assertThat(buf.getUnsignedShort(4)).isEqualTo(16);
        assertThat(buf.getUnsignedShort(6)).isZero();
        assertThat(EspUdpEncapsulation.stripUdpHeader(buf)).isEqualTo(4500);
        assertThat(EspUdpEncapsulation.peekSpi(buf)).isEqualTo(0x1000);
    }

    @Test
    void nonEspMarkerRoundTrips() throws Exception {
        ByteBuf ike = Unpooled.buffer().writeBytes(new byte[] {1, 2, 3, 4, 5});
        EspUdpEncapsulation.addNonEspMarker(ike);
        assertThat(EspUdpEncapsulation.classify(ike)).isEqualTo(EspUdpPayloadType.IKE);
        EspUdpEncapsulation.stripNonEspMarker(ike);
        assertThat(ike.readableBytes()).isEqualTo(5);
        assertThat(ike.getByte(ike.readerIndex())).isEqualTo((byte) 1);
    }

    @Test
    void inconsistentUdpLengthIsMalformed() {
        ByteBuf d = Unpooled.wrappedBuffer(new byte[] {0x11, (byte) 0x94, 0x11, (byte) 0x94, 0, 100, 0, 0});
        assertThatThrownBy(() -> EspUdpEncapsulation.stripUdpHeader(d))
                .isInstanceOf(EspMalformedPacketException.class).hasMessageContaining("UDP length field: 100");
    }
    @Test
    void nonEspMarkerFramingOfArrays() throws Exception {
        byte[] ike = {0x5f, 0x54, 1, 2};
        byte[] framed = EspUdpEncapsulation.withNonEspMarker(ike);
        assertThat(framed).containsExactly(0, 0, 0, 0, 0x5f, 0x54, 1, 2);
        assertThat(EspUdpEncapsulation.hasNonEspMarker(framed)).isTrue();
        assertThat(EspUdpEncapsulation.withoutNonEspMarker(framed)).containsExactly(ike);
        byte[] esp = {0, 0, 0x10, 0, 0, 0, 0, 1};
        assertThat(EspUdpEncapsulation.hasNonEspMarker(esp)).isFalse();
        assertThat(EspUdpEncapsulation.hasNonEspMarker(new byte[] {0, 0})).isFalse();
        assertThatThrownBy(() -> EspUdpEncapsulation.withoutNonEspMarker(esp))
                .isInstanceOf(EspMalformedPacketException.class).hasMessageContaining("without the non-ESP marker");
    }
}
