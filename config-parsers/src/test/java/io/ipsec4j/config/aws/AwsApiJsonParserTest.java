package io.ipsec4j.config.aws;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.InsideAddress;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import org.junit.jupiter.api.Test;

class AwsApiJsonParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AwsApiJsonParser parser = new AwsApiJsonParser();

    /** describe-vpn-connections with the XML of aws-xml-3 and custom options for its second tunnel. */
    static String describeOutput() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putArray("VpnConnections").addObject();
        c.put("CustomerGatewayConfiguration", FixtureFiles.cloudConfigText("aws-xml-3.xml"));
        c.put("CustomerGatewayId", "cgw-0e0d620a3ae284684");
        c.put("Category", "VPN");
        c.put("State", "available");
        c.put("Type", "ipsec.1");
        c.put("VpnConnectionId", "vpn-05044757278685fd3");
        c.put("VpnGatewayId", "vgw-070087240d6fa2989");
        ObjectNode options = c.putObject("Options");
        options.put("EnableAcceleration", false);
        options.put("StaticRoutesOnly", true);
        options.put("LocalIpv4NetworkCidr", "192.168.0.0/16");
        options.put("RemoteIpv4NetworkCidr", "10.0.0.0/16");
        options.put("OutsideIpAddressType", "PublicIpv4");
        options.put("TunnelInsideIpVersion", "ipv4");
        ArrayNode tunnels = options.putArray("TunnelOptions");
        ObjectNode custom = tunnels.addObject();
        custom.put("OutsideIpAddress", "18.221.157.90");
        custom.put("TunnelInsideCidr", "169.254.58.220/30");
        custom.put("Phase1LifetimeSeconds", 14400);
        custom.put("Phase2LifetimeSeconds", 1800);
        custom.put("ReplayWindowSize", 1024);
        custom.put("DpdTimeoutSeconds", 40);
        custom.put("DpdTimeoutAction", "restart");
        custom.put("StartupAction", "start");
        custom.putArray("Phase1EncryptionAlgorithms").addObject().put("Value", "AES256-GCM-16");
        custom.putArray("Phase2EncryptionAlgorithms").addObject().put("Value", "AES256");
        custom.putArray("Phase1IntegrityAlgorithms").addObject().put("Value", "SHA2-256");
        custom.putArray("Phase2IntegrityAlgorithms").addObject().put("Value", "SHA2-512");
        ArrayNode dh = custom.putArray("Phase1DHGroupNumbers");
        dh.addObject().put("Value", 14);
        dh.addObject().put("Value", 20);
        custom.putArray("Phase2DHGroupNumbers").addObject().put("Value", 19);
        custom.putArray("IkeVersions").addObject().put("Value", "ikev2");
        tunnels.addObject().put("OutsideIpAddress", "3.13.210.90").put("TunnelInsideCidr", "169.254.58.232/30");
        return root.toString();
    }

    @Test
    void letsTunnelOptionsOverrideTheMinimumSetOfTheEmbeddedXml() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(describeOutput());

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_API_JSON);
        assertThat(c.connectionId()).contains("vpn-05044757278685fd3");
        assertThat(c.gatewayId()).contains("vgw-070087240d6fa2989");
        assertThat(c.customerGatewayId()).contains("cgw-0e0d620a3ae284684");
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY);
        assertThat(c.algorithmsAreMinimumSet()).isFalse();
        assertThat(c.warnings()).noneMatch(w -> w.kind() == ConfigWarning.Kind.MINIMUM_ALGORITHM_SET);
        assertThat(c.tunnels()).hasSize(2);

        CloudTunnel first = c.tunnels().get(0);
        assertThat(first.cloudOutsideAddress()).contains(IpAddress.parse("3.13.210.90"));
        assertThat(first.preSharedKey()).contains(Secret.of("k1TInAs3HRuiwr3Nosj4kbtsHGi3pJfN"));
        assertThat(first.phase1().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(first.routing()).isEqualTo(RoutingType.STATIC);
        assertThat(first.customerNetworks()).containsExactly(Cidr.parse("192.168.0.0/16"));
        assertThat(first.cloudNetworks()).containsExactly(Cidr.parse("10.0.0.0/16"));

        CloudTunnel custom = c.tunnels().get(1);
        assertThat(custom.cloudOutsideAddress()).contains(IpAddress.parse("18.221.157.90"));
        assertThat(custom.preSharedKey()).contains(Secret.of(".HvvlxKZp3rEMWoh8IvkPeucmPoaAhLG"));
        assertThat(custom.cloudInsideAddress()).contains(InsideAddress.parse("169.254.58.221/30"));
        assertThat(custom.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV2);
        assertThat(custom.phase1().encryption()).containsExactly(Encryption.AES256_GCM_16);
        assertThat(custom.phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_256_128);
        assertThat(custom.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.ECP_384);
        assertThat(custom.phase1().lifetimeSeconds()).hasValue(14400);
        assertThat(custom.phase2().encryption()).containsExactly(Encryption.AES256_CBC);
        assertThat(custom.phase2().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_512_256);
        assertThat(custom.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.ECP_256);
        assertThat(custom.phase2().lifetimeSeconds()).hasValue(1800);
        assertThat(custom.phase2().replayWindowPackets()).hasValue(1024);
        assertThat(custom.dpdTimeoutSeconds()).hasValue(40);
        assertThat(custom.dpdAction()).contains(DpdAction.RESTART);
        assertThat(custom.startupAction()).contains("start");
    }

    @Test
    void buildsTunnelsFromOptionsAloneForATransitGateway() throws ConfigParseException {
        String json = """
                {"VpnConnection": {"VpnConnectionId": "vpn-0123456789abcdef0", "TransitGatewayId": "tgw-0aa",
                  "CustomerGatewayId": "cgw-0bb", "Options": {"StaticRoutesOnly": false, "TunnelOptions": [
                    {"OutsideIpAddress": "203.0.113.1", "TunnelInsideCidr": "169.254.100.0/30", "PreSharedKey": "Abcdefgh.12345678"},
                    {"OutsideIpAddress": "203.0.113.2", "TunnelInsideIpv6Cidr": "fd00::/126", "PreSharedKey": "Zyxwvuts.87654321"}]}}}
                """;

        CloudVpnConnection c = CloudConfigReader.read(json);

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_API_JSON);
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_TRANSIT_GATEWAY);
        assertThat(c.gatewayId()).contains("tgw-0aa");
        assertThat(c.tunnels()).hasSize(2);
        assertThat(c.tunnels().get(0).cloudInsideAddress()).contains(InsideAddress.parse("169.254.100.1/30"));
        assertThat(c.tunnels().get(0).customerInsideAddress()).contains(InsideAddress.parse("169.254.100.2/30"));
        assertThat(c.tunnels().get(0).routing()).isEqualTo(RoutingType.BGP);
        assertThat(c.tunnels().get(1).cloudInsideAddress()).contains(InsideAddress.parse("fd00::1/126"));
        assertThat(c.tunnels().get(1).preSharedKey()).contains(Secret.of("Zyxwvuts.87654321"));
        assertThat(c.toString()).doesNotContain("Zyxwvuts");
    }

    @Test
    void reportsProblemsOfTheEmbeddedXmlAtItsJsonPointer() {
        String json = "{\"VpnConnections\": [{\"VpnConnectionId\": \"vpn-1\", \"CustomerGatewayConfiguration\": \"<vpn_connection>\"}]}";

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/VpnConnections/0/CustomerGatewayConfiguration")
                .hasMessageContaining("invalid XML");
    }

    @Test
    void reportsAnUnknownAlgorithmAtItsJsonPointer() {
        String json = describeOutput().replace("SHA2-512", "SHA3-512");

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/VpnConnections/0/Options/TunnelOptions/0/Phase2IntegrityAlgorithms")
                .hasMessageContaining("SHA3-512");
    }
}
