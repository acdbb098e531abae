package io.ipsec4j.config.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.check.VendorProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AzureIpsecPolicyWriterTest {
    private static final String PSK = "Kx7pQ2mZr9VtLw4sNb8cYd3F";

    static Tunnel tunnel(String ike, String esp, long bytes) {
        return Tunnel.builder().name("onprem").gateway("gw-1")
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(PSK))
                        .remotePublicIp(IpAddress.parse("198.18.0.10")).lifetime(Lifetime.ofSeconds(28_800))
                        .addProposals(IkeProposal.parse(ike)).build())
                .phaseTwo(PhaseTwo.builder().addProposals(EspProposal.parse(esp))
                        .lifetime(Lifetime.builder().time(Duration.ofSeconds(27_000)).bytes(bytes).build())
                        .addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"), TrafficSelector.parse("10.3.0.0/16")).build())
                .routing(RoutingMode.POLICY_BASED).build();
    }

    @Test
    void writesAzuresSpellingsInArmAndPowerShell() throws Exception {
        Tunnel t = tunnel("aes256-sha384-ecp384", "aes256gcm16-modp2048", 102_400_000L * 1024);
        String json = AzureIpsecPolicyWriter.connectionJson(t, VendorProfiles.AZURE, SecretOutput.REDACT).replaceAll("\\s+", "");
        assertThat(json).contains("\"ipsecPolicies\":[{\"saLifeTimeSeconds\":27000,\"saDataSizeKilobytes\":102400000,"
                + "\"ipsecEncryption\":\"GCMAES256\",\"ipsecIntegrity\":\"GCMAES256\",\"ikeEncryption\":\"AES256\","
                + "\"ikeIntegrity\":\"SHA384\",\"dhGroup\":\"ECP384\",\"pfsGroup\":\"PFS2048\"}]")
                .contains("\"trafficSelectorPolicies\":[{\"localAddressRanges\":[\"10.2.0.0/16\",\"10.3.0.0/16\"],"
                        + "\"remoteAddressRanges\":[\"10.1.0.0/16\"]}]")
                .contains("\"usePolicyBasedTrafficSelectors\":true").doesNotContain(PSK);
        assertThat(AzureIpsecPolicyWriter.powerShell(t, VendorProfiles.AZURE)).isEqualTo(
                "$policy = New-AzIpsecPolicy -IkeEncryption AES256 -IkeIntegrity SHA384 -DhGroup ECP384"
                        + " -IpsecEncryption GCMAES256 -IpsecIntegrity GCMAES256 -PfsGroup PFS2048 -SALifeTimeSeconds 27000"
                        + " -SADataSizeKilobytes 102400000\n"
                        + "$selectors = New-AzTrafficSelectorPolicy -LocalAddressRange @(\"10.2.0.0/16\",\"10.3.0.0/16\")"
                        + " -RemoteAddressRange @(\"10.1.0.0/16\")\n");
    }

    @Test
    void virtualWanSpellsGroup14Pfs14AndVpnGatewayDhGroup14() throws Exception {
        Tunnel t = tunnel("aes256-sha256-modp2048", "aes256-sha256-modp2048", 1024L * 1024);
        assertThat(AzureIpsecPolicyWriter.powerShell(t, VendorProfiles.AZURE_VWAN)).contains("-DhGroup DHGroup14", "-PfsGroup PFS14");
        assertThat(AzureIpsecPolicyWriter.powerShell(t, VendorProfiles.AZURE)).contains("-PfsGroup PFS2048");
    }

    @Test
    void refusesWhatAzureRefusesWithTheProfilesFindings() {
        Tunnel twoProposals = Tunnel.builder().from(tunnel("aes256-sha256-modp2048", "aes256-sha256-modp2048", 2048L * 1024))
                .phaseOne(PhaseOne.builder().from(tunnel("aes256-sha256-modp2048", "aes256-sha256-modp2048", 2048L * 1024).phaseOne())
                        .addProposals(IkeProposal.parse("aes128-sha1-modp1024")).build()).build();
        assertThatThrownBy(() -> AzureIpsecPolicyWriter.connectionJson(twoProposals, VendorProfiles.AZURE, SecretOutput.REVEAL))
                .isInstanceOf(VendorRefusedException.class).hasMessageContaining("AZURE_ONE_POLICY").hasMessageNotContaining(PSK)
                .satisfies(e -> assertThat(((VendorRefusedException) e).findings()).extracting(Finding::code).contains("AZURE_ONE_POLICY"));
        Tunnel odd = tunnel("aes256-sha256-modp2048", "aes256-sha256-modp2048", 1_048_577);
        assertThatThrownBy(() -> AzureIpsecPolicyWriter.powerShell(odd, VendorProfiles.AZURE))
                .isInstanceOf(VendorRefusedException.class).hasMessageContaining("AZURE_SA_DATA_SIZE_KILOBYTES");
    }
}
