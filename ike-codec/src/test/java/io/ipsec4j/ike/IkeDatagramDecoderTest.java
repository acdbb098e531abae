package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v1.IkeV1ExchangeType;
import io.ipsec4j.ike.v2.InvalidMajorVersionException;
import io.ipsec4j.ike.v2.InvalidSyntaxException;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link IkeDatagramDecoder}: dispatch by major version on ports 500 and 4500. */
class IkeDatagramDecoderTest {
    private static final IkeDatagramDecoder DECODER = new IkeDatagramDecoder();
    /** RUB-NDS's captured IKEv1 PAYLOAD-MALFORMED informational. */
    private static final String IKEV1 = "00574fee41e8f80a3287d995d890aaed0b100500d9ac8bc0000000280000000c0000000101000010";
    /** An IKEv2 INFORMATIONAL request with no payloads. */
    private static final String IKEV2 = "0000000000000001000000000000000200202508000000000000001c";

    @Test
    void decodesIkev1AndIkev2OnPort500() throws Exception {
        IkeDatagramDecoder.Decoded v1 = DECODER.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(IKEV1)), false);
        assertThat(v1.majorVersion()).isEqualTo(1);
        assertThat(v1.ikeV1().orElseThrow().header().exchangeType()).isEqualTo(IkeV1ExchangeType.INFORMATIONAL);
        IkeDatagramDecoder.Decoded v2 = DECODER.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(IKEV2)), false);
        assertThat(v2.majorVersion()).isEqualTo(2);
        assertThat(v2.ikeV2()).isPresent();
    }

    @Test
    void stripsTheNonEspMarkerOnPort4500AndRejectsEsp() throws Exception {
        assertThat(DECODER.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex("00000000" + IKEV1)), true)
                .ikeV1()).isPresent();
        assertThatThrownBy(() -> DECODER.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex("c6af22ee" + IKEV1)), true))
                .isInstanceOf(InvalidSyntaxException.class).hasMessageContaining("non-ESP marker");
    }

    @Test
    void rejectsOtherMajorVersionsAndShortDatagrams() {
        byte[] b = HexFormat.of().parseHex(IKEV1);
        b[17] = 0x30;
        assertThatThrownBy(() -> DECODER.decode(Unpooled.wrappedBuffer(b), false))
                .isInstanceOf(InvalidMajorVersionException.class).hasMessageContaining("major version: 3 (expected: 1 or 2)");
        assertThatThrownBy(() -> DECODER.decode(Unpooled.wrappedBuffer(new byte[5]), false))
                .isInstanceOf(IkeProtocolException.class).hasMessageContaining("datagram length: 5");
    }
}
