package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EsnModeTest {

    @Test
    void idsMatchTheIanaTransformTypeFiveRegistry() {
        assertThat(EsnMode.valueOf(0)).isSameAs(EsnMode.NO_ESN);
        assertThat(EsnMode.valueOf(1)).isSameAs(EsnMode.ESN);
        assertThat(EsnMode.NO_ESN.ianaName()).isEqualTo("No Extended Sequence Numbers");
        assertThat(EsnMode.ESN.ianaName()).isEqualTo("Extended Sequence Numbers");
        assertThat(EsnMode.ESN.transformType()).isEqualTo(TransformType.ESN);
        assertThat(EsnMode.ESN.isExtended()).isTrue();
        assertThat(EsnMode.NO_ESN.isExtended()).isFalse();
        assertThat(EsnMode.ESN.espStatus()).isEqualTo(Requirement.UNSPECIFIED);
    }

    @Test
    void unknownIdsKeepTheirNumber() {
        EsnMode m = EsnMode.valueOf(2);
        assertThat(m.isKnown()).isFalse();
        assertThat(m).hasToString("UNKNOWN_2(2)").isEqualTo(EsnMode.valueOf(2));
        assertThat(EsnMode.knownValues()).containsExactly(EsnMode.NO_ESN, EsnMode.ESN);
    }
}
