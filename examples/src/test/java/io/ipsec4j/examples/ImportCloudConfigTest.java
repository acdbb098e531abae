package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.CloudImport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportCloudConfigTest {
    @Test
    void theBundledAwsFileImportsAsARedundantPairWithKeysMasked() throws Exception {
        CloudImport result = ImportCloudConfig.importSample();
        assertThat(result.redundantPairs()).hasSize(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportCloudConfig.run(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("AWS Generic text", "vpn-0973f04ab3aaf1566", "1 redundant pair", "PSK ****");
        String psk = result.redundantPairs().get(0).tunnel1().phaseOne().sharedSecret().reveal();
        assertThat(out).doesNotContain(psk);
    }
}
