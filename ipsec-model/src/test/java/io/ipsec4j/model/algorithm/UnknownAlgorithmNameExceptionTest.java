package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownAlgorithmNameExceptionTest {

    @Test
    void messageNamesVendorWhatInputAndSuggestions() {
        UnknownAlgorithmNameException e = new UnknownAlgorithmNameException(Vendor.GCP, "PRF", "PRF-SHA3",
                List.of("PRF-HMAC-SHA1"), -1, null);
        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown GCP PRF: \"PRF-SHA3\" (closest: PRF-HMAC-SHA1)");
        assertThat(e.suggestions()).containsExactly("PRF-HMAC-SHA1");
    }

    @Test
    void aProposalKeywordCarriesItsOffset() {
        UnknownAlgorithmNameException e = new UnknownAlgorithmNameException(Vendor.STRONGSWAN, "keyword", "foo",
                List.of(), 4, "aes-foo");
        assertThat(e).hasMessage("unknown strongSwan keyword: \"foo\" at offset 4 of \"aes-foo\"");
        assertThat(e.position()).isEqualTo(4);
    }

    @Test
    void longInputIsCutInTheMessageButKeptWhole() {
        String input = "a".repeat(200);
        UnknownAlgorithmNameException e = new UnknownAlgorithmNameException(Vendor.AWS, "PRF", input, List.of(),
                -1, null);
        assertThat(e.getMessage()).hasSizeLessThan(120).contains("a".repeat(64) + "…");
        assertThat(e.input()).isEqualTo(input);
    }
}
