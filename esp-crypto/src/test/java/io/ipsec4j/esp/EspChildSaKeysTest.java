package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EspChildSaKeysTest {
    private static final Map<String, String> AOSP =
            VectorFile.javaConstants("aosp-ikev2-session-sha1-aescbc-modp1024.txt");

    private static byte[] c(String name) {
        return VectorFile.hex(AOSP.get(name));
    }

    /** AOSP SaRecordTest: first Child SA KEYMAT, AES-CBC-128 + HMAC-SHA1-96, split ENCR_i|AUTH_i|ENCR_r|AUTH_r. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FIRST_CHILD_ENCR_INIT_HEX_STRING", "FIRST_CHILD_AUTH_INIT_HEX_STRING",
            "FIRST_CHILD_ENCR_RESP_HEX_STRING", "FIRST_CHILD_AUTH_RESP_HEX_STRING"})
    void aospChildKeymatSplitsInRfc7296Order(String expected) {
        EspChildSaKeys keys = EspChildSaKeys.split(SecretBytes.of(c("FIRST_CHILD_KEY_MAT")), Encryption.AES128_CBC,
                IntegrityAlgorithm.HMAC_SHA1_96);
        SecretBytes actual;
        switch (expected) {
            case "FIRST_CHILD_ENCR_INIT_HEX_STRING":
                actual = keys.initiatorToResponder().encryptionKey();
                break;
            case "FIRST_CHILD_AUTH_INIT_HEX_STRING":
                actual = keys.initiatorToResponder().integrityKey();
                break;
            case "FIRST_CHILD_ENCR_RESP_HEX_STRING":
                actual = keys.responderToInitiator().encryptionKey();
                break;
            default:
                actual = keys.responderToInitiator().integrityKey();
        }
        assertThat(actual.copyBytes()).isEqualTo(c(expected));
    }

    @Test
    void aeadKeysCarryTheirSaltAndNoIntegrityKey() {
        byte[] keymat = new byte[40];
        for (int i = 0; i < keymat.length; i++) {
            keymat[i] = (byte) i;
        }
        EspChildSaKeys keys = EspChildSaKeys.split(SecretBytes.of(keymat), Encryption.AES128_GCM_16,
                IntegrityAlgorithm.NONE);
        assertThat(keys.initiatorToResponder().encryptionKey().length()).isEqualTo(20);
        assertThat(keys.initiatorToResponder().integrityKey().length()).isZero();
        assertThat(keys.responderToInitiator().encryptionKey().copyBytes()[0]).isEqualTo((byte) 20);
        assertThat(keys.toString()).doesNotContain("0001");
    }

    @Test
    void shortKeymatIsRejected() {
        assertThatThrownBy(() -> EspChildSaKeys.split(SecretBytes.of(new byte[10]), Encryption.AES256_CBC,
                IntegrityAlgorithm.HMAC_SHA2_256_128))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: >= 128");
    }
}
