package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrfAlgorithmTest {

    /** IANA "Transform Type 2 - Pseudorandom Function Transform IDs"; output sizes from the hash/MAC RFCs. */
    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource(nullValues = "-", value = {
        "1, PRF_HMAC_MD5, HMAC_MD5, 16, 16, false, HmacMD5",
        "2, PRF_HMAC_SHA1, HMAC_SHA1, 20, 20, false, HmacSHA1",
        "3, PRF_HMAC_TIGER, HMAC_TIGER, 24, 24, false, -",
        "4, PRF_AES128_XCBC, AES128_XCBC, 16, 16, true, -",
        "5, PRF_HMAC_SHA2_256, HMAC_SHA2_256, 32, 32, false, HmacSHA256",
        "6, PRF_HMAC_SHA2_384, HMAC_SHA2_384, 48, 48, false, HmacSHA384",
        "7, PRF_HMAC_SHA2_512, HMAC_SHA2_512, 64, 64, false, HmacSHA512",
        "8, PRF_AES128_CMAC, AES128_CMAC, 16, 16, true, -",
    })
    void idsAndSizesMatchTheIanaRegistry(int id, String iana, String name, int output, int key,
            boolean fixed, String jca) {
        PrfAlgorithm p = PrfAlgorithm.valueOf(id);
        assertThat(p.ianaName()).isEqualTo(iana);
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.transformType()).isEqualTo(TransformType.PRF);
        assertThat(p.outputLengthBytes()).isEqualTo(output);
        assertThat(p.preferredKeyLengthBytes()).isEqualTo(key);
        assertThat(p.hasFixedKeyLength()).isEqualTo(fixed);
        assertThat(p.jcaMacName()).isEqualTo(jca);
    }

    /** RFC 8247 §3.2 table; PRFs are not used by ESP. */
    @ParameterizedTest(name = "{0}: IKEv2 {1}")
    @CsvSource({
        "HMAC_SHA2_256, MUST",
        "HMAC_SHA2_512, SHOULD_PLUS",
        "HMAC_SHA1, MUST_MINUS",
        "AES128_XCBC, SHOULD",
        "HMAC_MD5, MUST_NOT",
        "HMAC_SHA2_384, UNSPECIFIED",
        "AES128_CMAC, UNSPECIFIED",
    })
    void ikeStatusFollowsRfc8247(String name, Requirement ike) throws Exception {
        PrfAlgorithm p = (PrfAlgorithm) PrfAlgorithm.class.getField(name).get(null);
        assertThat(p.ikeStatus()).isEqualTo(ike);
        assertThat(p.espStatus()).isEqualTo(Requirement.UNSPECIFIED);
    }

    @Test
    void theJdkProvidesEveryNamedMac() throws Exception {
        for (PrfAlgorithm p : PrfAlgorithm.knownValues()) {
            if (p.jcaMacName() != null) {
                assertThat(javax.crypto.Mac.getInstance(p.jcaMacName()).getMacLength())
                        .isEqualTo(p.outputLengthBytes());
            }
        }
    }

    @Test
    void unknownIdsKeepTheirNumber() {
        PrfAlgorithm p = PrfAlgorithm.valueOf(9);
        assertThat(p.isKnown()).isFalse();
        assertThat(p.id()).isEqualTo(9);
        assertThat(p.outputLengthBytes()).isZero();
        assertThat(PrfAlgorithm.knownValues()).hasSize(8);
    }
}
