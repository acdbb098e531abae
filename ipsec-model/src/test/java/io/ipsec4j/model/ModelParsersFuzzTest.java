package io.ipsec4j.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of every text parser of the model: whatever the input, each either
 * returns a value that prints and re-parses to itself, or throws {@link IllegalArgumentException}.
 * The seed corpus under {@code ModelParsersFuzzTestInputs} runs in every build; longer runs with
 * {@code JAZZER_FUZZ=1}.
 */
class ModelParsersFuzzTest {
    private static <T> void check(String input, Function<String, T> parse) {
        T value;
        try {
            value = parse.apply(input);
        } catch (IllegalArgumentException expected) {
            return;
        }
        T again = parse.apply(value.toString());
        if (!again.equals(value)) {
            throw new AssertionError("re-parse of " + value + " gave " + again);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void ipAddress(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString(), IpAddress::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void cidr(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString(), Cidr::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void trafficSelector(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString(), TrafficSelector::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void identity(FuzzedDataProvider data) {
        check(data.consumeRemainingAsString(), Identity::parse);
    }

    @FuzzTest(maxDuration = "30s")
    void smallValues(FuzzedDataProvider data) {
        String a = data.consumeString(64);
        String b = data.consumeRemainingAsString();
        check(a, PortRange::parse);
        check(a, Asn::parse);
        check(a, Route::parse);
        try {
            TunnelInterface.parse(a, b);
        } catch (IllegalArgumentException expected) {
            // the only failure allowed
        }
    }
}
