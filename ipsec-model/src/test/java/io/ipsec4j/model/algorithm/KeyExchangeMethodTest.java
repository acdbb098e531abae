package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.algorithm.KeyExchangeMethod.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyExchangeMethodTest {

    /**
     * IANA "Transform Type 4 - Key Exchange Method Transform IDs"; KE data lengths from RFC 7296 §3.4
     * (MODP), RFC 5903 §7 (ECP: x‖y), RFC 6954 (Brainpool), RFC 8031 §2 (X25519/X448) and FIPS 203
     * (ML-KEM encapsulation key / ciphertext).
     */
    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        " 0, NONE,                                                  NONE,              NONE,          0,    0",
        " 1, 768-bit MODP Group,                                    MODP_768,          MODP,         96,   96",
        " 2, 1024-bit MODP Group,                                   MODP_1024,         MODP,        128,  128",
        " 5, 1536-bit MODP Group,                                   MODP_1536,         MODP,        192,  192",
        "14, 2048-bit MODP Group,                                   MODP_2048,         MODP,        256,  256",
        "15, 3072-bit MODP Group,                                   MODP_3072,         MODP,        384,  384",
        "16, 4096-bit MODP Group,                                   MODP_4096,         MODP,        512,  512",
        "17, 6144-bit MODP Group,                                   MODP_6144,         MODP,        768,  768",
        "18, 8192-bit MODP Group,                                   MODP_8192,         MODP,       1024, 1024",
        "19, 256-bit random ECP group,                              ECP_256,           ECP,          64,   64",
        "20, 384-bit random ECP group,                              ECP_384,           ECP,          96,   96",
        "21, 521-bit random ECP group,                              ECP_521,           ECP,         132,  132",
        "22, 1024-bit MODP Group with 160-bit Prime Order Subgroup, MODP_1024_S160,    MODP,        128,  128",
        "23, 2048-bit MODP Group with 224-bit Prime Order Subgroup, MODP_2048_S224,    MODP,        256,  256",
        "24, 2048-bit MODP Group with 256-bit Prime Order Subgroup, MODP_2048_S256,    MODP,        256,  256",
        "25, 192-bit Random ECP Group,                              ECP_192,           ECP,          48,   48",
        "26, 224-bit Random ECP Group,                              ECP_224,           ECP,          56,   56",
        "27, brainpoolP224r1,                                       BRAINPOOL_P224R1,  BRAINPOOL,    56,   56",
        "28, brainpoolP256r1,                                       BRAINPOOL_P256R1,  BRAINPOOL,    64,   64",
        "29, brainpoolP384r1,                                       BRAINPOOL_P384R1,  BRAINPOOL,    96,   96",
        "30, brainpoolP512r1,                                       BRAINPOOL_P512R1,  BRAINPOOL,   128,  128",
        "31, Curve25519,                                            CURVE25519,        MONTGOMERY,   32,   32",
        "32, Curve448,                                              CURVE448,          MONTGOMERY,   56,   56",
        "35, ml-kem-512,                                            ML_KEM_512,        ML_KEM,      800,  768",
        "36, ml-kem-768,                                            ML_KEM_768,        ML_KEM,     1184, 1088",
        "37, ml-kem-1024,                                           ML_KEM_1024,       ML_KEM,     1568, 1568",
    })
    void idsAndKeyExchangeDataLengthsMatchTheRegistryAndRfcs(int id, String iana, String name, Kind kind,
            int initiator, int responder) {
        KeyExchangeMethod m = KeyExchangeMethod.valueOf(id);
        assertThat(m.ianaName()).isEqualTo(iana);
        assertThat(m.name()).isEqualTo(name);
        assertThat(m.kind()).isEqualTo(kind);
        assertThat(m.transformType()).isEqualTo(TransformType.KE);
        assertThat(m.publicValueLengthBytes()).as("initiator KE data").isEqualTo(initiator);
        assertThat(m.responderPublicValueLengthBytes()).as("responder KE data").isEqualTo(responder);
        assertThat(m.isKem()).isEqualTo(kind == Kind.ML_KEM);
    }

    /** RFC 8247 §3.4, every row; groups it does not list are UNSPECIFIED. ESP uses the same level. */
    @ParameterizedTest(name = "group {0}: {1}")
    @CsvSource({
        "14, MUST", "19, SHOULD", "5, SHOULD_NOT", "2, SHOULD_NOT", "1, MUST_NOT",
        "22, SHOULD_NOT", "23, SHOULD_NOT", "24, SHOULD_NOT",
        "15, UNSPECIFIED", "20, UNSPECIFIED", "21, UNSPECIFIED", "31, UNSPECIFIED", "36, UNSPECIFIED",
    })
    void statusFollowsRfc8247(int id, Requirement status) {
        KeyExchangeMethod m = KeyExchangeMethod.valueOf(id);
        assertThat(m.ikeStatus()).isEqualTo(status);
        assertThat(m.espStatus()).isEqualTo(status);
    }

    @Test
    void securityStrengthGrowsWithTheGroup() {
        assertThat(KeyExchangeMethod.MODP_1024.securityStrengthBits()).isEqualTo(80);
        assertThat(KeyExchangeMethod.MODP_2048.securityStrengthBits()).isEqualTo(112);
        assertThat(KeyExchangeMethod.MODP_3072.securityStrengthBits()).isEqualTo(128);
        assertThat(KeyExchangeMethod.ECP_256.securityStrengthBits()).isEqualTo(128);
        assertThat(KeyExchangeMethod.ECP_384.securityStrengthBits()).isEqualTo(192);
        assertThat(KeyExchangeMethod.CURVE25519.securityStrengthBits()).isEqualTo(128);
        assertThat(KeyExchangeMethod.ML_KEM_1024.securityStrengthBits()).isEqualTo(256);
        assertThat(KeyExchangeMethod.NONE.securityStrengthBits()).isZero();
    }

    @Test
    void unknownIdsKeepTheirNumberAndHaveNoKind() {
        KeyExchangeMethod gost = KeyExchangeMethod.valueOf(33); // GOST3410_2012_256, RFC 9385
        assertThat(gost.isKnown()).isFalse();
        assertThat(gost.id()).isEqualTo(33);
        assertThat(gost.kind()).isNull();
        assertThat(gost.isKem()).isFalse();
        assertThat(KeyExchangeMethod.knownValues()).hasSize(26);
    }
}
