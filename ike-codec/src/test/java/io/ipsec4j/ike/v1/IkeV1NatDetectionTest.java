package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeV1NatDetection} against the NAT-D payloads of main mode messages 3 and 4 that two
 * strongSwan 5.9.8 charons exchanged (aes128-sha256-modp2048, no NAT, XFRM, so neither NAT-D was
 * faked) in {@link IkeV1StrongSwanLiveTest#mainModeRsaSignaturesWithForcedFragmentation}.
 */
class IkeV1NatDetectionTest {
    private static final long CKY_I = Long.parseUnsignedLong("add8c6eedf60117f", 16);
    private static final long CKY_R = Long.parseUnsignedLong("2f86386bebbce727", 16);
    /** HASH(CKY-I | CKY-R | 192.0.2.2 | 500): the first NAT-D of message 3, sent by 192.0.2.1. */
    private static final Bytes OF_B = Bytes.fromHex("bc8b10c687e5e0b50ef681b08680e8b80f2f351ff14aed059177cbd0cc533663");
    /** HASH(CKY-I | CKY-R | 192.0.2.1 | 500). */
    private static final Bytes OF_A = Bytes.fromHex("8a0ad395d963c4ef1e7059e3ae636ab110e3245eefb414f3ebdefd12fbe5ad91");

    @Test
    void hashesEqualCharonsNatDPayloads() {
        assertThat(IkeV1NatDetection.hash(PrfAlgorithm.HMAC_SHA2_256, CKY_I, CKY_R, IpAddress.parse("192.0.2.2"), 500))
                .isEqualTo(OF_B);
        assertThat(IkeV1NatDetection.payload(IkeV1PayloadType.NAT_D, PrfAlgorithm.HMAC_SHA2_256, CKY_I, CKY_R,
                IpAddress.parse("192.0.2.1"), 500)).isEqualTo(new IkeV1NatDPayload(IkeV1PayloadType.NAT_D, OF_A));
        List<IkeV1NatDPayload> message3 = List.of(new IkeV1NatDPayload(IkeV1PayloadType.NAT_D, OF_B),
                new IkeV1NatDPayload(IkeV1PayloadType.NAT_D, OF_A));
        assertThat(IkeV1NatDetection.matches(message3, PrfAlgorithm.HMAC_SHA2_256, CKY_I, CKY_R,
                IpAddress.parse("192.0.2.1"), 500)).isTrue();
        assertThat(IkeV1NatDetection.matches(message3, PrfAlgorithm.HMAC_SHA2_256, CKY_I, CKY_R,
                IpAddress.parse("192.0.2.1"), 4500)).as("another port: a NAT").isFalse();
        assertThat(IkeV1NatDetection.matches(message3, PrfAlgorithm.HMAC_SHA1, CKY_I, CKY_R,
                IpAddress.parse("192.0.2.1"), 500)).isFalse();
        assertThatThrownBy(() -> IkeV1NatDetection.hash(PrfAlgorithm.HMAC_SHA1, 1, 2, IpAddress.parse("::1"), 65536))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
