package io.ipsec4j.config.strongswan;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.model.Cidr;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the ipsec.conf reader: only {@link ConfigParseException} may escape,
 * and the tunnels it imports survive swanctl.conf and back. Seeds under
 * {@code IpsecConfFuzzTestInputs/read/} run in every build.
 */
class IpsecConfFuzzTest {
    private static final StrongSwanImportOptions OPTIONS =
            StrongSwanImportOptions.defaults().withRoutes(Cidr.parse("10.0.0.0/16"));

    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) throws ConfigParseException {
        StrongSwanImport in;
        try {
            in = IpsecConfReader.read(ConfigText.decode(data.consumeRemainingAsBytes()), Optional.empty(), OPTIONS);
        } catch (ConfigParseException expected) {
            return;
        }
        String again = SwanctlWriter.connections(in.singleTunnels(), in.redundantPairs(), SwanctlOptions.defaults())
                + SwanctlWriter.secrets(in.singleTunnels(), in.redundantPairs());
        StrongSwanImport back = SwanctlReader.read(ConfigText.of(again), OPTIONS);
        if (!back.allTunnels().equals(in.allTunnels())) {
            throw new AssertionError("writing and re-reading imported tunnels changed them:\n" + again);
        }
    }
}
