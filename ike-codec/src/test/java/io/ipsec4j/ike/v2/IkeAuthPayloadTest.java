package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import org.junit.jupiter.api.Test;

class IkeAuthPayloadTest {
    /** AlgorithmIdentifier of sha256WithRSAEncryption with NULL parameters (RFC 7427 Appendix A.1.2). */
    private static final Bytes SHA256_WITH_RSA = Bytes.fromHex("300d06092a864886f70d01010b0500");

    @Test
    void splitsTheRfc7427AlgorithmIdentifierFromTheSignature() throws Exception {
        IkeAuthPayload auth = IkeAuthPayload.digitalSignature(SHA256_WITH_RSA, Bytes.fromHex("a1a2a3"));
        assertThat(auth.data().get(0)).isEqualTo((byte) 15);
        assertThat(auth.algorithmIdentifier()).isEqualTo(SHA256_WITH_RSA);
        assertThat(auth.signature()).isEqualTo(Bytes.fromHex("a1a2a3"));
        IkePayload back = VectorCodec.body(IkePayloadType.AUTH, VectorCodec.encodeBody(auth));
        assertThat(back).isEqualTo(auth);
    }

    @Test
    void rejectsAnAlgorithmIdentifierLongerThanTheData() {
        assertThatThrownBy(() -> VectorCodec.body(IkePayloadType.AUTH, "0e000000" + "10" + "3000"))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("AlgorithmIdentifier length: 16 (expected: <= 2)");
    }

    @Test
    void otherMethodsCarryTheValueDirectly() {
        IkeAuthPayload psk = new IkeAuthPayload(IkeAuthMethod.SHARED_KEY_MIC, Bytes.fromHex("0102"));
        assertThat(psk.signature()).isEqualTo(psk.data());
        assertThat(psk.algorithmIdentifier()).isEqualTo(Bytes.EMPTY);
    }
}
