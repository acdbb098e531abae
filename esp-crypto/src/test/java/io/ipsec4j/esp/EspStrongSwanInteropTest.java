package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live interop with strongSwan (IKE-ESP-REFERENCE §10): two charons negotiate 14 CHILD_SAs, A
 * sends UDP through each, and our engine must open every captured ESP packet to exactly the
 * datagram sent (keys and SPIs from B's level-4 log). The other way, packets sealed by our engine
 * with B's inbound keys are accepted by B: its SA counters rise and the datagram appears on its TUN
 * device. Skips without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EspStrongSwanInteropTest {
    private static final int SENT_PER_CHILD = 5;
    private static final int DESTINATION_PORT = 9999;
    private static final int INJECTED_PORT = 9998;

    static final List<Child> CHILDREN = new ArrayList<>();
    private static final Map<String, Encryption> ENCRYPTION = new HashMap<>();
    private static final Map<String, IntegrityAlgorithm> INTEGRITY = new HashMap<>();

    static {
        // The four suites issue 3 asks for, then every other suite both sides implement.
        child("gcm", "aes128gcm16", Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE);
        child("cbcsha256", "aes256-sha256", Encryption.AES256_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128);
        child("chapoly", "chacha20poly1305", Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE);
        child("cbcsha1", "aes128-sha1", Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96);
        child("gcm8", "aes256gcm8", Encryption.of(EncryptionAlgorithm.AES_GCM_8, 256), IntegrityAlgorithm.NONE);
        child("gcm12", "aes192gcm12", Encryption.of(EncryptionAlgorithm.AES_GCM_12, 192), IntegrityAlgorithm.NONE);
        child("ccm16", "aes128ccm16", Encryption.of(EncryptionAlgorithm.AES_CCM_16, 128), IntegrityAlgorithm.NONE);
        child("ccm8", "aes256ccm8", Encryption.of(EncryptionAlgorithm.AES_CCM_8, 256), IntegrityAlgorithm.NONE);
        child("ctrsha512", "aes128ctr-sha512", Encryption.of(EncryptionAlgorithm.AES_CTR, 128),
                IntegrityAlgorithm.HMAC_SHA2_512_256);
        child("cbcsha384", "aes192-sha384", Encryption.of(EncryptionAlgorithm.AES_CBC, 192),
                IntegrityAlgorithm.HMAC_SHA2_384_192);
        child("cbcxcbc", "aes128-aesxcbc", Encryption.AES128_CBC, IntegrityAlgorithm.AES_XCBC_96);
        child("cbccmac", "aes128-aescmac", Encryption.AES128_CBC, IntegrityAlgorithm.AES_CMAC_96);
        child("tdesmd5", "3des-md5", Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_MD5_96);
        // Not "aes256gmac": strongSwan's libipsec has no ENCR_NULL_AUTH_AES_GMAC ("unsupported AEAD algorithm").
        child("nullsha256", "null-sha256", Encryption.NULL, IntegrityAlgorithm.HMAC_SHA2_256_128);
    }

    private static void child(String name, String proposal, Encryption enc, IntegrityAlgorithm integ) {
        CHILDREN.add(new Child(name, proposal, CHILDREN.size() + 1));
        ENCRYPTION.put(name, enc);
        INTEGRITY.put(name, integ);
    }

    private StrongSwanPair pair;
    private final Map<String, List<byte[]>> sent = new HashMap<>();
    private final Map<String, byte[]> injected = new HashMap<>();
    private final Map<String, long[]> countersBefore = new HashMap<>();
    private final Map<String, long[]> countersAfter = new HashMap<>();
    private List<UdpCapture.Datagram> onVeth;
    private List<UdpCapture.Datagram> onTun;
    private CharonLog logB;

    static List<Child> children() {
        return CHILDREN;
    }

    @BeforeAll
    void bringUpTunnelsAndExchangeTraffic() throws Exception {
        InteropEnvironment.assumeAvailable();
        pair = new StrongSwanPair(CHILDREN);
        pair.start();
        UdpCapture veth = pair.capture(Node.A, pair.veth(Node.A), "veth-a");
        pair.initiateAll();
        for (Child c : CHILDREN) {
            List<byte[]> payloads = new ArrayList<>();
            for (int i = 0; i < SENT_PER_CHILD; i++) {
                payloads.add(("strongSwan-sealed datagram " + i + " on " + c).getBytes(StandardCharsets.US_ASCII));
            }
            sent.put(c.name, payloads);
            pair.sendUdp(Node.A, c.initiatorAddress(), 40000 + c.index, c.responderAddress(), DESTINATION_PORT, payloads);
        }
        Await.until("B's inbound SAs to count every datagram A sealed", () -> {
            CharonLog log = pair.log(Node.B);
            for (Child c : CHILDREN) {
                if (pair.inboundCounters(Node.B, log.childSa(c.name).inboundSpi)[1] < SENT_PER_CHILD) {
                    return false;
                }
            }
            return true;
        });
        onVeth = veth.stop();
        logB = pair.log(Node.B);

        UdpCapture tun = pair.capture(Node.B, "ipsec0", "tun-b");
        for (Child c : CHILDREN) {
            CharonLog.ChildSa sa = logB.childSa(c.name);
            countersBefore.put(c.name, pair.inboundCounters(Node.B, sa.inboundSpi));
            byte[] datagram = ("ipsec4j-sealed datagram on " + c).getBytes(StandardCharsets.US_ASCII);
            injected.put(c.name, datagram);
            try (EspSa ours = sa(c, sa, EspDirection.OUTBOUND)) {
                ByteBuf buf = Unpooled.buffer();
                buf.writeBytes(ipv4Udp(c.initiatorAddress(), 41000 + c.index, c.responderAddress(), INJECTED_PORT, datagram));
                ours.sealTunnel(buf);
                pair.sendUdp(Node.A, pair.address(Node.A), 4501, pair.address(Node.B), EspUdpEncapsulation.PORT,
                        List.of(EspTestSupport.readable(buf)));
            }
        }
        for (Child c : CHILDREN) {
            CharonLog.ChildSa sa = logB.childSa(c.name);
            long before = countersBefore.get(c.name)[1];
            Await.poll(Duration.ofSeconds(5), () -> pair.inboundCounters(Node.B, sa.inboundSpi)[1] != before);
            countersAfter.put(c.name, pair.inboundCounters(Node.B, sa.inboundSpi));
        }
        onTun = tun.stop(CHILDREN.get(0).initiatorAddress()); // routed through B's ipsec0 by the CHILD SA
    }

    @AfterAll
    void tearDown() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    /** Our SA for B's inbound CHILD_SA (A→B traffic), with the initiator's keys from B's log. */
    private EspSa sa(Child c, CharonLog.ChildSa sa, EspDirection direction) throws Exception {
        boolean initiatorToResponder = true;
        EspSaBuilder b = EspSa.builder().spi(sa.inboundSpi).direction(direction).encryption(ENCRYPTION.get(c.name))
                .integrity(INTEGRITY.get(c.name))
                .keys(EspSaKeys.of(SecretBytes.of(sa.key("encryption initiator key")),
                        SecretBytes.of(sa.key("integrity initiator key"))));
        if (direction == EspDirection.OUTBOUND && initiatorToResponder) {
            // Continue after the numbers A's charon already used on this SA (B's window has seen them).
            b.nextOutboundSequenceNumber(countersBefore.get(c.name)[1] + 11);
        }
        return b.build();
    }

    private EspSa reverseSa(Child c, CharonLog.ChildSa sa) throws Exception {
        return EspSa.builder().spi(sa.outboundSpi).direction(EspDirection.INBOUND).encryption(ENCRYPTION.get(c.name))
                .integrity(INTEGRITY.get(c.name))
                .keys(EspSaKeys.of(SecretBytes.of(sa.key("encryption responder key")),
                        SecretBytes.of(sa.key("integrity responder key")))).build();
    }

    private List<byte[]> espPackets(String source, int spi) throws EspException {
        List<byte[]> out = new ArrayList<>();
        for (UdpCapture.Datagram d : onVeth) {
            ByteBuf payload = Unpooled.wrappedBuffer(d.payload);
            if (d.source.equals(source) && d.destinationPort == EspUdpEncapsulation.PORT
                    && EspUdpEncapsulation.classify(payload) == EspUdpPayloadType.ESP
                    && EspUdpEncapsulation.peekSpi(payload) == spi) {
                out.add(d.payload);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("children")
    void ourEngineOpensEveryEspPacketStrongSwanSealed(Child c) throws Exception {
        CharonLog.ChildSa sa = logB.childSa(c.name);
        List<byte[]> packets = espPackets(pair.address(Node.A), sa.inboundSpi);
        assertThat(packets).as("captured A→B ESP packets of %s", sa).hasSize(SENT_PER_CHILD);
        List<byte[]> received = new ArrayList<>();
        try (EspSa ours = sa(c, sa, EspDirection.INBOUND)) {
            for (byte[] packet : packets) {
                ByteBuf buf = Unpooled.wrappedBuffer(packet.clone());
                assertThat(ours.open(buf)).isEqualTo(EspNextHeader.IPV4);
                byte[] ip = EspTestSupport.readable(buf);
                assertThat(ip[9]).as("inner protocol UDP").isEqualTo((byte) 17);
                assertThat(InetAddress.getByAddress(EspTestSupport.range(ip, 12, 16)).getHostAddress())
                        .isEqualTo(c.initiatorAddress());
                assertThat(InetAddress.getByAddress(EspTestSupport.range(ip, 16, 20)).getHostAddress())
                        .isEqualTo(c.responderAddress());
                int ihl = (ip[0] & 0x0f) * 4;
                assertThat(((ip[ihl + 2] & 0xff) << 8) | (ip[ihl + 3] & 0xff)).isEqualTo(DESTINATION_PORT);
                received.add(EspTestSupport.range(ip, ihl + 8, ip.length));
            }
        }
        assertThat(received).containsExactlyElementsOf(sent.get(c.name));

        // B's answers (ICMP port unreachable, rate limited by B's kernel) open with the responder keys.
        try (EspSa reverse = reverseSa(c, sa)) {
            for (byte[] packet : espPackets(pair.address(Node.B), sa.outboundSpi)) {
                ByteBuf buf = Unpooled.wrappedBuffer(packet.clone());
                assertThat(reverse.open(buf)).isEqualTo(EspNextHeader.IPV4);
                assertThat(buf.getByte(buf.readerIndex() + 9)).as("ICMP").isEqualTo((byte) 1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("children")
    void strongSwanAcceptsPacketsOurEngineSealed(Child c) {
        long[] before = countersBefore.get(c.name);
        long[] after = countersAfter.get(c.name);
        assertThat(after[1]).as("B's inbound packet counter for %s", c).isEqualTo(before[1] + 1);
        assertThat(after[0]).as("B's inbound byte counter for %s", c).isGreaterThan(before[0]);
        List<String> onB = onTun.stream().filter(d -> d.destinationPort == INJECTED_PORT)
                .map(d -> new String(d.payload, StandardCharsets.US_ASCII)).collect(Collectors.toList());
        assertThat(onB).contains(new String(injected.get(c.name), StandardCharsets.US_ASCII));
    }

    /** An IPv4 header (with checksum) and a UDP header (checksum 0, allowed over IPv4) around {@code data}. */
    static byte[] ipv4Udp(String src, int srcPort, String dst, int dstPort, byte[] data) throws Exception {
        int total = 20 + 8 + data.length;
        byte[] p = new byte[total];
        p[0] = 0x45;
        p[2] = (byte) (total >>> 8);
        p[3] = (byte) total;
        p[6] = 0x40; // don't fragment
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(InetAddress.getByName(src).getAddress(), 0, p, 12, 4);
        System.arraycopy(InetAddress.getByName(dst).getAddress(), 0, p, 16, 4);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
        p[10] = (byte) (sum >>> 8);
        p[11] = (byte) sum;
        p[20] = (byte) (srcPort >>> 8);
        p[21] = (byte) srcPort;
        p[22] = (byte) (dstPort >>> 8);
        p[23] = (byte) dstPort;
        p[24] = (byte) ((8 + data.length) >>> 8);
        p[25] = (byte) (8 + data.length);
        System.arraycopy(data, 0, p, 28, data.length);
        return p;
    }
}
