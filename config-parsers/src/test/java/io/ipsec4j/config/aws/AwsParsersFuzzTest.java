package io.ipsec4j.config.aws;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ParserHarness;

/**
 * Coverage-guided fuzzing of the AWS parsers: only {@code ConfigParseException} may escape. Seeds
 * under {@code AwsParsersFuzzTestInputs/<method>/} run in every build.
 */
class AwsParsersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void genericText(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AwsGenericTextParser(), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void xml(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AwsXmlParser(), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void apiJson(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AwsApiJsonParser(), data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "30s")
    void tunnelOptions(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new AwsTunnelOptionsParser(), data.consumeRemainingAsBytes());
    }
}
