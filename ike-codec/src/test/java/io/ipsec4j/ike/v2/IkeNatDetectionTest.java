package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeNatDetection} against AOSP's NAT_DETECTION_SOURCE_IP of the session's IKE_SA_INIT
 * request ({@code vectors/aosp-payloads.txt}: SHA1(SPIi | SPIr=0 | 10.80.80.13 | 500)), with the
 * session's SPIi 5f54bf6d8b48e6e1 ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}), and
 * the RFC 7296 §2.23 decisions.
 */
class IkeNatDetectionTest {
    private static final Map<String, String> PAYLOADS = AospVectorFile.load("/vectors/aosp-payloads.txt");
    private static final long SPI_I = 0x5F54BF6D8B48E6E1L;
    private static final IkeHeader INIT = IkeHeader.of(SPI_I, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0);

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void theAospSourceHashIsSha1OfSpisAddressAndPort() throws Exception {
        Bytes expected = Bytes.fromHex(PAYLOADS.get("IkeNotifyPayloadTest.NAT_DETECTION_DATA_HEX_STRING"));
        assertThat(expected).isEqualTo(Bytes.fromHex("e54f73b7d83f6beb881eab2051d8663f421d10b0"));
        assertThat(IkeNatDetection.hash(SPI_I, 0, InetAddress.getByName("10.80.80.13"), 500)).isEqualTo(expected);
        IkeNotifyPayload n = IkeNatDetection.sourceIp(INIT, at("10.80.80.13", 500));
        assertThat(n).isEqualTo(IkeNotifyPayload.natDetectionSourceIp(expected));
        assertThat(VectorCodec.encode(new IkeMessage(INIT, List.of(n))))
                .endsWith(PAYLOADS.get("IkeNotifyPayloadTest.NOTIFY_NAT_DETECTION_PAYLOAD_BODY_HEX_STRING"));
    }

    @Test
    void theCopyWithAChangedSpiGivesAnotherHash() throws Exception {
        assertThat(IkeNatDetection.hash(0x8F54BF6D8B48E6E1L, 0, InetAddress.getByName("10.80.80.13"), 500))
                .isNotEqualTo(Bytes.fromHex("e54f73b7d83f6beb881eab2051d8663f421d10b0"));
    }

    @Test
    void ipv6HashesTheSixteenByteAddress() throws Exception {
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        assertThat(IkeNatDetection.hash(1, 2, v6, 4500)).hasToString(IkeNatDetection.hash(1, 2, v6, 4500).toString())
                .isNotEqualTo(IkeNatDetection.hash(1, 2, v6, 500));
        assertThat(IkeNatDetection.hash(1, 2, v6, 4500).length()).isEqualTo(IkeNotifyPayload.NAT_DETECTION_HASH_BYTES);
    }

    private static IkeMessage sentBy(InetSocketAddress claimedSource, InetSocketAddress claimedDestination) {
        return new IkeMessage(INIT, List.of(IkeNatDetection.sourceIp(INIT, claimedSource),
                IkeNatDetection.destinationIp(INIT, claimedDestination)));
    }

    @Test
    void noNatWhenBothHashesMatchThePacket() throws Exception {
        IkeMessage m = sentBy(at("10.80.80.13", 500), at("10.80.80.80", 500));
        assertThat(IkeNatDetection.check(m, at("10.80.80.13", 500), at("10.80.80.80", 500)))
                .contains(new IkeNatDetection.Result(false, false));
    }

    @Test
    void thePeerIsBehindNatWhenItsSourceWasRewritten() throws Exception {
        IkeMessage m = sentBy(at("192.168.1.2", 500), at("10.80.80.80", 500));
        IkeNatDetection.Result r = IkeNatDetection.check(m, at("198.51.100.7", 1024), at("10.80.80.80", 500)).orElseThrow();
        assertThat(r).isEqualTo(new IkeNatDetection.Result(false, true));
        assertThat(r.natDetected()).isTrue();
    }

    @Test
    void weAreBehindNatWhenTheDestinationWasRewritten() throws Exception {
        IkeMessage m = sentBy(at("10.80.80.13", 500), at("203.0.113.9", 500));
        assertThat(IkeNatDetection.check(m, at("10.80.80.13", 500), at("192.168.0.10", 500)))
                .contains(new IkeNatDetection.Result(true, false));
    }

    @Test
    void anyOfSeveralSourceHashesMayMatch() throws Exception {
        IkeMessage m = new IkeMessage(INIT, List.of(IkeNatDetection.sourceIp(INIT, at("192.0.2.1", 500)),
                IkeNatDetection.sourceIp(INIT, at("10.80.80.13", 500)),
                IkeNatDetection.destinationIp(INIT, at("10.80.80.80", 500))));
        assertThat(IkeNatDetection.check(m, at("10.80.80.13", 500), at("10.80.80.80", 500)))
                .contains(new IkeNatDetection.Result(false, false));
    }

    @Test
    void noNotifiesMeansNoAnswer() throws Exception {
        assertThat(IkeNatDetection.check(new IkeMessage(INIT, List.of()), at("10.0.0.1", 500), at("10.0.0.2", 500)))
                .isEmpty();
    }

    @Test
    void rejectsABadPort() {
        assertThatThrownBy(() -> IkeNatDetection.hash(1, 2, InetAddress.getLoopbackAddress(), 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port: 70000");
    }
}
