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
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsGenericTextParserTest {
    private final AwsGenericTextParser parser = new AwsGenericTextParser();

    private static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    @Test
    void readsTheStaticRoutingDownloadFieldByField() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-generic-1.txt"));

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_GENERIC_TEXT);
        assertThat(c.connectionId()).contains("vpn-0e69d9ffe151c77f1");
        assertThat(c.gatewayId()).contains("vgw-03cb3677597186021");
        assertThat(c.customerGatewayId()).contains("cgw-0286131fe859c1af8");
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY);
        assertThat(c.formatVersion()).contains("2009-07-15-1119716");
        assertThat(c.algorithmsAreMinimumSet()).isTrue();
        assertThat(c.tunnels()).hasSize(2);

        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.number()).isEqualTo(1);
        assertThat(t1.group()).isEqualTo("vpn-0e69d9ffe151c77f1");
        assertThat(t1.preSharedKey()).contains(Secret.of("lWVkkCV.qmaQloTFG3EpIWOPtmMkS_bd"));
        assertThat(t1.customerOutsideAddress()).contains(ip("3.34.214.63"));
        assertThat(t1.cloudOutsideAddress()).contains(ip("18.180.179.172"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.55.18/30"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.55.17/30"));
        assertThat(t1.routing()).isEqualTo(RoutingType.STATIC);
        assertThat(t1.staticNextHop()).contains(ip("169.254.55.17"));
        assertThat(t1.customerAsn()).isEmpty();
        assertThat(t1.cloudAsn()).isEmpty();
        assertThat(t1.mtu()).hasValue(1436);
        assertThat(t1.tcpMssAdjustment()).hasValue(1379);
        assertThat(t1.dpdIntervalSeconds()).hasValue(10);
        assertThat(t1.dpdRetries()).hasValue(3);
        assertThat(t1.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV1_MAIN);
        assertThat(t1.phase1().authenticationMethod()).contains("Pre-Shared Key");
        assertThat(t1.phase1().encryptionNames()).containsExactly("aes-128-cbc");
        assertThat(t1.phase1().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(t1.phase1().integrityNames()).containsExactly("sha1");
        assertThat(t1.phase1().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(t1.phase1().dhGroupNames()).containsExactly("Group 2");
        assertThat(t1.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.phase1().lifetimeSeconds()).hasValue(28800);
        assertThat(t1.phase2().protocol()).contains("esp");
        assertThat(t1.phase2().mode()).contains(EspMode.TUNNEL);
        assertThat(t1.phase2().encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(t1.phase2().integrityNames()).containsExactly("hmac-sha1-96");
        assertThat(t1.phase2().integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(t1.phase2().pfsGroupNames()).containsExactly("Diffie-Hellman Group 2");
        assertThat(t1.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.phase2().lifetimeSeconds()).hasValue(3600);
        assertThat(t1.sourceOf(CloudField.PRE_SHARED_KEY)).contains(SourceLocation.line(35));
        assertThat(t1.sourceOf(CloudField.CLOUD_OUTSIDE_ADDRESS)).contains(SourceLocation.line(93));
        assertThat(t1.location()).isEqualTo(SourceLocation.line(19));

        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.number()).isEqualTo(2);
        assertThat(t2.preSharedKey()).contains(Secret.of("o5UQce62AgADW5RcgydOVYj.pkR1dqfF"));
        assertThat(t2.customerOutsideAddress()).contains(ip("3.34.214.63"));
        assertThat(t2.cloudOutsideAddress()).contains(ip("54.150.167.38"));
        assertThat(t2.customerInsideAddress()).contains(InsideAddress.parse("169.254.48.66/30"));
        assertThat(t2.cloudInsideAddress()).contains(InsideAddress.parse("169.254.48.65/30"));
        assertThat(t2.staticNextHop()).contains(ip("169.254.48.65"));
        assertThat(t2.mtu()).hasValue(1436);

        assertThat(c.warnings()).extracting(ConfigWarning::kind).containsExactly(ConfigWarning.Kind.MINIMUM_ALGORITHM_SET);
    }

    @Test
    void readsTheTransitGatewayBgpDownload() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-generic-3.txt"));

        assertThat(c.connectionId()).contains("vpn-0973f04ab3aaf1566");
        assertThat(c.gatewayId()).isEmpty();
        assertThat(c.customerGatewayId()).contains("cgw-0eaf538f4759a4e39");
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN);
        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.preSharedKey()).contains(Secret.of("amSvsJ57npKUIi3hk5Lf9NZ9KGK.bHVP"));
        assertThat(t1.customerOutsideAddress()).contains(ip("54.242.149.229"));
        assertThat(t1.cloudOutsideAddress()).contains(ip("13.248.186.45"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.97.158/30"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.97.157/30"));
        assertThat(t1.routing()).isEqualTo(RoutingType.BGP);
        assertThat(t1.customerAsn()).contains(Asn.of(65016));
        assertThat(t1.cloudAsn()).contains(Asn.of(64512));
        assertThat(t1.bgpNeighborAddress()).contains(ip("169.254.97.157"));
        assertThat(t1.bgpHoldTimeSeconds()).hasValue(30);
        assertThat(t1.staticNextHop()).isEmpty();
        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.preSharedKey()).contains(Secret.of("_qtKjyW5z0h09eRtxhfmdyqhcy8BMUER"));
        assertThat(t2.cloudOutsideAddress()).contains(ip("76.223.83.1"));
        assertThat(t2.customerInsideAddress()).contains(InsideAddress.parse("169.254.29.170/30"));
        assertThat(t2.cloudInsideAddress()).contains(InsideAddress.parse("169.254.29.169/30"));
        assertThat(t2.bgpNeighborAddress()).contains(ip("169.254.29.169"));
        assertThat(t2.customerAsn()).contains(Asn.of(65016));
        assertThat(t2.cloudAsn()).contains(Asn.of(64512));
    }

    @Test
    void readsThe2018DocsCopyWithPlaceholdersAndDoubleColons() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-generic-doc-bgp-2018.txt"));

        assertThat(c.connectionId()).contains("vpn-44a8938f");
        assertThat(c.gatewayId()).contains("vgw-8db04f81");
        assertThat(c.customerGatewayId()).contains("cgw-b4dc3961");
        assertThat(c.formatVersion()).isEmpty();
        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.preSharedKey()).isEmpty();
        assertThat(t1.customerOutsideAddress()).isEmpty();
        assertThat(t1.cloudOutsideAddress()).contains(ip("72.21.209.193"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.255.2/30"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.255.1/30"));
        assertThat(t1.customerAsn()).isEmpty();
        assertThat(t1.cloudAsn()).contains(Asn.of(7224));
        assertThat(t1.bgpNeighborAddress()).contains(ip("169.254.255.1"));
        assertThat(t1.tcpMssAdjustment()).hasValue(1387);
        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.cloudOutsideAddress()).contains(ip("72.21.209.193"));
        assertThat(t2.customerInsideAddress()).contains(InsideAddress.parse("169.254.255.6/30"));
        assertThat(t2.bgpNeighborAddress()).contains(ip("169.254.255.5"));

        List<ConfigWarning> placeholders = c.warnings().stream()
                .filter(w -> w.kind() == ConfigWarning.Kind.PLACEHOLDER).toList();
        assertThat(placeholders).hasSize(6);
        assertThat(placeholders).extracting(ConfigWarning::location)
                .contains(SourceLocation.line(32), SourceLocation.line(85), SourceLocation.line(104));
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.SUSPICIOUS_VALUE
                && w.message().contains("72.21.209.193"));
        assertThat(c.toString()).doesNotContain("plain-text-password");
    }

    @Test
    void neverShowsThePreSharedKeyInItsReport() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("aws-generic-1.txt"));

        assertThat(c.toString()).doesNotContain("lWVkkCV").doesNotContain("o5UQce62").contains("**** (32 chars)");
        assertThat(c.tunnels().get(0).toString()).doesNotContain("lWVkkCV");
    }

    @Test
    void reportsAnUnknownAlgorithmAtItsLine() {
        String text = FixtureFiles.cloudConfigText("aws-generic-1.txt").replaceFirst("Encryption Algorithm     : aes-128-cbc",
                "Encryption Algorithm     : aes-129-cbc");

        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("line 37")
                .hasMessageContaining("aes-129-cbc")
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.line(37)));
    }

    @Test
    void reportsAnInvalidAddressAtItsLineWithoutTheKey() {
        String text = FixtureFiles.cloudConfigText("aws-generic-1.txt").replace("18.180.179.172", "18.180.179.999");

        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("line 93")
                .hasMessageContaining("not an IP address")
                .hasMessageNotContaining("lWVkkCV");
    }

    @Test
    void refusesTextWithoutTunnelSections() {
        assertThatThrownBy(() -> parser.parse("Amazon Web Services\nVirtual Private Cloud\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("IPSec Tunnel #1");
    }
}
