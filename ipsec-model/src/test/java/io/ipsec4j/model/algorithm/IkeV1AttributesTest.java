package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeV1AttributesTest {

    /** RFC 2409 App. A Encryption Algorithm (class 1), RFC 3602 (AES 7), RFC 4132 (Camellia 8). */
    @ParameterizedTest(name = "Oakley {0} = IKEv2 {1}")
    @CsvSource({"1, 2", "3, 7", "5, 3", "6, 6", "7, 12", "8, 23"})
    void phase1EncryptionValuesMapBothWays(int ikeV1, int ikeV2) {
        assertThat(IkeV1Attributes.phase1Encryption(ikeV1)).contains(EncryptionAlgorithm.valueOf(ikeV2));
        assertThat(IkeV1Attributes.phase1EncryptionValue(EncryptionAlgorithm.valueOf(ikeV2))).hasValue(ikeV1);
    }

    @Test
    void phase1CiphersWithoutAnIkev2EquivalentMapToNothing() {
        assertThat(IkeV1Attributes.phase1Encryption(2)).as("IDEA").isEmpty();
        assertThat(IkeV1Attributes.phase1Encryption(4)).as("RC5").isEmpty();
        assertThat(IkeV1Attributes.phase1Encryption(65001)).isEmpty();
        assertThat(IkeV1Attributes.phase1EncryptionValue(EncryptionAlgorithm.AES_GCM_16)).isEmpty();
    }

    /** RFC 2409 App. A Hash Algorithm (class 2), RFC 4868 §2.4 for SHA2. */
    @ParameterizedTest(name = "hash {0} = PRF {1}, INTEG {2}")
    @CsvSource({"1, 1, 1", "2, 2, 2", "3, 3, -1", "4, 5, 12", "5, 6, 13", "6, 7, 14"})
    void hashValuesMapToPrfsAndIntegrityBothWays(int hash, int prf, int integ) {
        assertThat(IkeV1Attributes.hashToPrf(hash)).contains(PrfAlgorithm.valueOf(prf));
        assertThat(IkeV1Attributes.hashValue(PrfAlgorithm.valueOf(prf))).hasValue(hash);
        if (integ < 0) {
            assertThat(IkeV1Attributes.hashToIntegrity(hash)).isEmpty();
        } else {
            assertThat(IkeV1Attributes.hashToIntegrity(hash)).contains(IntegrityAlgorithm.valueOf(integ));
            assertThat(IkeV1Attributes.hashValue(IntegrityAlgorithm.valueOf(integ))).hasValue(hash);
        }
    }

    @Test
    void hashValuesOfOtherIntegrityTransformsAreEmpty() {
        assertThat(IkeV1Attributes.hashValue(IntegrityAlgorithm.NONE)).isEqualTo(OptionalInt.empty());
        assertThat(IkeV1Attributes.hashValue(IntegrityAlgorithm.AES_XCBC_96)).isEmpty();
        assertThat(IkeV1Attributes.hashValue(PrfAlgorithm.AES128_CMAC)).isEmpty();
        assertThat(IkeV1Attributes.hashToPrf(7)).isEmpty();
    }

    /** IANA "IPSEC ESP Transform Identifiers": 21 is ESP_SEED_CBC, 22 ESP_CAMELLIA, 23 ESP_NULL_AUTH_AES-GMAC. */
    @ParameterizedTest(name = "ESP transform {0} = ENCR {1}")
    @CsvSource({"2, 2", "3, 3", "6, 6", "7, 7", "11, 11", "12, 12", "13, 13", "14, 14", "15, 15", "16, 16",
        "18, 18", "19, 19", "20, 20", "22, 23", "23, 21"})
    void espTransformIdsMapBothWays(int ikeV1, int ikeV2) {
        assertThat(IkeV1Attributes.espTransform(ikeV1)).contains(EncryptionAlgorithm.valueOf(ikeV2));
        assertThat(IkeV1Attributes.espTransformId(EncryptionAlgorithm.valueOf(ikeV2))).hasValue(ikeV1);
    }

    @Test
    void espSeedAndUnassignedTransformsMapToNothing() {
        assertThat(IkeV1Attributes.espTransform(21)).as("ESP_SEED_CBC").isEmpty();
        assertThat(IkeV1Attributes.espTransform(17)).isEmpty();
        assertThat(IkeV1Attributes.espTransformId(EncryptionAlgorithm.CHACHA20_POLY1305)).isEmpty();
        assertThat(IkeV1Attributes.espTransformId(EncryptionAlgorithm.CAMELLIA_CTR)).isEmpty();
    }

    /** RFC 2407 §4.5 Authentication Algorithm, RFC 4868 (5–7), RFC 3566 (9), RFC 4543 (11–13). */
    @ParameterizedTest(name = "auth {0} = INTEG {1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 4", "5, 12", "6, 13", "7, 14", "9, 5", "11, 9", "12, 10", "13, 11"})
    void authenticationAlgorithmsMapBothWays(int ikeV1, int ikeV2) {
        assertThat(IkeV1Attributes.authenticationAlgorithm(ikeV1)).contains(IntegrityAlgorithm.valueOf(ikeV2));
        assertThat(IkeV1Attributes.authenticationAlgorithmValue(IntegrityAlgorithm.valueOf(ikeV2))).hasValue(ikeV1);
    }

    @Test
    void hmacRipemdAndSigRsaHaveNoIkev2Equivalent() {
        assertThat(IkeV1Attributes.authenticationAlgorithm(8)).isEmpty();
        assertThat(IkeV1Attributes.authenticationAlgorithm(10)).isEmpty();
        assertThat(IkeV1Attributes.authenticationAlgorithmValue(IntegrityAlgorithm.AES_CMAC_96)).isEmpty();
    }

    @Test
    void groupDescriptionsUseTheIkev2NumbersAndKeepUnknownOnes() {
        assertThat(IkeV1Attributes.groupDescription(14)).isEqualTo(KeyExchangeMethod.MODP_2048);
        assertThat(IkeV1Attributes.groupDescription(3).isKnown()).as("EC2N group 3").isFalse();
        assertThat(IkeV1Attributes.groupDescription(3).id()).isEqualTo(3);
        assertThat(IkeV1Attributes.groupDescriptionValue(KeyExchangeMethod.ECP_384)).isEqualTo(20);
    }

    @Test
    void attributeValuesAreSixteenBits() {
        assertThatThrownBy(() -> IkeV1Attributes.espTransform(65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IKEv1 attribute value: 65536 (expected: 0-65535)");
        assertThatThrownBy(() -> IkeV1Attributes.hashToPrf(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
