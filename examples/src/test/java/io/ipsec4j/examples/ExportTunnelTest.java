package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.model.Tunnel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExportTunnelTest {
    private static byte[] sample() throws Exception {
        try (InputStream in = ExportTunnel.class.getResourceAsStream(ImportCloudConfig.SAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static String print(ExportTunnel.Export e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExportTunnel.print(e, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAwsFileGivesOurSwanctlConfAndTheTunnelOptionsOfBothTunnels() throws Exception {
        CloudImport in = CloudTunnelMapper.importBytes(sample());
        ExportTunnel.Export e = ExportTunnel.export(sample(), Optional.empty(), false);
        assertThat(e.refusals()).isEmpty();
        assertThat(e.cloud()).hasSize(2);
        for (Tunnel t : in.allTunnels()) {
            assertThat(e.swanctl()).contains("remote_addrs = " + t.phaseOne().remotePublicIp());
            assertThat(e.cloud().get(t.name())).contains("\"VpnTunnelOutsideIpAddress\" : \"" + t.phaseOne().remotePublicIp() + "\"",
                    "\"TunnelInsideCidr\" : \"" + t.tunnelInterface().orElseThrow().network() + "\"");
        }
        String out = print(e);
        assertThat(out).contains("# ===== swanctl.conf for our gateway", "# ===== cloud side of");
        for (Tunnel t : in.allTunnels()) {
            assertThat(out).doesNotContain(t.phaseOne().sharedSecret().reveal());
        }
    }

    @Test
    void keysAreWrittenOnlyWithSecrets() throws Exception {
        CloudImport in = CloudTunnelMapper.importBytes(sample());
        ExportTunnel.Export e = ExportTunnel.export(sample(), Optional.empty(), true);
        String key = in.allTunnels().get(0).phaseOne().sharedSecret().reveal();
        assertThat(e.secrets()).hasValueSatisfying(s -> assertThat(s).contains(key));
        assertThat(e.swanctl()).doesNotContain(key);
        assertThat(e.cloud().values().iterator().next()).contains("\"PreSharedKey\"");
    }

    @Test
    void tunnelJsonIsExportedForTheVendorAskedFor() throws Exception {
        Tunnel t = Tour.awsTunnel("branch", "gw-1", "52.29.1.20", "3.120.45.10", "169.254.44.2/30", "169.254.44.1");
        byte[] json = TunnelJson.write(t, SecretOutput.REVEAL).getBytes(StandardCharsets.UTF_8);
        ExportTunnel.Export aws = ExportTunnel.export(json, Optional.of(ExportTunnel.CloudVendor.AWS), false);
        assertThat(aws.swanctl()).contains("remote_addrs = 3.120.45.10", "local_addrs = 52.29.1.20");
        assertThat(aws.cloud().get("branch")).contains("\"Phase1EncryptionAlgorithms\"", "AES256-GCM-16");
        // Azure takes one proposal per phase: the tour's two IKE proposals are refused with the profile's finding.
        ExportTunnel.Export azure = ExportTunnel.export(json, Optional.of(ExportTunnel.CloudVendor.AZURE), false);
        assertThat(azure.cloud()).isEmpty();
        assertThat(azure.refusals()).singleElement().asString().contains("AZURE_ONE_POLICY");
    }
}
