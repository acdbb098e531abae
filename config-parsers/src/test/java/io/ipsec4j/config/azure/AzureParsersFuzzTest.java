package io.ipsec4j.config.azure;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ParserHarness;

/**
 * Coverage-guided fuzzing of the Azure parsers: only {@code ConfigParseException} may escape. Seeds
 * under {@code AzureParsersFuzzTestInputs/<method>/} run in every build.
 */
class AzureParsersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void vwanJson(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AzureVwanJsonParser(), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void deviceScript(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AzureDeviceScriptParser(), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void connectionJson(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AzureConnectionJsonParser(), data.consumeRemainingAsBytes());
    }
}
