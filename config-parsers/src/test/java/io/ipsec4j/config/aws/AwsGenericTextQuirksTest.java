package io.ipsec4j.config.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.InsideAddress;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crafted files for the quirks of CONFIG-FORMATS.md §1.2.4 that the real fixtures lack. */
class AwsGenericTextQuirksTest {
    /** The 2009 XSL wording: "VPN Gateway" labels, PFS in the IKE block, no IKE version line, double colon. */
    static final String XSL_2009 = """
            Amazon Web Services
            Virtual Private Cloud

            VPN Connection Configuration
            ================================================================================
            AWS utilizes unique identifiers to manipulate the configuration of\s
            a VPN Connection.

            Your VPN Connection ID\t\t  : vpn-1a2b3c4d\s
            Your VPN Gateway ID           : vgw-5e6f7a8b
            Your Customer Gateway ID      : cgw-9c0d1e2f

            IPSec Tunnel #1
            ================================================================================
            #1: Internet Key Exchange Configuration

            Configure the IKE SA as follows: (a sentence with a colon)
              - Authentication Method    : Pre-Shared Key\s
              - Pre-Shared Key           : Abcdefgh12345678.ijklmnop_QRSTUV
              - Authentication Algorithm : sha1
              - Encryption Algorithm     : aes-128-cbc
              - Lifetime                 : 28800 seconds
              - Phase 1 Negotiation Mode : main
              - Perfect Forward Secrecy  : Diffie-Hellman Group 2

            #2: IPSec Configuration
              - Protocol                 : esp
              - Authentication Algorithm : hmac-sha1-96
              - Encryption Algorithm     : aes-128-cbc
              - Lifetime                 : 3600 seconds
              - Mode                     : tunnel
              - Perfect Forward Secrecy  : Diffie-Hellman Group 2
              - DPD Interval             : 10
              - DPD Retries              : 3
              - TCP MSS Adjustment       : 1387 bytes
              - Clear Don't Fragment Bit : enabled
              - Fragmentation            : Before encryption

            #3: Tunnel Interface Configuration
            Outside IP Addresses:
              - Customer Gateway:        : 198.51.100.7
              - VPN Gateway              : 203.0.113.10
            Inside IP Addresses
              - Customer Gateway         : 169.254.10.2/30
              - VPN Gateway              : 169.254.10.1/30
              - Tunnel interface MTU     : 1436 bytes

            #4: Border Gateway Protocol (BGP) Configuration:
              - Customer Gateway ASN     : 65000
              - VPN Gateway ASN          : 7224
              - Neighbor IP Address      : 169.254.10.1
              - Neighbor Hold Time       : 30

            IPSec Tunnel #2
            ================================================================================
            #1: Internet Key Exchange Configuration
              - Pre-Shared Key           : Zyxwvuts98765432.abcdefgh_IJKLMN
              - Authentication Algorithm : sha1
              - Encryption Algorithm     : aes-128-cbc
              - Lifetime                 : 28800 seconds
              - Perfect Forward Secrecy  : Diffie-Hellman Group 2
            #2: IPSec Configuration
              - Authentication Algorithm : hmac-sha1-96
              - Encryption Algorithm     : aes-128-cbc
              - Lifetime                 : 3600 seconds
            #3: Tunnel Interface Configuration
            Outside IP Addresses:
              - Customer Gateway:        : 198.51.100.7
              - VPN Gateway              : 203.0.113.11
            Inside IP Addresses
              - Customer Gateway         : 169.254.11.2/30
              - VPN Gateway              : 169.254.11.1/30
            #4: Border Gateway Protocol (BGP) Configuration:
              - Customer Gateway ASN     : 65000
              - VPN Gateway ASN          : 7224
              - Neighbor IP Address      : 169.254.11.1
              - Neighbor Hold Time       : 30

            Additional Notes and Questions
            ================================================================================
              - Amazon Virtual Private Cloud Getting Started Guide:\s
                  http://docs.amazonwebservices.com/AmazonVPC/latest/GettingStartedGuide
              - XSL Version: 2009-07-15-207071
            """;

    private final AwsGenericTextParser parser = new AwsGenericTextParser();

    private static void assertIsTheXsl2009Connection(CloudVpnConnection c) {
        assertThat(c.connectionId()).contains("vpn-1a2b3c4d");
        assertThat(c.gatewayId()).contains("vgw-5e6f7a8b");
        assertThat(c.customerGatewayId()).contains("cgw-9c0d1e2f");
        assertThat(c.formatVersion()).contains("2009-07-15-207071");
        assertThat(c.tunnels()).hasSize(2);
        CloudTunnel t1 = c.tunnels().get(0);
        assertThat(t1.preSharedKey()).contains(Secret.of("Abcdefgh12345678.ijklmnop_QRSTUV"));
        assertThat(t1.customerOutsideAddress()).contains(IpAddress.parse("198.51.100.7"));
        assertThat(t1.cloudOutsideAddress()).contains(IpAddress.parse("203.0.113.10"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("169.254.10.2/30"));
        assertThat(t1.cloudInsideAddress()).contains(InsideAddress.parse("169.254.10.1/30"));
        assertThat(t1.cloudAsn()).contains(Asn.of(7224));
        assertThat(t1.customerAsn()).contains(Asn.of(65000));
        assertThat(t1.routing()).isEqualTo(RoutingType.BGP);
        assertThat(t1.phase1().ikeVersions()).containsExactly(IkeVersion.IKEV1_MAIN);
        assertThat(t1.phase1().dhGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.phase2().pfsGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        assertThat(t1.mtu()).hasValue(1436);
        assertThat(t1.tcpMssAdjustment()).hasValue(1387);
        CloudTunnel t2 = c.tunnels().get(1);
        assertThat(t2.preSharedKey()).contains(Secret.of("Zyxwvuts98765432.abcdefgh_IJKLMN"));
        assertThat(t2.cloudOutsideAddress()).contains(IpAddress.parse("203.0.113.11"));
        assertThat(t2.bgpNeighborAddress()).contains(IpAddress.parse("169.254.11.1"));
    }

    @Test
    void readsThe2009XslWordingWithTheDoubleColon() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(XSL_2009);

        assertIsTheXsl2009Connection(c);
        assertThat(c.warnings()).extracting(ConfigWarning::kind).containsExactly(ConfigWarning.Kind.MINIMUM_ALGORITHM_SET);
    }

    @Test
    void readsCrlfLineEndings() throws ConfigParseException {
        assertIsTheXsl2009Connection(parser.parse(XSL_2009.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsLoneCrLineEndings() throws ConfigParseException {
        assertIsTheXsl2009Connection(parser.parse(XSL_2009.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsUtf16WithByteOrderMark() throws ConfigParseException {
        byte[] body = XSL_2009.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        System.arraycopy(body, 0, bytes, 2, body.length);

        assertIsTheXsl2009Connection(parser.parse(bytes));
    }

    @Test
    void readsUtf8WithByteOrderMark() throws ConfigParseException {
        byte[] body = XSL_2009.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bytes, 3, body.length);

        assertIsTheXsl2009Connection(parser.parse(bytes));
    }

    @Test
    void readsTabsInLabelPaddingAndWhitespaceOnlyLines() throws ConfigParseException {
        String tabbed = XSL_2009.replace("  - Pre-Shared Key           :", "  - Pre-Shared\tKey \t\t  :")
                .replace("  - VPN Gateway              :", "  - VPN Gateway\t\t\t:")
                .replace("\n\n", "\n\t\t\t\t\n");

        assertIsTheXsl2009Connection(parser.parse(tabbed));
    }

    @Test
    void readsARedactedCopyWithEmptyKeysAndTruncatedIds() throws ConfigParseException {
        String redacted = XSL_2009.replace("Abcdefgh12345678.ijklmnop_QRSTUV", "")
                .replace("Zyxwvuts98765432.abcdefgh_IJKLMN", "")
                .replace("vpn-1a2b3c4d", "vpn-");

        CloudVpnConnection c = parser.parse(redacted);

        assertThat(c.connectionId()).isEmpty();
        assertThat(c.tunnels()).allSatisfy(t -> assertThat(t.preSharedKey()).isEmpty());
        assertThat(c.warnings()).filteredOn(w -> w.kind() == ConfigWarning.Kind.EMPTY_VALUE).hasSize(3);
    }

    @Test
    void recognisesATransitGatewayByItsEmptyGatewayId() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(XSL_2009.replace("vgw-5e6f7a8b", ""));

        assertThat(c.gatewayId()).isEmpty();
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN);
    }

    @Test
    void keepsAVirtualPrivateGatewayWhoseIdWasTruncated() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(XSL_2009.replace("vgw-5e6f7a8b", "vgw-"));

        assertThat(c.gatewayId()).isEmpty();
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AWS_VIRTUAL_PRIVATE_GATEWAY);
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w.message()).contains("truncated to \"vgw-\""));
    }

    @Test
    void acceptsASingleTunnelWithAWarning() throws ConfigParseException {
        int cut = XSL_2009.indexOf("IPSec Tunnel #2");
        int footer = XSL_2009.indexOf("Additional Notes");

        CloudVpnConnection c = parser.parse(XSL_2009.substring(0, cut) + XSL_2009.substring(footer));

        assertThat(c.tunnels()).hasSize(1);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.TUNNEL_COUNT);
    }

    @Test
    void readsIpv6OutsideAndInsideAddresses() throws ConfigParseException {
        String v6 = XSL_2009.replace("198.51.100.7", "2001:db8:1::7")
                .replace("203.0.113.10", "2001:db8:2::1")
                .replace("169.254.10.2/30", "fd00:0:0:1::2/126")
                .replace("169.254.10.1/30", "fd00:0:0:1::1/126")
                .replace("Neighbor IP Address      : 169.254.10.1", "Neighbor IP Address      : fd00:0:0:1::1");

        CloudTunnel t1 = parser.parse(v6).tunnels().get(0);

        assertThat(t1.customerOutsideAddress()).contains(IpAddress.parse("2001:db8:1::7"));
        assertThat(t1.cloudOutsideAddress()).contains(IpAddress.parse("2001:db8:2::1"));
        assertThat(t1.customerInsideAddress()).contains(InsideAddress.parse("fd00::1:0:0:0:2/126"));
        assertThat(t1.bgpNeighborAddress()).contains(IpAddress.parse("fd00:0:0:1::1"));
    }

    @Test
    void reportsTheNewerPlaceholdersAsWarnings() throws ConfigParseException {
        String examples = XSL_2009.replace("203.0.113.10", "AWS_ENDPOINT_1")
                .replace("203.0.113.11", "AWS_ENDPOINT_2")
                .replace("Customer Gateway:        : 198.51.100.7", "Customer Gateway:        : your-cgw-ip-address")
                .replace("Abcdefgh12345678.ijklmnop_QRSTUV", "pre-shared-key")
                .replace("Zyxwvuts98765432.abcdefgh_IJKLMN", "PRE-SHARED-KEY-IN-PLAIN-TEXT");

        CloudVpnConnection c = parser.parse(examples);

        assertThat(c.tunnels()).allSatisfy(t -> {
            assertThat(t.preSharedKey()).isEmpty();
            assertThat(t.customerOutsideAddress()).isEmpty();
            assertThat(t.cloudOutsideAddress()).isEmpty();
        });
        List<ConfigWarning> placeholders = c.warnings().stream().filter(w -> w.kind() == ConfigWarning.Kind.PLACEHOLDER).toList();
        assertThat(placeholders).hasSize(6);
        assertThat(c.toString()).doesNotContain("PRE-SHARED-KEY-IN-PLAIN-TEXT");
    }

    @Test
    void toleratesMarkdownArtifactsAndUnindentedLines() throws ConfigParseException {
        String markdown = XSL_2009.replace("IPSec Tunnel #1", "IPsec Tunnel \\#1")
                .replace("#1: Internet Key Exchange Configuration",
                        "![\\[Image NOT FOUND\\]](http://docs.aws.amazon.com/images/IKE.png) \n#1: Internet Key Exchange Configuration")
                .replace("  - Authentication Method    :", "- Authentication Method    :")
                .replace("  - Pre-Shared Key           : Abc", "- Pre\\-Shared Key           : Abc");

        assertIsTheXsl2009Connection(parser.parse(markdown));
    }

    @Test
    void readsAnIkev2FileAndWarnsAboutUnknownFields() throws ConfigParseException {
        String v2 = XSL_2009.replace("  - Authentication Method    :", "  - IKE version              : IKEv2 \n  - Authentication Method    :")
                .replace("  - DPD Interval ", "  - Startup Action           : start\n  - DPD Interval ");

        CloudVpnConnection c = parser.parse(v2);

        assertThat(c.tunnels().get(0).phase1().ikeVersions()).containsExactly(IkeVersion.IKEV2);
        assertThat(c.tunnels().get(1).phase1().ikeVersions()).containsExactly(IkeVersion.IKEV1_MAIN);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.UNKNOWN_FIELD && w.message().contains("startup action"));
    }

    @Test
    void readsAStaticRoutingFileWithoutFooterOrTitle() throws ConfigParseException {
        String noTitle = XSL_2009.substring(XSL_2009.indexOf("Your VPN Connection ID"), XSL_2009.indexOf("Additional Notes"))
                .replace("#4: Border Gateway Protocol (BGP) Configuration:\n  - Customer Gateway ASN     : 65000\n"
                        + "  - VPN Gateway ASN          : 7224\n  - Neighbor IP Address      : 169.254.10.1\n"
                        + "  - Neighbor Hold Time       : 30\n", "#4: Static Routing Configuration:\n  - Next hop       : 169.254.10.1\n");

        CloudVpnConnection c = parser.parse(noTitle);

        assertThat(c.tunnels().get(0).routing()).isEqualTo(RoutingType.STATIC);
        assertThat(c.tunnels().get(0).staticNextHop()).contains(IpAddress.parse("169.254.10.1"));
        assertThat(c.tunnels().get(1).routing()).isEqualTo(RoutingType.BGP);
        assertThat(c.formatVersion()).isEmpty();
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.MISSING_INFORMATION);
    }

    @Test
    void readsANameOfAnotherVocabularyWithAWarning() throws ConfigParseException {
        String govCloud = XSL_2009.replaceFirst("Authentication Algorithm : hmac-sha1-96", "Authentication Algorithm : hmac-sha2-256-128");

        CloudVpnConnection c = parser.parse(govCloud);

        assertThat(c.tunnels().get(0).phase2().integrity())
                .containsExactly(io.ipsec4j.model.algorithm.IntegrityAlgorithm.HMAC_SHA2_256_128);
        assertThat(c.warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.SUSPICIOUS_VALUE
                && w.message().contains("hmac-sha2-256-128"));
    }
}
