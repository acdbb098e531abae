package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.util.Arrays.concatenate;

import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 5903 §8 ECP groups 19/20/21: KE payload = x ‖ y, g^ir = x (rfc-5903-ecp-dh.txt). */
class Rfc5903VectorTest {
    static List<Section> vectors() {
        return VectorFile.sections("rfc-5903-ecp-dh.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bothSidesDeriveTheRfcSharedSecret(Section v) throws Exception {
        int group = Integer.parseInt(v.title().split("\\s+")[1]);
        KeyExchangeMethod method = KeyExchangeMethod.valueOf(group);
        CryptoProviders p = CryptoProviders.defaults();
        EcKeyExchange initiator = EcKeyExchange.fromPrivateScalar(method, p, new BigInteger(1, v.bytes("i")));
        EcKeyExchange responder = EcKeyExchange.fromPrivateScalar(method, p, new BigInteger(1, v.bytes("r")));

        assertThat(initiator.publicValue()).isEqualTo(v.bytes(v.keyStartingWith("KEi payload data")));
        assertThat(initiator.publicValue()).hasSize(method.publicValueLengthBytes());
        byte[] gr = concatenate(v.bytes("g^r x"), v.bytes("g^r y"));
        assertThat(responder.publicValue()).isEqualTo(gr);

        byte[] expected = v.bytes(v.keyStartingWith("g^ir x"));
        assertThat(initiator.computeSharedSecret(gr).copyBytes()).isEqualTo(expected);
        assertThat(responder.computeSharedSecret(initiator.publicValue()).copyBytes()).isEqualTo(expected);
    }

}
