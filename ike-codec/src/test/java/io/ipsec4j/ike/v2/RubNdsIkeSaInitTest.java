package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.fixtures.FixtureFiles;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second, independent IKE_SA_INIT request: RUB-NDS IPsec-StateMachineExtractor's
 * {@code IKEv2HandshakeSessionSecretsTest.testComputeAUTH} ({@code vectors/rubnds-ikev1-ikev2-esp.txt}).
 */
class RubNdsIkeSaInitTest {

    private static String request() throws IOException {
        {
            List<String> lines = FixtureFiles.vector("rubnds-ikev1-ikev2-esp.txt").lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("IKE_SA_INIT request (248 bytes")) {
                    return lines.get(i + 1).trim();
                }
            }
        }
        throw new AssertionError("IKE_SA_INIT request not found");
    }

    @Test
    void decodesAndReencodesByteForByte() throws Exception {
        String hex = request();
        IkeMessage m = VectorCodec.message(hex);
        assertThat(m.header()).isEqualTo(IkeHeader.of(0x2b52e39c2e82e183L, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0));
        assertThat(m.payloads()).extracting(IkePayload::type)
                .containsExactly(IkePayloadType.SA, IkePayloadType.KE, IkePayloadType.NONCE);
        IkeSaProposal p = m.payload(IkeSaPayload.class).orElseThrow().proposals().get(0);
        assertThat(IkeSaProposals.toIkeProposal(p)).contains(IkeProposal.parse("aes128-sha1-prfsha1-modp1024"));
        IkeKePayload ke = m.payload(IkeKePayload.class).orElseThrow();
        assertThat(ke.method()).isEqualTo(KeyExchangeMethod.MODP_1024);
        assertThat(ke.data().length()).isEqualTo(128);
        assertThat(m.payload(IkeNoncePayload.class).orElseThrow().nonce()).isEqualTo(
                Bytes.fromHex("33a0e2cd09e93052e4ce64aa9b6f578b6a34361c73a1b2828543982cfb678a7b"));
        assertThat(VectorCodec.encode(m)).isEqualTo(hex);
    }
}
