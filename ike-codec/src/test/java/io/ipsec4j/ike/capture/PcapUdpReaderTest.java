package io.ipsec4j.ike.capture;

import static io.ipsec4j.ike.capture.CaptureFiles.A4;
import static io.ipsec4j.ike.capture.CaptureFiles.A6;
import static io.ipsec4j.ike.capture.CaptureFiles.B4;
import static io.ipsec4j.ike.capture.CaptureFiles.B6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.capture.UdpDatagram.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PcapUdpReaderTest {
    private static final byte[] BIG_IKE = CaptureFiles.ikeHeader(3000);

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PcapUdpReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsWhatDumpcapWroteOnEthernetAndCookedInterfacesReassemblingIpv4AndIpv6Fragments() throws IOException {
        // dumpcap -i lo -i any -f udp (pcapng, interface 0 Ethernet, 1 Linux cooked v1), lo MTU 1400:
        // per interface a 3024-byte IKE message on 500 (3 IPv4 / 3 IPv6 fragments), then on 4500 a
        // keepalive, an IKE message behind the non-ESP marker and an ESP packet, over IPv4 and IPv6.
        List<UdpDatagram> d = PcapUdpReader.read(resource("dumpcap-lo-any-fragments.pcapng"));

        assertThat(d).hasSize(16);
        assertThat(d).extracting(UdpDatagram::kind).containsExactly(
                Kind.IKE, Kind.NAT_KEEPALIVE, Kind.IKE, Kind.ESP, Kind.IKE, Kind.NAT_KEEPALIVE, Kind.IKE, Kind.ESP,
                Kind.IKE, Kind.NAT_KEEPALIVE, Kind.IKE, Kind.ESP, Kind.IKE, Kind.NAT_KEEPALIVE, Kind.IKE, Kind.ESP);
        assertThat(d.get(0).ikeMessage()).hasSize(3024);
        assertThat(d.get(0).frame()).isEqualTo(3);
        assertThat(d.get(4).source().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(d.get(4).ikeMessage()).hasSize(3024);
        assertThat(d.get(2).ikeMessage()).hasSize(24);
        assertThat(d.get(0).timestampNanos()).isGreaterThan(1_700_000_000_000_000_000L);
        assertThat(d.get(1).timestampNanos()).isGreaterThan(d.get(0).timestampNanos());
    }

    @Test
    void readsTheStrongSwanCaptureTsharkWrote() throws IOException {
        List<UdpDatagram> d = PcapUdpReader.read(resource("strongswan-ikev2.pcapng"));

        assertThat(d).extracting(UdpDatagram::kind).contains(Kind.IKE, Kind.ESP);
        assertThat(d.stream().filter(x -> x.kind() == Kind.IKE)).allSatisfy(x -> assertThat(x.ikeMessage()[17]).isEqualTo((byte) 0x20));
    }

    @Test
    void readsClassicPcapInBothByteOrdersWithMicroAndNanoseconds() throws IOException {
        byte[] udp = CaptureFiles.udp(500, 500, CaptureFiles.ikeHeader(40));
        List<byte[]> frames = List.of(CaptureFiles.ethernet(0x0800, CaptureFiles.ipv4(A4, B4, udp, 0, 1).get(0)));
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            assertThat(PcapUdpReader.read(CaptureFiles.pcap(order, false, 1, frames)).get(0).timestampNanos())
                    .isEqualTo(1_700_000_000_123_456_000L);
            assertThat(PcapUdpReader.read(CaptureFiles.pcap(order, true, 1, frames)).get(0).timestampNanos())
                    .isEqualTo(1_700_000_000_123_456_789L);
        }
    }

    @Test
    void readsPcapngInBothByteOrdersWithEachInterfacesLinkTypeAndResolution() throws IOException {
        byte[] udp4 = CaptureFiles.udp(500, 500, CaptureFiles.ikeHeader(40));
        byte[] udp6 = CaptureFiles.udp(4500, 4500, new byte[] {(byte) 0xFF});
        byte[] ip4 = CaptureFiles.ipv4(A4, B4, udp4, 0, 1).get(0);
        byte[] ip6 = CaptureFiles.ipv6(A6, B6, udp6, 2, 0, 1).get(0);
        List<byte[]> frames = List.of(CaptureFiles.ethernet(0x0800, ip4, 0x88A8, 0x8100), CaptureFiles.sll2(0x86DD, ip6),
                CaptureFiles.sll(0x0800, ip4), ip6);
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            List<UdpDatagram> d = PcapUdpReader.read(CaptureFiles.pcapng(order, new int[] {1, 276, 113, 101}, 9,
                    new int[] {0, 1, 2, 3}, frames));

            assertThat(d).extracting(UdpDatagram::kind).containsExactly(Kind.IKE, Kind.NAT_KEEPALIVE, Kind.IKE,
                    Kind.NAT_KEEPALIVE);
            assertThat(d).extracting(UdpDatagram::frame).containsExactly(1, 2, 3, 4);
            assertThat(d.get(1).endpoints()).isEqualTo("[2001:db8:0:0:0:0:0:1]:4500 -> [2001:db8:0:0:0:0:0:2]:4500");
            assertThat(d.get(0).timestampNanos()).isEqualTo(1_700_000_000_000L); // if_tsresol 9: nanoseconds
        }
    }

    @Test
    void reassemblesFragmentsInAnyOrderAndDropsOverlaps() throws IOException {
        byte[] udp = CaptureFiles.udp(500, 500, BIG_IKE);
        List<byte[]> v4 = new ArrayList<>(CaptureFiles.ipv4(A4, B4, udp, 1200, 7));
        List<byte[]> v6 = new ArrayList<>(CaptureFiles.ipv6(A6, B6, udp, 1, 1232, 9));
        Collections.reverse(v4);
        Collections.swap(v6, 0, 1);
        List<byte[]> frames = new ArrayList<>(v4);
        frames.addAll(v6);
        List<UdpDatagram> d = PcapUdpReader.read(CaptureFiles.pcap(ByteOrder.LITTLE_ENDIAN, false, 101, frames));

        assertThat(d).hasSize(2);
        assertThat(d.get(0).payload()).isEqualTo(BIG_IKE);
        assertThat(d.get(1).payload()).isEqualTo(BIG_IKE);
        assertThat(d.get(0).frame()).isEqualTo(3);

        List<byte[]> overlapping = new ArrayList<>(CaptureFiles.ipv4(A4, B4, udp, 1200, 8));
        overlapping.add(1, CaptureFiles.ipv4(A4, B4, udp, 1200, 8).get(0)); // the first fragment twice
        assertThat(PcapUdpReader.read(CaptureFiles.pcap(ByteOrder.BIG_ENDIAN, false, 101, overlapping))).isEmpty();
    }

    @Test
    void anIpv6ExtensionHeaderLongerThanThePacketIsDroppedNotThrown() throws IOException {
        // Found by CI's random seed in PcapUdpReaderFuzzTest: a hop-by-hop header whose length ran past
        // the payload, followed by UDP, threw IllegalArgumentException from Arrays.copyOfRange.
        byte[] ip6 = CaptureFiles.ipv6(A6, B6, CaptureFiles.udp(500, 500, CaptureFiles.ikeHeader(40)), 1, 0, 1).get(0);
        ip6[40 + 1] = (byte) 200; // Hdr Ext Len: 8 + 200 * 8 bytes, far beyond the packet

        assertThat(PcapUdpReader.read(CaptureFiles.pcap(ByteOrder.BIG_ENDIAN, false, 101, List.of(ip6)))).isEmpty();
    }

    @Test
    void keepsAtMostTheLimitOfPacketsInReassembly() {
        IpFragmentReassembler r = new IpFragmentReassembler();
        IntStream.range(0, 10 * IpFragmentReassembler.MAX_PENDING).forEach(id -> r.add(
                new IpFragmentReassembler.Key(A4, B4, id, 17), 0, true, new byte[8]));

        assertThat(r.pendingCount()).isEqualTo(IpFragmentReassembler.MAX_PENDING);
        assertThat(r.add(new IpFragmentReassembler.Key(A4, B4, 1, 17), 65528, false, new byte[16])).isEmpty();
    }

    @Test
    void namesTheOffsetOfMalformedFiles() {
        byte[] file = CaptureFiles.pcap(ByteOrder.BIG_ENDIAN, false, 1, List.of(new byte[40]));
        byte[] truncated = java.util.Arrays.copyOf(file, file.length - 1);

        assertThatThrownBy(() -> PcapUdpReader.read(truncated)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("truncated pcap record data at offset 40: 40 bytes needed, 39 left");
        assertThatThrownBy(() -> PcapUdpReader.read(new byte[24])).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("capture magic number: 0x00000000");
        assertThatThrownBy(() -> PcapUdpReader.read(CaptureFiles.pcap(ByteOrder.BIG_ENDIAN, false, 147, List.of(new byte[4]))))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("frame 1: link type 147");
    }

    @Test
    void convertsBinaryAndDecimalResolutions() {
        assertThat(PcapUdpReader.nanos(3, 0x80 | 1)).isEqualTo(1_500_000_000L);
        assertThat(PcapUdpReader.nanos(5, 3)).isEqualTo(5_000_000L);
        assertThat(PcapUdpReader.nanos(-1, 0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ikeBetweenPort500AndPort4500IsIkeWithOrWithoutTheNonEspMarker() throws Exception {
        java.net.InetAddress a = java.net.InetAddress.getByName("192.0.2.1");
        byte[] ike = new byte[28];
        ike[0] = 0x30;
        ike[17] = 0x20;
        byte[] marked = new byte[32];
        System.arraycopy(ike, 0, marked, 4, 28);

        UdpDatagram plain = new UdpDatagram(1, 0, a, 500, a, 4500, ike);
        UdpDatagram withMarker = new UdpDatagram(2, 0, a, 4500, a, 500, marked);
        UdpDatagram esp = new UdpDatagram(3, 0, a, 4500, a, 4500, ike);

        assertThat(plain.kind()).isEqualTo(Kind.IKE);
        assertThat(plain.ikeMessage()).isEqualTo(ike);
        assertThat(withMarker.kind()).isEqualTo(Kind.IKE);
        assertThat(withMarker.ikeMessage()).isEqualTo(ike);
        assertThat(esp.kind()).isEqualTo(Kind.ESP);
    }
}
