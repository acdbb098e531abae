package io.ipsec4j.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the entry point (decoding, detection, every parser). The seed corpus
 * under {@code CloudConfigReaderFuzzTestInputs} (the real files) runs in every build; longer runs
 * with {@code JAZZER_FUZZ=1}.
 */
class CloudConfigReaderFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) {
        ParserHarness.readOrTypedError(data.consumeRemainingAsBytes());
    }
}
