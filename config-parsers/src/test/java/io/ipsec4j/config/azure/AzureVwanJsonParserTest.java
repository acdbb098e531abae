package io.ipsec4j.config.azure;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudField;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.CraftedConfigs;
import io.ipsec4j.config.GatewayKind;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import org.junit.jupiter.api.Test;

class AzureVwanJsonParserTest {
    static final String BGP_TWO_SITES_TWO_HUBS = CraftedConfigs.AZURE_VWAN_BGP_TWO_SITES_TWO_HUBS;

    /** A user's hand edit: placeholders and a trailing comma before a closing brace (line 6, column 78). */
    static final String HAND_EDITED_INVALID = """
            [
              { "configurationVersion":{"LastUpdatedTime":"2018-11-17T23:31:23.5658997Z","Version":"82e10b69-d867-41fd-ac14-debf28f9a4b3"},
                "vpnSiteConfiguration":{"Name":"branch2", "IPAddress":"public_ip_address_of_your_NVA"},
                "vpnSiteConnections":[{
                   "gatewayConfiguration":{"IpAddresses":{"Instance0":"52.142.116.152","Instance1":"52.142.95.128"}},
                   "connectionConfiguration":{"IsBgpEnabled":false,"PSK":"your_password",},
                }]
              }
            ]
            """;

    private final AzureVwanJsonParser parser = new AzureVwanJsonParser();

    @Test
    void readsTheSingleSiteDownloadFieldByField() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("azure-vwan-1.json"));

        assertThat(c.format()).isEqualTo(CloudConfigFormat.AZURE_VWAN_JSON);
        assertThat(c.gatewayKind()).isEqualTo(GatewayKind.AZURE_VWAN_HUB);
        assertThat(c.formatVersion()).contains("82e10b69-d867-41fd-ac14-debf28f9a4b3");
        assertThat(c.tunnels()).hasSize(2);
        for (CloudTunnel t : c.tunnels()) {
            assertThat(t.group()).isEqualTo("branch2 -> hub 1");
            assertThat(t.siteName()).contains("branch2");
            assertThat(t.hubRegion()).contains("North Europe");
            assertThat(t.customerOutsideAddress()).contains(IpAddress.parse("40.113.73.92"));
            assertThat(t.preSharedKey()).contains(Secret.of("Microsoft123!"));
            assertThat(t.routing()).isEqualTo(RoutingType.STATIC);
            assertThat(t.cloudNetworks()).containsExactly(Cidr.parse("172.22.101.0/24"));
            assertThat(t.phase2().lifetimeSeconds()).hasValue(3600);
            assertThat(t.phase2().lifetimeKilobytes()).hasValue(102400000L);
            assertThat(t.cloudAsn()).isEmpty();
        }
        assertThat(c.tunnels().get(0).cloudOutsideAddress()).contains(IpAddress.parse("52.142.116.152"));
        assertThat(c.tunnels().get(1).cloudOutsideAddress()).contains(IpAddress.parse("52.142.95.128"));
        assertThat(c.tunnels().get(0).sourceOf(CloudField.CLOUD_OUTSIDE_ADDRESS))
                .contains(SourceLocation.jsonPointer("/0/vpnSiteConnections/0/gatewayConfiguration/IpAddresses/Instance0"));
        assertThat(c.toString()).doesNotContain("Microsoft123!");
    }

    @Test
    void readsTheDocsVariantWithoutTheOuterArray() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(FixtureFiles.cloudConfig("azure-vwan-doc-2018-3sites.json"));

        assertThat(c.tunnels()).hasSize(6);
        assertThat(c.groups()).containsExactly("testsite1 -> hub 1", "testsite2 -> hub 1", "testsite3 -> hub 1");
        CloudTunnel site1 = c.tunnels().get(0);
        assertThat(site1.customerOutsideAddress()).contains(IpAddress.parse("73.239.3.208"));
        assertThat(site1.cloudOutsideAddress()).contains(IpAddress.parse("104.45.18.186"));
        assertThat(c.tunnels().get(1).cloudOutsideAddress()).contains(IpAddress.parse("104.45.13.195"));
        assertThat(site1.preSharedKey()).contains(Secret.of("bkOWe5dPPqkx0DfFE3tyuP7y3oYqAEbI"));
        assertThat(site1.cloudNetworks()).containsExactly(Cidr.parse("10.1.0.0/24"), Cidr.parse("10.2.0.0/16"), Cidr.parse("10.3.0.0/16"));
        assertThat(site1.hubRegion()).contains("West Europe");
        CloudTunnel site2 = c.tunnels().get(2);
        assertThat(site2.siteName()).contains(" testsite2");
        assertThat(site2.customerOutsideAddress()).contains(IpAddress.parse("66.193.205.122"));
        assertThat(site2.cloudOutsideAddress()).contains(IpAddress.parse("104.45.18.187"));
        assertThat(site2.preSharedKey()).contains(Secret.of("XzODPyAYQqFs4ai9WzrJour0qLzeg7Qg"));
        assertThat(site2.cloudNetworks()).containsExactly(Cidr.parse("10.1.0.0/24"));
        CloudTunnel site3 = c.tunnels().get(4);
        assertThat(site3.customerOutsideAddress()).contains(IpAddress.parse("182.71.123.228"));
        assertThat(site3.preSharedKey()).contains(Secret.of("YLkSdSYd4wjjEThR3aIxaXaqNdxUwSo9"));
        assertThat(c.formatVersion()).contains("r403583d-9c82-4cb8-8570-1cbbcd9983b5");
        assertThat(c.warnings()).filteredOn(w -> w.kind() == ConfigWarning.Kind.SUSPICIOUS_VALUE).hasSize(2);
    }

    @Test
    void readsBgpOnBothSidesForEverySiteAndHub() throws ConfigParseException {
        CloudVpnConnection c = parser.parse(BGP_TWO_SITES_TWO_HUBS);

        assertThat(c.groups()).containsExactly("branch1 / link-a -> hub 1", "branch2 -> hub 1", "branch2 -> hub 2");
        assertThat(c.tunnels()).hasSize(6);
        CloudTunnel b1 = c.tunnels().get(0);
        assertThat(b1.routing()).isEqualTo(RoutingType.BGP);
        assertThat(b1.linkName()).contains("link-a");
        assertThat(b1.customerAsn()).contains(Asn.of(65101));
        assertThat(b1.customerBgpAddress()).contains(IpAddress.parse("172.21.1.154"));
        assertThat(b1.cloudAsn()).contains(Asn.of(65515));
        assertThat(b1.bgpNeighborAddress()).contains(IpAddress.parse("172.21.101.4"));
        assertThat(b1.cloudNetworks()).containsExactly(Cidr.parse("172.21.101.0/24"), Cidr.parse("10.1.0.0/16"));
        assertThat(c.tunnels().get(1).bgpNeighborAddress()).contains(IpAddress.parse("172.21.101.5"));
        // The second site sees the same hub with the peering addresses the other way round.
        CloudTunnel b2 = c.tunnels().get(2);
        assertThat(b2.customerOutsideAddress()).contains(IpAddress.parse("40.113.73.92"));
        assertThat(b2.customerAsn()).contains(Asn.of(65102));
        assertThat(b2.bgpNeighborAddress()).contains(IpAddress.parse("172.21.101.5"));
        assertThat(b2.phase2().lifetimeSeconds()).isEmpty();
        CloudTunnel hub2 = c.tunnels().get(4);
        assertThat(hub2.cloudOutsideAddress()).contains(IpAddress.parse("52.142.116.152"));
        assertThat(hub2.hubRegion()).contains("North Europe");
        assertThat(hub2.bgpNeighborAddress()).contains(IpAddress.parse("172.22.101.4"));
        assertThat(c.formatVersion()).contains("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void failsOnHandEditedInvalidJsonAtItsPosition() {
        assertThatThrownBy(() -> CloudConfigReader.read(HAND_EDITED_INVALID))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("Azure Virtual WAN JSON")
                .hasMessageContaining("line 6, column 78")
                .hasMessageNotContaining("your_password")
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.lineColumn(6, 78)));
    }

    @Test
    void reportsPlaceholdersOnceTheJsonIsFixed() throws ConfigParseException {
        String fixed = HAND_EDITED_INVALID.replace("\"your_password\",},", "\"your_password\"}");

        CloudVpnConnection c = parser.parse(fixed);

        assertThat(c.tunnels()).allSatisfy(t -> {
            assertThat(t.preSharedKey()).isEmpty();
            assertThat(t.customerOutsideAddress()).isEmpty();
        });
        assertThat(c.warnings()).filteredOn(w -> w.kind() == ConfigWarning.Kind.PLACEHOLDER).hasSize(2);
    }

    @Test
    void readsCrlfAndAUtf8ByteOrderMark() throws ConfigParseException {
        byte[] body = FixtureFiles.cloudConfig("azure-vwan-doc-2018-3sites.json");
        String crlf = "\uFEFF" + new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\r\n");

        assertThat(CloudConfigReader.read(crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8)).tunnels()).hasSize(6);
    }
}
