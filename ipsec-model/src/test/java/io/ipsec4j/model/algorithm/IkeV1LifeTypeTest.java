package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IkeV1LifeTypeTest {

    @Test
    void secondsAndKilobytesAreOneAndTwo() {
        assertThat(IkeV1LifeType.valueOf(1)).isSameAs(IkeV1LifeType.SECONDS).hasToString("SECONDS(1)");
        assertThat(IkeV1LifeType.valueOf(2)).isSameAs(IkeV1LifeType.KILOBYTES);
        assertThat(IkeV1LifeType.knownValues()).containsExactly(IkeV1LifeType.SECONDS, IkeV1LifeType.KILOBYTES);
    }

    @Test
    void unknownValuesKeepTheirNumber() {
        assertThat(IkeV1LifeType.valueOf(3).name()).isEqualTo("UNKNOWN_3");
        assertThat(IkeV1LifeType.valueOf(3)).isEqualTo(IkeV1LifeType.valueOf(3));
        assertThat(IkeV1LifeType.valueOf(3).value()).isEqualTo(3);
        assertThatThrownBy(() -> IkeV1LifeType.valueOf(70000)).isInstanceOf(IllegalArgumentException.class);
    }
}
