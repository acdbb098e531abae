package io.ipsec4j.config.azure;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import org.junit.jupiter.api.Test;

class AzureDeviceScriptParserTest {
    private final AzureDeviceScriptParser parser = new AzureDeviceScriptParser();

    @Test
    void readsTheHeaderBlockOfTheCiscoIosScript() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("azure-devicescript-cisco-ios-1.txt"));

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AZURE_DEVICE_SCRIPT);
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AZURE_VPN_GATEWAY);
        assertThat(c.connectionId()).contains("Connection01");
        assertThat(c.gatewayId()).contains("7627006d-41d9-416b-9fb7-3af00177ace0");
        assertThat(c.customerGatewayId()).contains("LocalNetworkGateway01");
        assertThat(c.tunnels()).hasSize(1);
        CloudTunnel t = c.tunnels().get(0);
        assertThat(t.cloudOutsideAddress()).contains(IpAddress.parse("74.176.139.86"));
        assertThat(t.customerOutsideAddress()).contains(IpAddress.parse("48.218.158.144"));
        assertThat(t.cloudNetworks()).containsExactly(Cidr.parse("10.0.0.0/16"));
        assertThat(t.customerNetworks()).containsExactly(Cidr.parse("10.1.0.0/16"));
        assertThat(t.preSharedKey()).contains(Secret.of("SSss07200270"));
        assertThat(t.routing()).isEqualTo(RoutingType.STATIC);
        assertThat(t.customerAsn()).isEmpty();
        assertThat(t.cloudAsn()).isEmpty();
        assertThat(t.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV2);
        assertThat(t.phase1().encryption()).containsExactly(Encryption.AES256_CBC);
        assertThat(t.phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(t.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t.phase1().lifetimeSeconds()).hasValue(3600);
        assertThat(t.phase2().encryption()).containsExactly(Encryption.AES256_GCM_16);
        assertThat(t.phase2().integrity()).isEmpty();
        assertThat(t.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.NONE);
        assertThat(t.phase2().lifetimeSeconds()).hasValue(3600);
        assertThat(t.phase2().lifetimeKilobytes()).hasValue(102400000L);
        assertThat(t.dpdIntervalSeconds()).hasValue(10);
        assertThat(t.tcpMssAdjustment()).hasValue(1350);
        assertThat(t.sourceOf(CloudField.PRE_SHARED_KEY)).contains(SourceLocation.line(43));
        // BGP placeholders are expected with BGP off: no warnings.
        assertThat(c.warnings()).isEmpty();
        assertThat(c.toString()).doesNotContain("SSss07200270");
    }

    @Test
    void keepsTheScriptsAlgorithmNamesAsWritten() throws ConfigParseException {
        CloudTunnel t = parser.parse(FixtureFiles.cloudConfig("azure-devicescript-cisco-ios-1.txt")).tunnels().get(0);

        assertThat(t.phase1().encryptionNames()).containsExactly("aes-cbc-256");
        assertThat(t.phase1().integrityNames()).containsExactly("sha1");
        assertThat(t.phase1().dhGroupNames()).containsExactly("2");
        assertThat(t.phase2().encryptionNames()).containsExactly("esp-gcm 256");
        assertThat(t.phase2().pfsGroupNames()).containsExactly("none");
        assertThat(t.phase1().encryption()).containsExactly(Encryption.AES256_CBC);
        assertThat(t.phase2().encryption()).containsExactly(Encryption.AES256_GCM_16);
    }

    @Test
    void reportsAnUnknownDeviceNameAsWritten() {
        String script = FixtureFiles.cloudConfigText("azure-devicescript-cisco-ios-1.txt")
                .replace("Encryption algorithm:  aes-cbc-256", "Encryption algorithm:  serpent-cbc-256");

        assertThatThrownBy(() -> parser.parse(script))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("\"serpent-cbc-256\"");
    }

    @Test
    void readsAnActiveActiveGatewayWithBgp() throws ConfigParseException {
        String script = FixtureFiles.cloudConfigText("azure-devicescript-cisco-ios-1.txt")
                .replace("!     + Public IP 1:         74.176.139.86\n",
                        "!     + Public IP 1:         74.176.139.86\n!     + Public IP 2:         74.176.139.87\n")
                .replace("Enable BGP:            False", "Enable BGP:            True")
                .replace("VNG_ASN", "65515").replace("LNG_ASN", "65010").replace("LNG_BGPIP", "10.1.255.1")
                .replace("aes-cbc-256", "aes-cbc-128").replace("Diffie-Hellman group:  2", "Diffie-Hellman group:  14")
                .replace("PFS Group:             none", "PFS Group:             ECP256");

        CloudVpnConnection c = parser.parse(script);

        assertThat(c.tunnels()).hasSize(2);
        assertThat(c.tunnels()).extracting(t -> t.cloudOutsideAddress().orElseThrow().toString())
                .containsExactly("74.176.139.86", "74.176.139.87");
        CloudTunnel t = c.tunnels().get(1);
        assertThat(t.number()).isEqualTo(2);
        assertThat(t.routing()).isEqualTo(RoutingType.BGP);
        assertThat(t.cloudAsn()).contains(Asn.of(65515));
        assertThat(t.customerAsn()).contains(Asn.of(65010));
        assertThat(t.customerBgpAddress()).contains(IpAddress.parse("10.1.255.1"));
        assertThat(t.phase1().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(t.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_2048);
        assertThat(t.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.ECP_256);
    }

    @Test
    void warnsAboutBgpPlaceholdersWhenBgpIsOn() throws ConfigParseException {
        String script = FixtureFiles.cloudConfigText("azure-devicescript-cisco-ios-1.txt").replace("Enable BGP:            False", "Enable BGP:            True");

        CloudVpnConnection c = parser.parse(script);

        assertThat(c.warnings()).filteredOn(w -> w.kind() == ConfigWarning.Kind.PLACEHOLDER).hasSize(3);
    }

    @Test
    void reportsAnUnknownDeviceAlgorithmAtItsLine() {
        String script = FixtureFiles.cloudConfigText("azure-devicescript-cisco-ios-1.txt").replace("esp-gcm 256", "esp-seal");

        assertThatThrownBy(() -> parser.parse(script))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("line 47")
                .hasMessageContaining("esp-seal");
    }
}
