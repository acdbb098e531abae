package io.ipsec4j.config;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudConfigReaderTest {
    static final String XSLT_TEMPLATE = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n"
            + "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\r\n"
            + "  <xsl:template match=\"/\">crypto isakmp key <xsl:value-of select=\"/Data/SP_PresharedKey\"/></xsl:template>\r\n"
            + "</xsl:stylesheet>\r\n";

    /** The shape of AWS's 2009 customer-gateway-generic.xslt: XSL over a vpn_connection document. */
    static final String AWS_GENERIC_XSLT = """
            <?xml version="1.0" ?>
            <xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            	version="1.0">
            	<xsl:output method="text" />
            	<xsl:template match="/">
            		<xsl:text>Amazon Web Services
            Virtual Private Cloud
            </xsl:text>
            		<xsl:apply-templates select="vpn_connection" />
            	</xsl:template>
            	<xsl:template match="vpn_connection">
            		<xsl:text>Your VPN Connection ID       : </xsl:text><xsl:value-of select="@id"/>
            	</xsl:template>
            </xsl:stylesheet>
            """;

    static final String AWS_STRONGSWAN = """
            Amazon Web Services
            Virtual Private Cloud

            AWS utilizes unique identifiers to manipulate the configuration of
            a VPN Connection. Each VPN Connection is assigned an identifier and is

            Your VPN Connection ID                  : vpn-0123456789abcdef0
            Your Virtual Private Gateway ID         : vgw-0123456789abcdef0
            Your Customer Gateway ID                : cgw-0123456789abcdef0

            ----------------------------------------------------------------------------------------------------
            IPSEC Tunnel #1
            ----------------------------------------------------------------------------------------------------
            1) Open /etc/ipsec.conf and look for the line below.
            conn Tunnel1
            \tauto=start
            \tleft=%defaultroute
            \tright=203.0.113.1
            """;

    static final String AWS_CISCO = """
            ! Amazon Web Services
            ! Virtual Private Cloud
            !
            ! Your VPN Connection ID                  : vpn-0123456789abcdef0
            ! --------------------------------------------------------------------------------
            ! IPSec Tunnel #1
            crypto isakmp policy 200
              encryption aes 128
            crypto keyring keyring-vpn-0123-0
              pre-shared-key address 203.0.113.1 key Abcdefgh12345678
            """;

    @ParameterizedTest
    @CsvSource({
        "aws-generic-1.txt, AWS_GENERIC_TEXT, 2",
        "aws-generic-3.txt, AWS_GENERIC_TEXT, 2",
        "aws-generic-doc-bgp-2018.txt, AWS_GENERIC_TEXT, 2",
        "aws-xml-1.xml, AWS_XML, 2",
        "aws-xml-3.xml, AWS_XML, 2",
        "azure-devicescript-cisco-ios-1.txt, AZURE_DEVICE_SCRIPT, 1",
        "azure-vwan-1.json, AZURE_VWAN_JSON, 2",
        "azure-vwan-doc-2018-3sites.json, AZURE_VWAN_JSON, 6",
        "gcp-vpntunnel-cloudmc-1.json, GCP_VPN_TUNNEL_JSON, 1"
    })
    void detectsAndReadsEveryRealFile(String file, CloudConfigFormat format, int tunnels) throws ConfigParseException {
        ConfigText text = ConfigText.decode(FixtureFiles.cloudConfig(file));

        assertThat(CloudConfigDetector.detect(text)).isEqualTo(format);
        CloudVpnConnection c = CloudConfigReader.read(FixtureFiles.cloudConfig(file));
        assertThat(c.format()).isEqualTo(format);
        assertThat(c.tunnels()).hasSize(tunnels);
    }

    @Test
    void readsAFileFromAPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vpn.txt");
        Files.write(file, FixtureFiles.cloudConfig("aws-generic-3.txt"));

        assertThat(CloudConfigReader.read(file).connectionId()).contains("vpn-0973f04ab3aaf1566");
        assertThat(CloudConfigReader.read(new ByteArrayInputStream(FixtureFiles.cloudConfig("aws-xml-1.xml"))).connectionId())
                .contains("vpn-ba2e34a8");
    }

    @Test
    void refusesAnXsltTemplateInUtf16WithAClearMessage() {
        byte[] body = XSLT_TEMPLATE.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        System.arraycopy(body, 0, bytes, 2, body.length);

        assertThatThrownBy(() -> CloudConfigReader.read(bytes))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("XSLT")
                .hasMessageContaining("Download configuration")
                .satisfies(e -> assertThat(((ConfigParseException) e).format()).isEqualTo(CloudConfigFormat.AZURE_XSLT_TEMPLATE));
    }

    @Test
    void refusesAnXsltTemplateInUtf8DeclaringUtf16() {
        byte[] body = XSLT_TEMPLATE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bytes, 3, body.length);

        assertThatThrownBy(() -> CloudConfigReader.read(bytes)).isInstanceOf(ConfigParseException.class).hasMessageContaining("XSLT");
    }

    @Test
    void refusesAwsOwnGenericXsltNamingAwsAtTheStylesheetLine() {
        assertThatThrownBy(() -> CloudConfigReader.read(AWS_GENERIC_XSLT))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("AWS XSLT configuration template, line 2")
                .hasMessageContaining("AWS console")
                .hasMessageNotContaining("Azure")
                .satisfies(e -> assertThat(((ConfigParseException) e).format()).isEqualTo(CloudConfigFormat.AWS_XSLT_TEMPLATE))
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.line(2)));
    }

    @Test
    void givesAzureXsltRefusalsTheLineOfTheStylesheetRoot() {
        assertThatThrownBy(() -> CloudConfigReader.read(XSLT_TEMPLATE))
                .isInstanceOf(ConfigParseException.class)
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.line(2)));
        assertThatThrownBy(() -> CloudConfigReader.read("<xsl:transform version=\"1.0\"/>"))
                .isInstanceOf(ConfigParseException.class)
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.line(1)));
    }

    @Test
    void namesTheGenericFileForVendorSpecificAwsDownloads() {
        assertThatThrownBy(() -> CloudConfigReader.read(AWS_STRONGSWAN))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("strongSwan")
                .hasMessageContaining("Vendor \"Generic\"")
                .satisfies(e -> assertThat(((ConfigParseException) e).format()).isEqualTo(CloudConfigFormat.AWS_VENDOR_TEXT));
        assertThatThrownBy(() -> CloudConfigReader.read(AWS_CISCO))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("Cisco IOS")
                .hasMessageContaining("Generic")
                .hasMessageNotContaining("Abcdefgh12345678");
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] garbage = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, (byte) 0x9c, 0x01};

        assertThatThrownBy(() -> CloudConfigReader.read(garbage))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void refusesInputsOverTheSizeLimit() {
        byte[] big = new byte[ConfigText.MAX_INPUT_BYTES + 1];
        Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> CloudConfigReader.read(big))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("too large")
                .hasMessageContaining(Integer.toString(ConfigText.MAX_INPUT_BYTES));
        assertThatThrownBy(() -> CloudConfigReader.read(new ByteArrayInputStream(big)))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void refusesEmptyAndUnrelatedInputs() {
        assertThatThrownBy(() -> CloudConfigReader.read(new byte[0])).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("unrecognised");
        assertThatThrownBy(() -> CloudConfigReader.read("{\"hello\": \"world\"}")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("unrecognised");
        assertThatThrownBy(() -> CloudConfigReader.read("<html><body/></html>")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("unrecognised");
    }

    @Test
    void reportsTruncatedFilesAsTypedErrors() {
        String xml = FixtureFiles.cloudConfigText("aws-xml-1.xml");
        String json = FixtureFiles.cloudConfigText("azure-vwan-1.json");

        assertThatThrownBy(() -> CloudConfigReader.read(xml.substring(0, xml.length() / 2)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("invalid XML");
        assertThatThrownBy(() -> CloudConfigReader.read(json.substring(0, json.length() / 2)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("Azure Virtual WAN JSON");
    }

    @Test
    void detectsAMarkdownCopyOfTheGenericText() throws ConfigParseException {
        String markdown = io.ipsec4j.config.aws.AwsGenericTextQuirksTestAccess.xsl2009()
                .replace("IPSec Tunnel #1", "IPsec Tunnel \\#1").replace("#1: Internet", "\\#1: Internet");

        assertThat(CloudConfigReader.read(markdown).tunnels()).hasSize(2);
    }
}
