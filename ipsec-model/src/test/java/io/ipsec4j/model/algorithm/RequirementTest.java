package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {

    @ParameterizedTest(name = "{0} is written \"{1}\", discouraged={2}")
    @CsvSource({
        "MUST, MUST, false",
        "MUST_MINUS, MUST-, false",
        "SHOULD_PLUS, SHOULD+, false",
        "SHOULD, SHOULD, false",
        "MAY, MAY, false",
        "SHOULD_NOT, SHOULD NOT, true",
        "MUST_NOT, MUST NOT, true",
        "UNSPECIFIED, UNSPECIFIED, false",
    })
    void wordingAndDiscouragementFollowTheRfcKeywords(Requirement r, String wording, boolean discouraged) {
        assertThat(r.rfcWording()).isEqualTo(wording);
        assertThat(r.isDiscouraged()).isEqualTo(discouraged);
    }
}
