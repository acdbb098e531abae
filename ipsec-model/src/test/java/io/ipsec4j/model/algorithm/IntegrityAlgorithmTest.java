package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegrityAlgorithmTest {

    /** IANA "Transform Type 3 - Integrity Algorithm Transform IDs"; key and truncated ICV sizes from the RFCs. */
    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource(nullValues = "-", value = {
        " 0, NONE,                   NONE,               0,  0, -,          -",
        " 1, AUTH_HMAC_MD5_96,       HMAC_MD5_96,       16, 12, HmacMD5,    HMAC_MD5",
        " 2, AUTH_HMAC_SHA1_96,      HMAC_SHA1_96,      20, 12, HmacSHA1,   HMAC_SHA1",
        " 3, AUTH_DES_MAC,           DES_MAC,            0,  0, -,          -",
        " 4, AUTH_KPDK_MD5,          KPDK_MD5,           0,  0, -,          -",
        " 5, AUTH_AES_XCBC_96,       AES_XCBC_96,       16, 12, -,          AES128_XCBC",
        " 6, AUTH_HMAC_MD5_128,      HMAC_MD5_128,      16, 16, HmacMD5,    HMAC_MD5",
        " 7, AUTH_HMAC_SHA1_160,     HMAC_SHA1_160,     20, 20, HmacSHA1,   HMAC_SHA1",
        " 8, AUTH_AES_CMAC_96,       AES_CMAC_96,       16, 12, -,          AES128_CMAC",
        " 9, AUTH_AES_128_GMAC,      AES_128_GMAC,      16, 16, -,          -",
        "10, AUTH_AES_192_GMAC,      AES_192_GMAC,      24, 16, -,          -",
        "11, AUTH_AES_256_GMAC,      AES_256_GMAC,      32, 16, -,          -",
        "12, AUTH_HMAC_SHA2_256_128, HMAC_SHA2_256_128, 32, 16, HmacSHA256, HMAC_SHA2_256",
        "13, AUTH_HMAC_SHA2_384_192, HMAC_SHA2_384_192, 48, 24, HmacSHA384, HMAC_SHA2_384",
        "14, AUTH_HMAC_SHA2_512_256, HMAC_SHA2_512_256, 64, 32, HmacSHA512, HMAC_SHA2_512",
    })
    void idsAndSizesMatchTheIanaRegistry(int id, String iana, String name, int key, int icv, String jca,
            String prf) throws Exception {
        IntegrityAlgorithm a = IntegrityAlgorithm.valueOf(id);
        assertThat(a.ianaName()).isEqualTo(iana);
        assertThat(a.name()).isEqualTo(name);
        assertThat(a.transformType()).isEqualTo(TransformType.INTEG);
        assertThat(a.keyLengthBytes()).as("key").isEqualTo(key);
        assertThat(a.icvLengthBytes()).as("ICV").isEqualTo(icv);
        assertThat(a.jcaMacName()).isEqualTo(jca);
        PrfAlgorithm expected = prf == null ? null : (PrfAlgorithm) PrfAlgorithm.class.getField(prf).get(null);
        assertThat(a.matchingPrf()).isEqualTo(expected);
    }

    /** RFC 8221 §6 (ESP) and RFC 8247 §3.3 (IKEv2). */
    @ParameterizedTest(name = "{0}: ESP {1}, IKEv2 {2}")
    @CsvSource({
        "NONE, MUST, UNSPECIFIED",
        "HMAC_MD5_96, MUST_NOT, MUST_NOT",
        "HMAC_SHA1_96, MUST_MINUS, MUST_MINUS",
        "DES_MAC, MUST_NOT, MUST_NOT",
        "KPDK_MD5, MUST_NOT, MUST_NOT",
        "AES_XCBC_96, MAY, SHOULD",
        "AES_128_GMAC, MAY, UNSPECIFIED",
        "AES_256_GMAC, MAY, UNSPECIFIED",
        "HMAC_SHA2_256_128, MUST, MUST",
        "HMAC_SHA2_512_256, SHOULD, SHOULD",
        "HMAC_SHA2_384_192, UNSPECIFIED, UNSPECIFIED",
    })
    void statusesFollowRfc8221AndRfc8247(String name, Requirement esp, Requirement ike) throws Exception {
        IntegrityAlgorithm a = (IntegrityAlgorithm) IntegrityAlgorithm.class.getField(name).get(null);
        assertThat(a.espStatus()).as("RFC 8221").isEqualTo(esp);
        assertThat(a.ikeStatus()).as("RFC 8247").isEqualTo(ike);
    }

    @Test
    void gmacKeyMaterialIncludesTheFourByteSalt() {
        assertThat(IntegrityAlgorithm.AES_128_GMAC.keyMaterialLengthBytes()).isEqualTo(20); // RFC 4543 §7
        assertThat(IntegrityAlgorithm.AES_256_GMAC.saltLengthBytes()).isEqualTo(4);
        assertThat(IntegrityAlgorithm.HMAC_SHA2_256_128.keyMaterialLengthBytes()).isEqualTo(32);
    }

    @Test
    void valueOfReturnsConstantsAndKeepsUnknownIds() {
        assertThat(IntegrityAlgorithm.valueOf(12)).isSameAs(IntegrityAlgorithm.HMAC_SHA2_256_128);
        IntegrityAlgorithm unknown = IntegrityAlgorithm.valueOf(1026);
        assertThat(unknown.id()).isEqualTo(1026);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.matchingPrf()).isNull();
        assertThat(IntegrityAlgorithm.knownValues()).hasSize(15);
    }
}
