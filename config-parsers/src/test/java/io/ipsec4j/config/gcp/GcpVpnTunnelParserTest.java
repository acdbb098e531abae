package io.ipsec4j.config.gcp;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import org.junit.jupiter.api.Test;

class GcpVpnTunnelParserTest {
    /** Two HA VPN tunnels as {@code gcloud compute vpn-tunnels list --format=json} prints them. */
    static final String HA_PAIR = """
            [
              {"kind": "compute#vpnTunnel", "id": "1", "name": "ha-tunnel-0", "region": "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1",
               "vpnGateway": "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1/vpnGateways/ha-gw", "vpnGatewayInterface": 0,
               "peerExternalGateway": "https://www.googleapis.com/compute/v1/projects/p/global/externalVpnGateways/peer", "peerExternalGatewayInterface": 0,
               "peerIp": "203.0.113.5", "sharedSecret": "*", "sharedSecretHash": "AbC", "ikeVersion": 2,
               "router": "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1/routers/r1",
               "localTrafficSelector": ["0.0.0.0/0"], "remoteTrafficSelector": ["0.0.0.0/0"], "status": "ESTABLISHED",
               "cipherSuite": {"phase1": {"encryption": ["AES-GCM-16-256"], "integrity": [], "prf": ["PRF-HMAC-SHA2-256"], "dh": ["Group-14", "modp_2048_224"]},
                               "phase2": {"encryption": ["AES-GCM-16-128"], "integrity": [], "pfs": ["Group-19"]}}},
              {"kind": "compute#vpnTunnel", "id": "2", "name": "ha-tunnel-1",
               "vpnGateway": "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1/vpnGateways/ha-gw", "vpnGatewayInterface": 1,
               "peerIp": "203.0.113.6", "sharedSecret": "*", "sharedSecretHash": "DeF", "ikeVersion": 2,
               "router": "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1/routers/r1"}
            ]
            """;

    private final GcpVpnTunnelParser parser = new GcpVpnTunnelParser();

    @Test
    void readsTheClassicTunnelWrappedByCloudMc() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("gcp-vpntunnel-cloudmc-1.json"));

        assertThat(c.format()).isEqualTo(CloudConfigFormat.GCP_VPN_TUNNEL_JSON);
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.GCP_CLASSIC_VPN_GATEWAY);
        assertThat(c.gatewayId()).contains("https://www.googleapis.com/compute/v1/projects/test-area/regions/us-central1/targetVpnGateways/test-vpn-gw");
        assertThat(c.connectionId()).contains("vt-test-epk");
        CloudTunnel t = c.tunnels().get(0);
        assertThat(t.group()).isEqualTo("test-vpn-gw");
        assertThat(t.customerOutsideAddress()).contains(IpAddress.parse("69.196.164.138"));
        assertThat(t.cloudOutsideAddress()).contains(IpAddress.parse("34.66.131.105"));
        assertThat(t.preSharedKey()).isEmpty();
        assertThat(t.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV2);
        assertThat(t.cloudNetworks()).containsExactly(Cidr.parse("10.128.0.0/20"));
        assertThat(t.customerNetworks()).containsExactly(Cidr.parse("10.177.132.0/22"));
        assertThat(t.routing()).isEqualTo(RoutingType.POLICY_BASED);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.MISSING_INFORMATION && w.message().contains("masked"));
    }

    @Test
    void readsAnHaPairWithItsCipherSuite() throws ConfigParseException {
        CloudVpnConnection c = CloudConfigReader.read(HA_PAIR);

        assertThat(c.format()).isEqualTo(CloudConfigFormat.GCP_VPN_TUNNEL_JSON);
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.GCP_HA_VPN_GATEWAY);
        assertThat(c.tunnels()).hasSize(2);
        assertThat(c.groups()).containsExactly("ha-gw");
        CloudTunnel t0 = c.tunnels().get(0);
        assertThat(t0.number()).isEqualTo(1);
        assertThat(t0.routing()).isEqualTo(RoutingType.BGP);
        assertThat(t0.phase1().encryption()).containsExactly(Encryption.AES256_GCM_16);
        assertThat(t0.phase1().prf()).containsExactly(PrfAlgorithm.HMAC_SHA2_256);
        assertThat(t0.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.MODP_2048_S224);
        assertThat(t0.phase2().encryption()).containsExactly(Encryption.AES128_GCM_16);
        assertThat(t0.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.ECP_256);
        assertThat(t0.phase1().integrity()).isEmpty();
        CloudTunnel t1 = c.tunnels().get(1);
        assertThat(t1.number()).isEqualTo(2);
        assertThat(t1.customerOutsideAddress()).contains(IpAddress.parse("203.0.113.6"));
        assertThat(t1.phase1().encryption()).isEmpty();
    }

    @Test
    void rejectsJsonWithComments() {
        String jsonc = "{\n  // HA VPN gateway tunnel\n  \"kind\": \"compute#vpnTunnel\", \"peerIp\": \"203.0.113.5\",\n"
                + "  \"sharedSecretHash\": \"x\", \"ikeVersion\": 2\n}";

        assertThatThrownBy(() -> CloudConfigReader.read(jsonc))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("GCP compute#vpnTunnel JSON")
                .hasMessageContaining("line 2, column 3")
                .hasMessageContaining("without comments");
    }

    @Test
    void reportsAnUnknownCipherAtItsPointer() {
        assertThatThrownBy(() -> CloudConfigReader.read(HA_PAIR.replace("HMAC-SHA2-256\"", "HMAC-SHA2-257\"")
                        .replace("\"prf\": [\"PRF-HMAC-SHA2-256\"]", "\"prf\": [\"PRF-HMAC-SHA2-257\"]")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/0/cipherSuite/phase1/prf")
                .hasMessageContaining("PRF-HMAC-SHA2-257");
    }

    @Test
    void readsIntegrityListsForCbcCiphers() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(HA_PAIR.replace("\"AES-GCM-16-256\"], \"integrity\": []",
                "\"AES-CBC-256\"], \"integrity\": [\"HMAC-SHA2-256-128\"]"));

        assertThat(c.tunnels().get(0).phase1().encryption()).containsExactly(Encryption.of(
                io.ipsec4j.model.algorithm.EncryptionAlgorithm.AES_CBC, 256));
        assertThat(c.tunnels().get(0).phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_256_128);
    }
}
