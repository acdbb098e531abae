package io.ipsec4j.config.aws;

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
import io.ipsec4j.config.InsideAddress;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import org.junit.jupiter.api.Test;

class AwsXmlParserTest {
    private final AwsXmlParser parser = new AwsXmlParser();

    @Test
    void readsTheBgpConnectionFieldByField() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-xml-1.xml"));

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_XML);
        assertThat(c.connectionId()).contains("vpn-ba2e34a8");
        assertThat(c.customerGatewayId()).contains("cgw-fb76ace5");
        assertThat(c.gatewayId()).contains("vgw-81fd279f");
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY);
        assertThat(c.algorithmsAreMinimumSet()).isTrue();
        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.customerOutsideAddress()).contains(IpAddress.parse("147.75.69.27"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.15.194/30"));
        assertThat(t1.customerAsn()).contains(Asn.of(65301));
        assertThat(t1.cloudOutsideAddress()).contains(IpAddress.parse("52.27.166.152"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.15.193/30"));
        assertThat(t1.cloudAsn()).contains(Asn.of(65401));
        assertThat(t1.bgpHoldTimeSeconds()).hasValue(30);
        assertThat(t1.bgpNeighborAddress()).contains(IpAddress.parse("169.254.15.193"));
        assertThat(t1.routing()).isEqualTo(RoutingType.BGP);
        assertThat(t1.preSharedKey()).contains(Secret.of("QMP5tKPP5qk95Y1Eee9c_82.MofNUJQV"));
        assertThat(t1.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV1_MAIN);
        assertThat(t1.phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(t1.phase1().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(t1.phase1().lifetimeSeconds()).hasValue(28800);
        assertThat(t1.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.phase2().protocol()).contains("esp");
        assertThat(t1.phase2().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(t1.phase2().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(t1.phase2().lifetimeSeconds()).hasValue(3600);
        assertThat(t1.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.phase2().mode()).contains(EspMode.TUNNEL);
        assertThat(t1.tcpMssAdjustment()).hasValue(1379);
        assertThat(t1.dpdIntervalSeconds()).hasValue(10);
        assertThat(t1.dpdRetries()).hasValue(3);
        assertThat(t1.sourceOf(CloudField.PRE_SHARED_KEY))
                .contains(SourceLocation.xpath("/vpn_connection/ipsec_tunnel/ike/pre_shared_key", 41));
        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.customerInsideAddress()).contains(InsideAddress.parse("169.254.13.238/30"));
        assertThat(t2.cloudOutsideAddress()).contains(IpAddress.parse("52.39.121.126"));
        assertThat(t2.cloudInsideAddress()).contains(InsideAddress.parse("169.254.13.237/30"));
        assertThat(t2.preSharedKey()).contains(Secret.of("tYrysT4iT0.CRwQnhiBbng.BahDc7YPq"));
        assertThat(t2.location().xpathExpression()).contains("/vpn_connection/ipsec_tunnel[2]");
        assertThat(c.warnings()).extracting(ConfigWarning::kind).containsExactly(ConfigWarning.Kind.MINIMUM_ALGORITHM_SET);
    }

    @Test
    void readsTheStaticConnectionInXmlOrder() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-xml-3.xml"));

        assertThat(c.connectionId()).contains("vpn-05044757278685fd3");
        assertThat(c.customerGatewayId()).contains("cgw-0e0d620a3ae284684");
        assertThat(c.gatewayId()).contains("vgw-070087240d6fa2989");
        // XML order is kept: 3.13.210.90 first, although "18…" sorts first as a string.
        assertThat(c.tunnels()).extracting(t -> t.cloudOutsideAddress().orElseThrow().toString())
                .containsExactly("3.13.210.90", "18.221.157.90");
        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.routing()).isEqualTo(RoutingType.STATIC);
        assertThat(t1.customerOutsideAddress()).contains(IpAddress.parse("1.1.1.1"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.58.234/30"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.58.233/30"));
        assertThat(t1.staticNextHop()).contains(IpAddress.parse("169.254.58.233"));
        assertThat(t1.customerAsn()).isEmpty();
        assertThat(t1.cloudAsn()).isEmpty();
        assertThat(t1.preSharedKey()).contains(Secret.of("k1TInAs3HRuiwr3Nosj4kbtsHGi3pJfN"));
        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.customerInsideAddress()).contains(InsideAddress.parse("169.254.58.222/30"));
        assertThat(t2.cloudInsideAddress()).contains(InsideAddress.parse("169.254.58.221/30"));
        assertThat(t2.preSharedKey()).contains(Secret.of(".HvvlxKZp3rEMWoh8IvkPeucmPoaAhLG"));
    }

    @Test
    void recognisesATransitGatewayByTheEmptyGatewayElement() throws ConfigParseException {
        String tgw = FixtureFiles.cloudConfigText("aws-xml-1.xml").replace("<vpn_gateway_id>vgw-81fd279f</vpn_gateway_id>",
                "<vpn_gateway_id></vpn_gateway_id>");

        CloudVpnConnection c = parser.parse(tgw);

        assertThat(c.gatewayId()).isEmpty();
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN);
    }

    @Test
    void acceptsASingleTunnelAndUnknownElementsWithWarnings() throws ConfigParseException {
        String xml = FixtureFiles.cloudConfigText("aws-xml-3.xml");
        int second = xml.indexOf("<ipsec_tunnel>", xml.indexOf("</ipsec_tunnel>"));
        String single = xml.substring(0, second) + "</vpn_connection>";
        single = single.replace("<vpn_connection_type>", "<ipv4_network_cidr_local>10.0.0.0/8</ipv4_network_cidr_local>\n  <vpn_connection_type>");

        CloudVpnConnection c = parser.parse(single);

        assertThat(c.tunnels()).hasSize(1);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.TUNNEL_COUNT);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.UNKNOWN_FIELD
                && w.message().contains("ipv4_network_cidr_local"));
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<vpn_connection id=\"vpn-1\"><customer_gateway_id>&xxe;</customer_gateway_id></vpn_connection>";

        assertThatThrownBy(() -> parser.parse(xxe))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("DTD")
                .hasMessageContaining("line 2");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
                + " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<vpn_connection>&lol2;</vpn_connection>";

        assertThatThrownBy(() -> parser.parse(laughs)).isInstanceOf(ConfigParseException.class).hasMessageContaining("DTD");
    }

    @Test
    void reportsMalformedXmlWithItsPositionButWithoutItsText() {
        String broken = FixtureFiles.cloudConfigText("aws-xml-1.xml").replace("</pre_shared_key>", "</pre_shared_kez>");

        assertThatThrownBy(() -> parser.parse(broken))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("invalid XML")
                .hasMessageContaining("line 41")
                .hasMessageNotContaining("QMP5tKPP5qk95Y1Eee9c_82.MofNUJQV");
    }

    @Test
    void reportsAnUnknownAlgorithmAtItsXPath() {
        String xml = FixtureFiles.cloudConfigText("aws-xml-1.xml").replaceFirst("<encryption_protocol>aes-128-cbc</encryption_protocol>",
                "<encryption_protocol>aes-512-cbc</encryption_protocol>");

        assertThatThrownBy(() -> parser.parse(xml))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("XPath /vpn_connection/ipsec_tunnel/ike/encryption_protocol")
                .hasMessageContaining("aes-512-cbc");
    }

    @Test
    void refusesAnotherRootElement() {
        assertThatThrownBy(() -> parser.parse("<vpn_gateway/>"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("<vpn_connection>");
    }
}
