package io.ipsec4j.ike.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkePayloadType;
import io.ipsec4j.ike.v2.IkeSkPayload;
import io.ipsec4j.model.Bytes;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unanswered requests: what the rest of a (crafted) capture says about why. */
class SilenceTest {
    private static final InetAddress I = address(1);
    private static final InetAddress R = address(2);
    private final List<UdpDatagram> capture = new ArrayList<>();

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void add(boolean fromInitiator, int port, long spiI, long spiR, IkeExchangeType type, boolean response,
            long id, IkePayload payload) {
        byte[] ike = IkeMessageEncoder.encodeToBytes(new IkeMessage(IkeHeader.of(spiI, spiR, type, fromInitiator, response,
                id), List.of(payload))).toByteArray();
        byte[] udp = port == 4500 ? Bytes.of(new byte[4]).toByteArray() : new byte[0];
        byte[] payloadBytes = new byte[udp.length + ike.length];
        System.arraycopy(ike, 0, payloadBytes, udp.length, ike.length);
        capture.add(new UdpDatagram(capture.size() + 1, capture.size(), fromInitiator ? I : R, port, fromInitiator ? R : I,
                port, payloadBytes));
    }

    private static IkePayload nonce() {
        return new IkeNoncePayload(Bytes.of(new byte[32]));
    }

    private static IkePayload sk(int bytes) {
        return new IkeSkPayload(IkePayloadType.NONCE, Bytes.of(new byte[bytes]));
    }

    @Test
    void aLargeUnfragmentedIkeAuthWithoutAnswerIsLostAsIpFragments() {
        add(true, 500, 1, 0, IkeExchangeType.IKE_SA_INIT, false, 0, nonce());
        add(false, 500, 1, 2, IkeExchangeType.IKE_SA_INIT, true, 0, nonce());
        for (int i = 0; i < 3; i++) {
            add(true, 4500, 1, 2, IkeExchangeType.IKE_AUTH, false, 1, sk(2000));
        }
        Diagnosis d = IkeDoctor.builder().build().diagnose(capture);

        assertThat(d.verdict()).startsWith("IKE_AUTH_LOST_LARGE").contains("3 copies of IKE_AUTH #1 to 192.0.2.2:4500",
                "2032 bytes the request leaves as IP fragments");
    }

    @Test
    void aSmallIkeAuthOn4500WithoutAnswerAfterAnAnswerOn500MeansUdp4500IsFiltered() {
        add(true, 500, 1, 0, IkeExchangeType.IKE_SA_INIT, false, 0, nonce());
        add(false, 500, 1, 2, IkeExchangeType.IKE_SA_INIT, true, 0, nonce());
        add(true, 4500, 1, 2, IkeExchangeType.IKE_AUTH, false, 1, sk(300));
        add(true, 4500, 1, 2, IkeExchangeType.IKE_AUTH, false, 1, sk(300));
        Diagnosis d = IkeDoctor.builder().build().diagnose(capture);

        assertThat(d.verdict()).startsWith("UDP_4500_BLOCKED");
        assertThat(d.sas().get(0).retransmissions()).isEqualTo(1);
    }

    @Test
    void aResponderThatAnswersOn4500OnlyIsNamed() {
        add(true, 500, 1, 0, IkeExchangeType.IKE_SA_INIT, false, 0, nonce());
        add(true, 500, 1, 0, IkeExchangeType.IKE_SA_INIT, false, 0, nonce());
        add(true, 4500, 3, 0, IkeExchangeType.IKE_SA_INIT, false, 0, nonce());
        add(false, 4500, 3, 4, IkeExchangeType.IKE_SA_INIT, true, 0, nonce());
        Diagnosis d = IkeDoctor.builder().build().diagnose(capture);

        assertThat(d.findings()).extracting(f -> f.code()).contains("RESPONDER_ON_4500_ONLY");
        assertThat(d.sas()).extracting(IkeSaSummary::progress).containsExactly("IKE_SA_INIT no response",
                "IKE_SA_INIT done");
    }
}
