package io.ipsec4j.config.json;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ConfigParseException;

/**
 * Coverage-guided fuzzing of the tunnel document reader: only {@link ConfigParseException} may
 * escape, and what it reads writes back to a document it reads again. Seeds under
 * {@code TunnelJsonFuzzTestInputs/read/} run in every build.
 */
class TunnelJsonFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) throws ConfigParseException {
        TunnelDocument doc;
        try {
            doc = TunnelJson.read(data.consumeRemainingAsBytes());
        } catch (ConfigParseException expected) {
            return;
        }
        TunnelDocument again = TunnelJson.read(TunnelJson.write(doc, SecretOutput.REVEAL));
        if (!again.equals(doc)) {
            throw new AssertionError("re-reading a written document changed it");
        }
    }
}
