package io.ipsec4j.config.strongswan;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.model.Tunnel;
import java.util.List;

/**
 * Coverage-guided fuzzing of the swanctl.conf reader: only {@link ConfigParseException} may escape,
 * and the tunnels it imports, written and read again, are the same tunnels. Seeds under
 * {@code SwanctlFuzzTestInputs/read/} run in every build.
 */
class SwanctlFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) throws ConfigParseException {
        StrongSwanImport in;
        try {
            in = SwanctlReader.read(data.consumeRemainingAsBytes(), StrongSwanImportOptions.defaults());
        } catch (ConfigParseException expected) {
            return;
        }
        List<Tunnel> tunnels = in.singleTunnels();
        String again = SwanctlWriter.connections(tunnels, in.redundantPairs(), SwanctlOptions.defaults())
                + SwanctlWriter.secrets(tunnels, in.redundantPairs());
        StrongSwanImport back = SwanctlReader.read(ConfigText.of(again), StrongSwanImportOptions.defaults());
        if (!back.allTunnels().equals(in.allTunnels())) {
            throw new AssertionError("re-reading written tunnels changed them:\n" + again);
        }
    }
}
