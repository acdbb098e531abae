package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.util.Arrays.concatenate;

import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST CAVP SP 800-135 IKEv2 KDF with HMAC-SHA1 (kdf-ikev2-prfplus-cavp.txt): SKEYSEED, prf+, rekey. */
class PrfPlusCavpVectorTest {
    private static final Map<String, String> V = VectorFile.assignments("kdf-ikev2-prfplus-cavp.txt");

    private static byte[] v(String key) {
        return VectorFile.hex(V.get(key).split("\\s")[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SKEYSEED", "DKM(132)", "SKEYSEED rekey"})
    void keySchedulesMatchCavp(String output) throws Exception {
        Prf prf = Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults());
        byte[] ni = v("Ni");
        byte[] nr = v("Nr");
        byte[] skeyseed = prf.compute(concatenate(ni, nr), v("g^ir"));
        byte[] dkm = prf.prfPlus(skeyseed, concatenate(ni, nr, v("SPIi"), v("SPIr")), 132).copyBytes();
        switch (output) {
            case "SKEYSEED":
                assertThat(skeyseed).isEqualTo(v("SKEYSEED"));
                break;
            case "DKM(132)":
                assertThat(dkm).isEqualTo(v("DKM(132)"));
                break;
            default:
                byte[] skD = Arrays.copyOf(dkm, prf.outputLengthBytes());
                assertThat(prf.compute(skD, v("g^ir new"), ni, nr)).isEqualTo(v("SKEYSEED rekey"));
        }
    }
}
