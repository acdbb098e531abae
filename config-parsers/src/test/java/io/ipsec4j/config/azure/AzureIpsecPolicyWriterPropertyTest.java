package io.ipsec4j.config.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.CloudWriterGenerators;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.check.VendorProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every tunnel an Azure VPN Gateway policy accepts is written as ARM JSON, read back by the
 * existing {@link AzureConnectionJsonParser} (the public IP, which lives in the gateway resource,
 * added as an importer would) to the same policy values, and written again identically.
 */
class AzureIpsecPolicyWriterPropertyTest {
    static String write(Tunnel t) {
        try {
            return AzureIpsecPolicyWriter.connectionJson(t, VendorProfiles.AZURE, SecretOutput.REVEAL);
        } catch (VendorRefusedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Tunnel readBack(String json, Tunnel original) {
        try {
            CloudVpnConnection c = CloudConfigReader.read(json);
            assertThat(c.format()).isEqualTo(CloudConfigFormat.AZURE_CONNECTION_JSON);
            CloudTunnel withIp = CloudTunnel.builder().from(c.tunnels().get(0))
                    .cloudOutsideAddress(original.phaseOne().remotePublicIp()).build();
            CloudImport in = CloudTunnelMapper.map(CloudVpnConnection.builder().from(c).tunnels(List.of(withIp)).build(),
                    CloudWriterGenerators.importOptions(original));
            // Harmony SASE is our side's profile, not the cloud's: its refusals are not the writer's concern.
            assertThat(in.findings(Severity.ERROR)).as(json)
                    .filteredOn(f -> !f.origin().equals(VendorProfiles.HARMONY_SASE.name())).isEmpty();
            assertThat(in.allTunnels()).as(json).hasSize(1);
            return in.allTunnels().get(0);
        } catch (ConfigParseException e) {
            throw new AssertionError(e.getMessage() + "\n" + json, e);
        }
    }

    @Test
    void generatedTunnelsAreAcceptedByTheAzureProfile() {
        qt().withExamples(200).forAll(CloudWriterGenerators.azureTunnels()).checkAssert(t ->
                assertThat(VendorProfiles.AZURE.check(t)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty());
    }

    @Test
    void policiesReadBackToTheSameValues() {
        qt().withExamples(300).forAll(CloudWriterGenerators.azureTunnels()).checkAssert(t -> {
            String json = write(t);
            Tunnel back = readBack(json, t);
            assertThat(back.phaseOne().ikeVersion()).isEqualTo(t.phaseOne().ikeVersion());
            assertThat(back.phaseOne().sharedSecret()).isEqualTo(t.phaseOne().sharedSecret());
            assertThat(back.phaseOne().proposals()).isEqualTo(t.phaseOne().proposals());
            assertThat(back.phaseOne().lifetime()).isEqualTo(t.phaseOne().lifetime());
            assertThat(back.phaseTwo().proposals()).isEqualTo(t.phaseTwo().proposals());
            assertThat(back.phaseTwo().lifetime().time()).isEqualTo(t.phaseTwo().lifetime().time());
            assertThat(back.phaseTwo().lifetime().bytes().getAsLong()).isEqualTo(t.phaseTwo().lifetime().bytes()
                    .orElse(AzureIpsecPolicyWriter.DEFAULT_SA_DATA_SIZE_KILOBYTES * 1024));
            assertThat(back.phaseTwo().dpd().map(Dpd::timeout)).isEqualTo(t.phaseTwo().dpd().map(Dpd::timeout));
            assertThat(back.routing()).isEqualTo(t.routing());
            assertThat(back.routes()).isEqualTo(t.routes());
            assertThat(back.phaseTwo().localSubnets()).isEqualTo(t.phaseTwo().localSubnets());
            assertThat(back.phaseTwo().remoteSubnets()).isEqualTo(t.phaseTwo().remoteSubnets());
            assertThat(write(Tunnel.builder().from(back).name(t.name()).build())).isEqualTo(json);
        });
    }

    @Test
    void theKeyIsWrittenOnlyOnRequest() {
        qt().withExamples(100).forAll(CloudWriterGenerators.azureTunnels()).checkAssert(t -> {
            try {
                assertThat(AzureIpsecPolicyWriter.connectionJson(t, VendorProfiles.AZURE, SecretOutput.REDACT))
                        .doesNotContain(t.phaseOne().sharedSecret().reveal()).doesNotContain("sharedKey");
                assertThat(AzureIpsecPolicyWriter.powerShell(t, VendorProfiles.AZURE))
                        .doesNotContain(t.phaseOne().sharedSecret().reveal());
            } catch (VendorRefusedException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }
}
