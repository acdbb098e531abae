package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void toStringNeverShowsTheValue() {
        Secret s = Secret.of("tunnel-psk-Xyz.123");
        assertThat(s.toString()).isEqualTo("****").doesNotContain("Xyz");
        assertThat(String.valueOf(s)).doesNotContain("tunnel");
    }

    @Test
    void revealGivesTheCharactersBack() {
        assertThat(Secret.of("abc").reveal()).isEqualTo("abc");
        assertThat(Secret.of("abc").length()).isEqualTo(3);
    }

    @Test
    void equalSecretsCompareEqualAndHashAlike() {
        assertThat(Secret.of("same")).isEqualTo(Secret.of("same")).hasSameHashCodeAs(Secret.of("other"));
        assertThat(Secret.of("same")).isNotEqualTo(Secret.of("Same"));
    }

    @Test
    void matchesChecksAPatternWithoutRevealing() {
        assertThat(Secret.of("Microsoft123!").matches("[A-Za-z0-9._]+")).isFalse();
        assertThat(Secret.of("abc.DEF_123").matches("[A-Za-z0-9._]+")).isTrue();
    }
}
