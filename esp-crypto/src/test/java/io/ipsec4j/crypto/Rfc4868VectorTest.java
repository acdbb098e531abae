package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4868 §2.7: HMAC-SHA2 PRF outputs and truncated authenticators (rfc-4868-hmac-sha2-ipsec.txt). */
class Rfc4868VectorTest {
    static List<Section> vectors() {
        return VectorFile.sections("rfc-4868-hmac-sha2-ipsec.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void prfAndIntegrityMatchRfc4868(Section v) throws Exception {
        String transform = v.title().split("\\s+")[1];
        byte[] key = v.bytes(v.keyStartingWith("Key"));
        byte[] data = v.bytes(v.keyStartingWith("Data"));
        if (transform.startsWith("PRF_")) {
            PrfAlgorithm prf = PrfAlgorithm.valueOf(prfId(transform));
            byte[] out = Prf.create(prf, CryptoProviders.defaults()).compute(key, data);
            assertThat(out).isEqualTo(v.bytes(v.keyStartingWith("PRF output")));
        } else {
            IntegrityAlgorithm integ = IntegrityAlgorithm.valueOf(integId(transform));
            byte[] icv = new byte[integ.icvLengthBytes()];
            try (IntegrityMac mac = IntegrityMac.create(integ, SecretBytes.of(key), CryptoProviders.defaults())) {
                mac.update(data, 0, data.length);
                mac.computeIcv(icv, 0);
                assertThat(icv).isEqualTo(v.bytes(v.keyStartingWith("ICV")));
                mac.update(data, 0, data.length);
                assertThat(mac.verifyIcv(icv, 0)).isTrue();
            }
        }
    }

    private static int prfId(String name) {
        switch (name) {
            case "PRF_HMAC_SHA2_256": return 5;
            case "PRF_HMAC_SHA2_384": return 6;
            default: return 7;
        }
    }

    private static int integId(String name) {
        switch (name) {
            case "AUTH_HMAC_SHA2_256_128": return 12;
            case "AUTH_HMAC_SHA2_384_192": return 13;
            default: return 14;
        }
    }
}
