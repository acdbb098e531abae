package io.ipsec4j.config.gcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ParserHarness;

/**
 * Coverage-guided fuzzing of the GCP parser: only {@code ConfigParseException} may escape. Seeds
 * under {@code GcpVpnTunnelParserFuzzTestInputs/vpnTunnel/} run in every build.
 */
class GcpVpnTunnelParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void vpnTunnel(FuzzedDataProvider data) {
        ParserHarness.parseOrTypedError(new GcpVpnTunnelParser(), data.consumeRemainingAsBytes());
    }
}
