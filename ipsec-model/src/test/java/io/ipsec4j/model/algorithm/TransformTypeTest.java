package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformTypeTest {

    @ParameterizedTest(name = "{1} has code {0}")
    @CsvSource({
        "1, ENCR", "2, PRF", "3, INTEG", "4, KE", "5, ESN", // RFC 7296 §3.3.2
        "6, ADDKE1", "7, ADDKE2", "8, ADDKE3", "9, ADDKE4", "10, ADDKE5", "11, ADDKE6", "12, ADDKE7" // RFC 9370
    })
    void registeredCodesMatchRfc7296AndRfc9370(int code, String name) {
        TransformType type = TransformType.valueOf(code);
        assertThat(type.code()).isEqualTo(code);
        assertThat(type.name()).isEqualTo(name);
        assertThat(type.isKnown()).isTrue();
        assertThat(type).hasToString(name + "(" + code + ")");
        assertThat(type.isAdditionalKeyExchange()).isEqualTo(code >= 6);
    }

    @Test
    void valueOfReturnsTheConstants() {
        assertThat(TransformType.valueOf(1)).isSameAs(TransformType.ENCR);
        assertThat(TransformType.valueOf(12)).isSameAs(TransformType.ADDKE7);
        assertThat(TransformType.knownValues()).hasSize(12);
    }

    @Test
    void unknownCodesKeepTheirNumberAndCompareByIt() {
        TransformType t = TransformType.valueOf(200);
        assertThat(t.code()).isEqualTo(200);
        assertThat(t.name()).isEqualTo("UNKNOWN_200");
        assertThat(t.isKnown()).isFalse();
        assertThat(t).isEqualTo(TransformType.valueOf(200)).hasSameHashCodeAs(TransformType.valueOf(200));
        assertThat(t).hasToString("UNKNOWN_200(200)");
        assertThat(TransformType.valueOf(0).isKnown()).isFalse();
    }

    @Test
    void codesOutsideTheByteAreRejected() {
        assertThatThrownBy(() -> TransformType.valueOf(256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transform type: 256 (expected: 0-255)");
        assertThatThrownBy(() -> TransformType.valueOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void additionalKeyExchangeIndexesMapToTypesSixToTwelve() {
        for (int i = 1; i <= 7; i++) {
            TransformType t = TransformType.additionalKeyExchange(i);
            assertThat(t.code()).isEqualTo(5 + i);
            assertThat(t.additionalKeyExchangeIndex()).isEqualTo(i);
        }
        assertThatThrownBy(() -> TransformType.additionalKeyExchange(8))
                .hasMessage("additional key exchange index: 8 (expected: 1-7)");
        assertThatThrownBy(() -> TransformType.KE.additionalKeyExchangeIndex())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void typesOrderByCode() {
        assertThat(TransformType.ENCR).isLessThan(TransformType.PRF);
        assertThat(TransformType.ADDKE7.compareTo(TransformType.valueOf(12))).isZero();
    }
}
