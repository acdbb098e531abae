package io.ipsec4j.config.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import org.junit.jupiter.api.Test;

class AzureConnectionJsonParserTest {
    /** Shaped like azure-rest-api-specs VirtualNetworkGatewayConnectionGet.json (2023-09-01), response body. */
    static final String CONNECTION = """
            {
              "name": "connS2S",
              "id": "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/connections/connS2S",
              "type": "Microsoft.Network/connections",
              "location": "centralus",
              "properties": {
                "virtualNetworkGateway1": {"id": "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworkGateways/vpngw"},
                "localNetworkGateway2": {"id": "/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/localNetworkGateways/localgw"},
                "connectionType": "IPsec",
                "connectionProtocol": "IKEv2",
                "routingWeight": 0,
                "dpdTimeoutSeconds": 30,
                "sharedKey": "Abc123.def456_ghi789",
                "enableBgp": false,
                "usePolicyBasedTrafficSelectors": true,
                "ipsecPolicies": [{"saLifeTimeSeconds": 27000, "saDataSizeKilobytes": 102400000, "ipsecEncryption": "GCMAES256",
                  "ipsecIntegrity": "GCMAES256", "ikeEncryption": "AES256", "ikeIntegrity": "SHA384", "dhGroup": "DHGroup24",
                  "pfsGroup": "PFSMM"}],
                "trafficSelectorPolicies": [{"localAddressRanges": ["10.10.0.0/16"], "remoteAddressRanges": ["192.168.1.0/24", "192.168.2.0/24"]}],
                "connectionMode": "Default",
                "provisioningState": "Succeeded"
              }
            }
            """;

    @Test
    void readsThePolicyOfAnArmConnection() throws ConfigParseException {
        CloudVpnConnection c = CloudConfigReader.read(CONNECTION);

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AZURE_CONNECTION_JSON);
        assertThat(c.connectionId()).contains("/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/connections/connS2S");
        assertThat(c.gatewayId()).hasValueSatisfying(id -> assertThat(id).endsWith("/virtualNetworkGateways/vpngw"));
        assertThat(c.customerGatewayId()).hasValueSatisfying(id -> assertThat(id).endsWith("/localNetworkGateways/localgw"));
        CloudTunnel t = c.tunnels().get(0);
        assertThat(t.group()).isEqualTo("connS2S");
        assertThat(t.preSharedKey()).contains(Secret.of("Abc123.def456_ghi789"));
        assertThat(t.dpdTimeoutSeconds()).hasValue(30);
        assertThat(t.routing()).isEqualTo(RoutingType.POLICY_BASED);
        assertThat(t.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV2);
        assertThat(t.phase1().encryption()).containsExactly(Encryption.AES256_CBC);
        assertThat(t.phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_384_192);
        assertThat(t.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_2048_S256);
        assertThat(t.phase2().encryption()).containsExactly(Encryption.AES256_GCM_16);
        assertThat(t.phase2().integrity()).containsExactly(IntegrityAlgorithm.NONE);
        assertThat(t.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.MODP_2048_S256);
        assertThat(t.phase2().lifetimeSeconds()).hasValue(27000);
        assertThat(t.phase2().lifetimeKilobytes()).hasValue(102400000L);
        assertThat(t.cloudNetworks()).containsExactly(Cidr.parse("10.10.0.0/16"));
        assertThat(t.customerNetworks()).containsExactly(Cidr.parse("192.168.1.0/24"), Cidr.parse("192.168.2.0/24"));
        assertThat(t.cloudOutsideAddress()).isEmpty();
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.MISSING_INFORMATION && w.message().contains("public IPs"));
    }

    @Test
    void unwrapsARestExampleFile() throws ConfigParseException {
        String example = "{\"parameters\": {}, \"responses\": {\"200\": {\"body\": " + CONNECTION + "}}}";

        assertThat(CloudConfigReader.read(example).tunnels().get(0).group()).isEqualTo("connS2S");
    }

    @Test
    void refusesOtherConnectionTypes() {
        assertThatThrownBy(() -> new AzureConnectionJsonParser().parse(CONNECTION.replace("\"IPsec\"", "\"ExpressRoute\"")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/properties/connectionType")
                .hasMessageContaining("ExpressRoute");
    }

    @Test
    void reportsAnUnknownPolicyValueAtItsPointer() {
        assertThatThrownBy(() -> new AzureConnectionJsonParser().parse(CONNECTION.replace("DHGroup24", "DHGroup99")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/properties/ipsecPolicies/0/dhGroup")
                .hasMessageContaining("DHGroup99");
    }
}
