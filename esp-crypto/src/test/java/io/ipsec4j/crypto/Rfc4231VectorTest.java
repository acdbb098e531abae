package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4231 §4 HMAC-SHA-256/384/512 test cases 1–7 as IKEv2 PRFs (rfc-4231-hmac-sha2.txt). */
class Rfc4231VectorTest {
    static List<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (Section s : VectorFile.sections("rfc-4231-hmac-sha2.txt")) {
            out.add(Arguments.of(s, "HMAC-SHA-256", PrfAlgorithm.HMAC_SHA2_256));
            out.add(Arguments.of(s, "HMAC-SHA-384", PrfAlgorithm.HMAC_SHA2_384));
            out.add(Arguments.of(s, "HMAC-SHA-512", PrfAlgorithm.HMAC_SHA2_512));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    void prfMatchesRfc4231(Section v, String label, PrfAlgorithm prf) throws Exception {
        byte[] expected = v.bytes(label);
        byte[] out = Prf.create(prf, CryptoProviders.defaults())
                .compute(v.bytes(v.keyStartingWith("Key")), v.bytes(v.keyStartingWith("Data")));
        // Test case 5 publishes only the first 128 bits.
        assertThat(Arrays.copyOf(out, expected.length)).isEqualTo(expected);
    }
}
