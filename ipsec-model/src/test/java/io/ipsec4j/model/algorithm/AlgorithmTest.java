package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmTest {

    private static List<Algorithm> allKnown() {
        List<Algorithm> all = new ArrayList<>();
        all.addAll(EncryptionAlgorithm.knownValues());
        all.addAll(PrfAlgorithm.knownValues());
        all.addAll(IntegrityAlgorithm.knownValues());
        all.addAll(KeyExchangeMethod.knownValues());
        all.addAll(EsnMode.knownValues());
        return all;
    }

    @Test
    void equalityIsOnTransformTypeAndIdNotOnTheNumberAlone() {
        // id 2 is ENCR_DES, PRF_HMAC_SHA1, AUTH_HMAC_SHA1_96 and MODP_1024: four different transforms
        assertThat(EncryptionAlgorithm.DES).isNotEqualTo(PrfAlgorithm.HMAC_SHA1);
        assertThat(PrfAlgorithm.HMAC_SHA1).isNotEqualTo(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(IntegrityAlgorithm.HMAC_SHA1_96).isNotEqualTo(KeyExchangeMethod.MODP_1024);
        assertThat(EncryptionAlgorithm.valueOf(12)).isEqualTo(EncryptionAlgorithm.AES_CBC);
        assertThat(EncryptionAlgorithm.valueOf(999)).isEqualTo(EncryptionAlgorithm.valueOf(999))
                .hasSameHashCodeAs(EncryptionAlgorithm.valueOf(999));
    }

    @Test
    void toStringIsNameAndId() {
        assertThat(EncryptionAlgorithm.AES_GCM_16).hasToString("AES_GCM_16(20)");
        assertThat(KeyExchangeMethod.valueOf(4242)).hasToString("UNKNOWN_4242(4242)");
    }

    @Test
    void everyKnownConstantIsKnownAndHasItsConstantName() throws Exception {
        for (Algorithm a : allKnown()) {
            assertThat(a.isKnown()).as("%s known", a).isTrue();
            Object field = a.getClass().getField(a.name()).get(null);
            assertThat(field).as("constant %s", a.name()).isSameAs(a);
            assertThat(a.ianaName()).isNotBlank();
        }
    }

    @Test
    void unknownIdsAreNamedUnknownAndHaveNoStatus() {
        Algorithm a = PrfAlgorithm.valueOf(1025);
        assertThat(a.name()).isEqualTo("UNKNOWN_1025");
        assertThat(a.ianaName()).isEqualTo("UNKNOWN_1025");
        assertThat(a.isKnown()).isFalse();
        assertThat(a.espStatus()).isEqualTo(Requirement.UNSPECIFIED);
        assertThat(a.ikeStatus()).isEqualTo(Requirement.UNSPECIFIED);
    }

    @Test
    void idsMustFitTheTwoByteTransformId() {
        assertThatThrownBy(() -> IntegrityAlgorithm.valueOf(65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transform id: 65536 (expected: 0-65535)");
        assertThatThrownBy(() -> EsnMode.valueOf(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyExchangeMethod.valueOf(65535).id()).isEqualTo(65535);
    }

    @Test
    void theBaseClassCannotBeExtendedOutsideThePackage() {
        assertThat(Modifier.isAbstract(Algorithm.class.getModifiers())).isTrue();
        for (Constructor<?> c : Algorithm.class.getDeclaredConstructors()) {
            int m = c.getModifiers();
            assertThat(Modifier.isPublic(m) || Modifier.isProtected(m)).as("%s", c).isFalse();
        }
        for (Class<?> sub : List.of(EncryptionAlgorithm.class, PrfAlgorithm.class, IntegrityAlgorithm.class,
                KeyExchangeMethod.class, EsnMode.class)) {
            assertThat(Modifier.isFinal(sub.getModifiers())).as("%s final", sub).isTrue();
        }
    }
}
