package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IkeV1AuthMethodTest {

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
        "1, PRE_SHARED_KEY", "2, DSS_SIGNATURES", "3, RSA_SIGNATURES", "4, RSA_ENCRYPTION",
        "5, REVISED_RSA_ENCRYPTION", // RFC 2409 App. A
        "9, ECDSA_SHA256_P256", "10, ECDSA_SHA384_P384", "11, ECDSA_SHA512_P521", // RFC 4754 §3
        "65001, XAUTH_INIT_PRESHARED", "65002, XAUTH_RESP_PRESHARED", "65005, XAUTH_INIT_RSA",
        "65010, XAUTH_RESP_RSA_REVISED_ENCRYPTION", // draft-ietf-ipsec-isakmp-xauth
    })
    void valuesMatchRfc2409Rfc4754AndTheXauthDraft(int value, String name) {
        IkeV1AuthMethod m = IkeV1AuthMethod.valueOf(value);
        assertThat(m.value()).isEqualTo(value);
        assertThat(m.name()).isEqualTo(name);
        assertThat(m).hasToString(name + "(" + value + ")");
    }

    @Test
    void unknownValuesKeepTheirNumber() {
        IkeV1AuthMethod m = IkeV1AuthMethod.valueOf(64221); // hybrid auth, not registered here
        assertThat(m.name()).isEqualTo("UNKNOWN_64221");
        assertThat(m).isEqualTo(IkeV1AuthMethod.valueOf(64221)).hasSameHashCodeAs(IkeV1AuthMethod.valueOf(64221));
        assertThat(IkeV1AuthMethod.knownValues()).hasSize(18);
    }

    @Test
    void preSharedKeyAndXauthAreRecognised() {
        assertThat(IkeV1AuthMethod.PRE_SHARED_KEY.isPreSharedKey()).isTrue();
        assertThat(IkeV1AuthMethod.XAUTH_INIT_PRESHARED.isPreSharedKey()).isTrue();
        assertThat(IkeV1AuthMethod.XAUTH_INIT_PRESHARED.isXauth()).isTrue();
        assertThat(IkeV1AuthMethod.RSA_SIGNATURES.isPreSharedKey()).isFalse();
        assertThat(IkeV1AuthMethod.RSA_SIGNATURES.isXauth()).isFalse();
    }
}
