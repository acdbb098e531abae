package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.fixtures.FixtureFiles;
import io.ipsec4j.model.Bytes;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 7634 Appendix B, the IKEv2 INFORMATIONAL request that strongSwan's test_message_chapoly
 * generates byte for byte ({@code vectors/rfc-7634-chacha20poly1305-esp-ikev2.txt}): the message
 * with its SK payload, and the plaintext Notify it protects.
 */
class Rfc7634InformationalTest {

    private static String wholeMessage() throws IOException {
        {
            List<String> lines = FixtureFiles.vector("rfc-7634-chacha20poly1305-esp-ikev2.txt").lines().toList();
            int at = lines.indexOf("Whole IKE message (69 bytes):");
            return lines.get(at + 1).trim() + lines.get(at + 2).trim() + lines.get(at + 3).trim();
        }
    }

    @Test
    void decodesTheProtectedMessageAndReencodesIt() throws Exception {
        String hex = wholeMessage();
        IkeMessage m = VectorCodec.message(hex);
        assertThat(m.header()).isEqualTo(IkeHeader.of(0xc0c1c2c3c4c5c6c7L, 0xd0d1d2d3d4d5d6d7L,
                IkeExchangeType.INFORMATIONAL, false, false, 9));
        IkeSkPayload sk = (IkeSkPayload) m.payloads().get(0);
        assertThat(sk.firstPayloadType()).isEqualTo(IkePayloadType.NOTIFY);
        assertThat(sk.encrypted().slice(0, 8)).isEqualTo(Bytes.fromHex("1011121314151617"));
        assertThat(sk.encrypted().slice(sk.encrypted().length() - 16, sk.encrypted().length()))
                .isEqualTo(Bytes.fromHex("6b71bfe25236efd7cdc67066906315b2"));
        assertThat(VectorCodec.encode(m)).isEqualTo(hex);
    }

    @Test
    void decodesThePlaintextNotify() throws Exception {
        // The plaintext without its Pad Length byte (00).
        List<IkePayload> p = new IkeMessageDecoder().decodePayloads(IkePayloadType.NOTIFY,
                VectorCodec.buf("0000000c000040010000000a"), true);
        assertThat(p).containsExactly(IkeNotifyPayload.setWindowSize(10));
    }
}
