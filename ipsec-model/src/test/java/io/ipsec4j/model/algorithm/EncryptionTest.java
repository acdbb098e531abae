package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncryptionTest {

    @Test
    void keySizeIsCheckedAgainstTheAlgorithm() {
        assertThat(Encryption.of(EncryptionAlgorithm.AES_CBC, 192).keyBits()).isEqualTo(192);
        assertThatThrownBy(() -> Encryption.of(EncryptionAlgorithm.AES_CBC, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key size for AES_CBC(12): 100 bits (expected: one of [128, 192, 256])");
        assertThatThrownBy(() -> Encryption.of(EncryptionAlgorithm.CHACHA20_POLY1305, 128))
                .hasMessageContaining("expected: one of [256]");
    }

    @Test
    void theDefaultKeySizeIsTheSmallestOrTheFixedOne() {
        assertThat(Encryption.of(EncryptionAlgorithm.AES_GCM_16)).isEqualTo(Encryption.AES128_GCM_16);
        assertThat(Encryption.of(EncryptionAlgorithm.TRIPLE_DES).keyBits()).isEqualTo(192);
        assertThat(Encryption.of(EncryptionAlgorithm.NULL)).isEqualTo(Encryption.NULL);
        assertThat(Encryption.of(EncryptionAlgorithm.CHACHA20_POLY1305)).isEqualTo(Encryption.CHACHA20_POLY1305);
    }

    @Test
    void unknownAlgorithmsAcceptAnySixteenBitKeySizeButNeedOne() {
        EncryptionAlgorithm unknown = EncryptionAlgorithm.valueOf(1031);
        assertThat(Encryption.of(unknown, 100).keyBits()).isEqualTo(100);
        assertThatThrownBy(() -> Encryption.of(unknown, 0))
                .hasMessage("key size for UNKNOWN_1031(1031): 0 bits (expected: 1-65535)");
        assertThatThrownBy(() -> Encryption.of(unknown, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Encryption.of(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an unknown algorithm has no default");
    }

    @Test
    void equalityIsOnAlgorithmAndKeySize() {
        assertThat(Encryption.of(EncryptionAlgorithm.AES_CBC, 256)).isEqualTo(Encryption.AES256_CBC)
                .hasSameHashCodeAs(Encryption.AES256_CBC);
        assertThat(Encryption.AES128_CBC).isNotEqualTo(Encryption.AES256_CBC);
        assertThat(Encryption.AES128_GCM_16).isNotEqualTo(Encryption.AES128_CBC);
    }

    @Test
    void toStringIsTheStrongSwanKeyword() {
        assertThat(Encryption.AES256_GCM_16).hasToString("aes256gcm16");
        assertThat(Encryption.AES128_CBC).hasToString("aes128");
        assertThat(Encryption.of(EncryptionAlgorithm.AES_CCM_8, 192)).hasToString("aes192ccm8");
        assertThat(Encryption.TRIPLE_DES).hasToString("3des");
        assertThat(Encryption.of(EncryptionAlgorithm.valueOf(1031), 128)).hasToString("encr1031_128");
    }

    @Test
    void aeadAndKeyMaterialComeFromTheAlgorithm() {
        assertThat(Encryption.AES256_GCM_16.isAead()).isTrue();
        assertThat(Encryption.AES256_CBC.isAead()).isFalse();
        assertThat(Encryption.AES256_GCM_16.keyMaterialLengthBytes()).isEqualTo(36);
    }
}
