package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncryptionAlgorithmTest {

    /**
     * IANA "Transform Type 1 - Encryption Algorithm Transform IDs" (RFC 7296 §3.3.2 and later RFCs),
     * and per algorithm: key sizes (RFC 3602, 3686, 4106, 4309, 4543, 5529, 7634, 2451), Key Length
     * attribute, AEAD, confidentiality, ICV / IV / salt bytes and padding block.
     */
    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource(delimiter = '|', value = {
        " 2 | ENCR_DES                | DES                | 64          | false | false | true  |  0 |  8 | 0 |  8",
        " 3 | ENCR_3DES               | TRIPLE_DES         | 192         | false | false | true  |  0 |  8 | 0 |  8",
        " 6 | ENCR_CAST               | CAST               | 128         | false | false | true  |  0 |  8 | 0 |  8",
        " 7 | ENCR_BLOWFISH           | BLOWFISH           | 128 192 256 | true  | false | true  |  0 |  8 | 0 |  8",
        "11 | ENCR_NULL               | NULL               | 0           | false | false | false |  0 |  0 | 0 |  1",
        "12 | ENCR_AES_CBC            | AES_CBC            | 128 192 256 | true  | false | true  |  0 | 16 | 0 | 16",
        "13 | ENCR_AES_CTR            | AES_CTR            | 128 192 256 | true  | false | true  |  0 |  8 | 4 |  1",
        "14 | ENCR_AES_CCM_8          | AES_CCM_8          | 128 192 256 | true  | true  | true  |  8 |  8 | 3 |  1",
        "15 | ENCR_AES_CCM_12         | AES_CCM_12         | 128 192 256 | true  | true  | true  | 12 |  8 | 3 |  1",
        "16 | ENCR_AES_CCM_16         | AES_CCM_16         | 128 192 256 | true  | true  | true  | 16 |  8 | 3 |  1",
        "18 | ENCR_AES_GCM_8          | AES_GCM_8          | 128 192 256 | true  | true  | true  |  8 |  8 | 4 |  1",
        "19 | ENCR_AES_GCM_12         | AES_GCM_12         | 128 192 256 | true  | true  | true  | 12 |  8 | 4 |  1",
        "20 | ENCR_AES_GCM_16         | AES_GCM_16         | 128 192 256 | true  | true  | true  | 16 |  8 | 4 |  1",
        "21 | ENCR_NULL_AUTH_AES_GMAC | NULL_AUTH_AES_GMAC | 128 192 256 | true  | true  | false | 16 |  8 | 4 |  1",
        "23 | ENCR_CAMELLIA_CBC       | CAMELLIA_CBC       | 128 192 256 | true  | false | true  |  0 | 16 | 0 | 16",
        "24 | ENCR_CAMELLIA_CTR       | CAMELLIA_CTR       | 128 192 256 | true  | false | true  |  0 |  8 | 4 |  1",
        "25 | ENCR_CAMELLIA_CCM_8     | CAMELLIA_CCM_8     | 128 192 256 | true  | true  | true  |  8 |  8 | 3 |  1",
        "26 | ENCR_CAMELLIA_CCM_12    | CAMELLIA_CCM_12    | 128 192 256 | true  | true  | true  | 12 |  8 | 3 |  1",
        "27 | ENCR_CAMELLIA_CCM_16    | CAMELLIA_CCM_16    | 128 192 256 | true  | true  | true  | 16 |  8 | 3 |  1",
        "28 | ENCR_CHACHA20_POLY1305  | CHACHA20_POLY1305  | 256         | false | true  | true  | 16 |  8 | 4 |  1",
    })
    void idsAndSizesMatchTheIanaRegistryAndTheirRfcs(int id, String iana, String name, String keys,
            boolean variable, boolean aead, boolean confidentiality, int icv, int iv, int salt, int block) {
        EncryptionAlgorithm a = EncryptionAlgorithm.valueOf(id);
        assertThat(a.isKnown()).isTrue();
        assertThat(a.ianaName()).isEqualTo(iana);
        assertThat(a.name()).isEqualTo(name);
        assertThat(a.transformType()).isEqualTo(TransformType.ENCR);
        List<Integer> sizes = Arrays.stream(keys.split(" ")).map(Integer::valueOf).collect(Collectors.toList());
        assertThat(a.keySizesBits()).isEqualTo(sizes);
        assertThat(a.defaultKeySizeBits()).isEqualTo(sizes.get(0));
        assertThat(a.hasVariableKeyLength()).as("variable key length").isEqualTo(variable);
        assertThat(a.isAead()).as("AEAD").isEqualTo(aead);
        assertThat(a.providesConfidentiality()).as("confidentiality").isEqualTo(confidentiality);
        assertThat(a.icvLengthBytes()).as("ICV").isEqualTo(icv);
        assertThat(a.ivLengthBytes()).as("IV").isEqualTo(iv);
        assertThat(a.saltLengthBytes()).as("salt").isEqualTo(salt);
        assertThat(a.blockSizeBytes()).as("block").isEqualTo(block);
    }

    @Test
    void theRegistryHasTwentyAlgorithmsInIdOrder() {
        assertThat(EncryptionAlgorithm.knownValues()).hasSize(20);
        assertThat(EncryptionAlgorithm.knownValues()).isSortedAccordingTo(
                (x, y) -> Integer.compare(x.id(), y.id()));
    }

    /** RFC 8221 §5 (ESP) and RFC 8247 §3.1 (IKEv2), row by row; unlisted algorithms are UNSPECIFIED. */
    @ParameterizedTest(name = "{0}: ESP {1}, IKEv2 {2}")
    @CsvSource({
        "DES, MUST_NOT, MUST_NOT",
        "TRIPLE_DES, SHOULD_NOT, MAY",
        "BLOWFISH, MUST_NOT, UNSPECIFIED",
        "NULL, MUST, UNSPECIFIED",
        "AES_CBC, MUST, MUST",
        "AES_CCM_8, SHOULD, SHOULD",
        "AES_GCM_16, MUST, SHOULD",
        "CHACHA20_POLY1305, SHOULD, SHOULD",
        "AES_CTR, UNSPECIFIED, UNSPECIFIED",
        "AES_GCM_8, UNSPECIFIED, UNSPECIFIED",
        "CAMELLIA_CBC, UNSPECIFIED, UNSPECIFIED",
    })
    void statusesFollowRfc8221AndRfc8247(String name, Requirement esp, Requirement ike) throws Exception {
        EncryptionAlgorithm a = (EncryptionAlgorithm) EncryptionAlgorithm.class.getField(name).get(null);
        assertThat(a.espStatus()).as("RFC 8221 status of %s", name).isEqualTo(esp);
        assertThat(a.ikeStatus()).as("RFC 8247 status of %s", name).isEqualTo(ike);
    }

    @Test
    void keyMaterialIsTheKeyPlusTheSalt() {
        assertThat(EncryptionAlgorithm.AES_GCM_16.keyMaterialLengthBytes(128)).isEqualTo(20); // RFC 4106 §8.1
        assertThat(EncryptionAlgorithm.AES_CCM_16.keyMaterialLengthBytes(256)).isEqualTo(35); // RFC 4309 §7.1
        assertThat(EncryptionAlgorithm.AES_CTR.keyMaterialLengthBytes(192)).isEqualTo(28); // RFC 3686 §5.1
        assertThat(EncryptionAlgorithm.CHACHA20_POLY1305.keyMaterialLengthBytes(256)).isEqualTo(36); // RFC 7634 §2
        assertThat(EncryptionAlgorithm.AES_CBC.keyMaterialLengthBytes(256)).isEqualTo(32);
        assertThat(EncryptionAlgorithm.TRIPLE_DES.keyMaterialLengthBytes(192)).isEqualTo(24);
        assertThat(EncryptionAlgorithm.NULL.keyMaterialLengthBytes(0)).isZero();
        assertThatThrownBy(() -> EncryptionAlgorithm.AES_CBC.keyMaterialLengthBytes(-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key size: -8 bits (expected: >= 0)");
    }

    @Test
    void unknownIdsKeepTheirNumberAndAreTreatedAsPlainCiphers() {
        EncryptionAlgorithm a = EncryptionAlgorithm.valueOf(1031);
        assertThat(a.id()).isEqualTo(1031);
        assertThat(a.isKnown()).isFalse();
        assertThat(a.keySizesBits()).isEmpty();
        assertThat(a.defaultKeySizeBits()).isZero();
        assertThat(a.isAead()).isFalse();
        assertThat(EncryptionAlgorithm.valueOf(17).isKnown()).as("17 is unassigned").isFalse();
    }
}
