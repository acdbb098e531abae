package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IkeDecoderLimitsTest {

    @Test
    void defaultsAreDocumentedConstants() {
        IkeDecoderLimits d = IkeDecoderLimits.DEFAULT;
        assertThat(d.maxMessageBytes()).isEqualTo(65_535);
        assertThat(d.maxPayloads()).isEqualTo(128);
        assertThat(d.maxProposals()).isEqualTo(64);
        assertThat(d.maxTransforms()).isEqualTo(128);
        assertThat(d.maxTrafficSelectors()).isEqualTo(64);
        assertThat(d.maxAttributes()).isEqualTo(64);
    }

    @Test
    void withersChangeOneLimitOnly() {
        IkeDecoderLimits l = IkeDecoderLimits.DEFAULT.withMaxMessageBytes(1500).withMaxPayloads(8);
        assertThat(l.maxMessageBytes()).isEqualTo(1500);
        assertThat(l.maxPayloads()).isEqualTo(8);
        assertThat(l.maxProposals()).isEqualTo(IkeDecoderLimits.DEFAULT_MAX_PROPOSALS);
        assertThat(l.toString()).contains("maxMessageBytes=1500");
    }

    @Test
    void rejectsLimitsBelowTheMinimum() {
        assertThatThrownBy(() -> IkeDecoderLimits.DEFAULT.withMaxMessageBytes(27))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageBytes: 27 (expected: >= 28)");
        assertThatThrownBy(() -> IkeDecoderLimits.DEFAULT.withMaxAttributes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttributes: 0 (expected: >= 1)");
    }
}
