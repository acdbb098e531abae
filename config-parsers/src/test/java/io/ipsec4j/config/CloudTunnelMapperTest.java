package io.ipsec4j.config;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.azure.AzureVwanJsonParser;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeeringKind;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CloudTunnelMapperTest {
    @Test
    void turnsAnAwsBgpConnectionIntoARedundantPair() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("aws-generic-3.txt"));

        assertThat(result.redundantPairs()).hasSize(1);
        assertThat(result.singleTunnels()).isEmpty();
        RedundantTunnels pair = result.redundantPairs().get(0);
        Tunnel t1 = pair.tunnel1();
        assertThat(t1.gateway()).isEqualTo("sase-gateway-1");
        assertThat(pair.tunnel2().gateway()).isEqualTo("sase-gateway-2");
        assertThat(t1.name()).matches("[A-Za-z0-9]{3,15}");
        assertThat(t1.phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse("13.248.186.45"));
        assertThat(t1.phaseOne().localPublicIp()).contains(IpAddress.parse("54.242.149.229"));
        assertThat(t1.phaseOne().sharedSecret()).isEqualTo(Secret.of("amSvsJ57npKUIi3hk5Lf9NZ9KGK.bHVP"));
        assertThat(t1.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV1_MAIN);
        assertThat(t1.phaseOne().lifetime().time()).isEqualTo(Duration.ofSeconds(28800));
        assertThat(t1.phaseOne().proposals()).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly(Encryption.AES128_CBC);
            assertThat(p.integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA1_96);
            assertThat(p.prf()).containsExactly(PrfAlgorithm.HMAC_SHA1);
            assertThat(p.keyExchange()).containsExactly(KeyExchangeMethod.MODP_1024);
        });
        assertThat(t1.phaseTwo().proposals()).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly(Encryption.AES128_CBC);
            assertThat(p.pfsGroups()).containsExactly(KeyExchangeMethod.MODP_1024);
        });
        assertThat(t1.phaseTwo().lifetime().time()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(t1.phaseTwo().dpd()).hasValueSatisfying(d -> {
            assertThat(d.delay()).isEqualTo(Duration.ofSeconds(10));
            assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(d.action()).isEqualTo(DpdAction.RESTART);
        });
        assertThat(t1.routing()).isEqualTo(RoutingMode.ROUTE_BASED);
        assertThat(t1.phaseTwo().localSubnets()).containsExactly(TrafficSelector.ANY_IPV4);
        assertThat(t1.tunnelInterface()).contains(new TunnelInterface(IpAddress.parse("169.254.97.158"),
                IpAddress.parse("169.254.97.157"), 30));
        assertThat(t1.bgp()).hasValueSatisfying(b -> {
            assertThat(b.localAsn()).isEqualTo(Asn.of(65016));
            assertThat(b.peerAsn()).isEqualTo(Asn.of(64512));
            assertThat(b.neighbor()).isEqualTo(IpAddress.parse("169.254.97.157"));
            assertThat(b.holdTime()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(pair.tunnel2().phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse("76.223.83.1"));
        assertThat(result.findings(Severity.ERROR)).isEmpty();
        assertThat(result.source().warnings()).anyMatch(w -> w.kind() == ConfigWarning.Kind.MINIMUM_ALGORITHM_SET);
        assertThat(result.toString()).doesNotContain("amSvsJ57npKUIi3hk5Lf9NZ9KGK.bHVP").contains("redundant pair");
    }

    @Test
    void needsTheVpcNetworksForAStaticAwsConnection() throws ConfigParseException {
        CloudVpnConnection c = CloudConfigReader.read(FixtureFiles.cloudConfig("aws-generic-1.txt"));

        CloudImport without = CloudTunnelMapper.map(c);
        assertThat(without.allTunnels()).isEmpty();
        assertThat(without.findings(Severity.ERROR)).extracting(f -> f.finding().code()).containsExactly("NO_ROUTES", "NO_ROUTES");
        assertThat(without.findings(Severity.ERROR).get(0).location()).isEqualTo(SourceLocation.line(19));

        CloudImport with = CloudTunnelMapper.map(c, ImportOptions.defaults().withCloudNetworks(Cidr.parse("10.0.0.0/16")));
        assertThat(with.redundantPairs()).isEmpty();
        assertThat(with.singleTunnels()).hasSize(2);
        Tunnel t1 = with.singleTunnels().get(0);
        assertThat(t1.routes()).containsExactly(Route.of(Cidr.parse("10.0.0.0/16")));
        assertThat(t1.bgp()).isEmpty();
        assertThat(t1.tunnelInterface()).contains(new TunnelInterface(IpAddress.parse("169.254.55.18"),
                IpAddress.parse("169.254.55.17"), 30));
        assertThat(with.findings(Severity.ERROR)).isEmpty();
    }

    @Test
    void reportsMissingKeysAtTheirLines() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("aws-generic-doc-bgp-2018.txt"));

        assertThat(result.allTunnels()).isEmpty();
        assertThat(result.findings(Severity.ERROR)).extracting(ImportFinding::location)
                .containsExactly(SourceLocation.line(32), SourceLocation.line(126));
    }

    @Test
    void flagsAnAzureKeyThatHarmonySaseRefuses() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("azure-vwan-1.json"));

        assertThat(result.singleTunnels()).hasSize(2);
        Tunnel t1 = result.singleTunnels().get(0);
        assertThat(t1.phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse("52.142.116.152"));
        assertThat(t1.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV2);
        assertThat(t1.routes()).containsExactly(Route.of(Cidr.parse("172.22.101.0/24")));
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.origin()).isEqualTo("Harmony SASE");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.finding().path()).isEqualTo("phaseOne.sharedSecret");
            assertThat(f.location()).isEqualTo(SourceLocation.jsonPointer("/0/vpnSiteConnections/0/connectionConfiguration/PSK"));
        });
        assertThat(result.findings()).anyMatch(f -> f.finding().code().equals("ASSUMED"));
        assertThat(result.toString()).doesNotContain("Microsoft123!");
    }

    @Test
    void virtualWanTunnelsFollowTheDefaultPolicyAndAreNotJudgedByTheCustomPolicyProfile() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("azure-vwan-1.json"));

        assertThat(result.findings()).anyMatch(f -> f.finding().code().equals("DEFAULT_POLICY_ASSUMED"));
        assertThat(result.findings()).noneMatch(f -> f.origin().equals("Azure Virtual WAN"));
        // The only errors left are Harmony SASE refusing the sample key `Microsoft123!`.
        assertThat(result.findings(Severity.ERROR)).allMatch(f -> f.finding().code().equals("PSK_CHARACTERS"));
    }

    @Test
    void mapsAzureBgpToEachTunnel() throws ConfigParseException {
        CloudVpnConnection c = new AzureVwanJsonParser().parse(CraftedConfigs.AZURE_VWAN_BGP_TWO_SITES_TWO_HUBS);

        CloudImport result = CloudTunnelMapper.map(c);

        assertThat(result.redundantPairs()).hasSize(3);
        assertThat(result.singleTunnels()).isEmpty();
        assertThat(result.allTunnels()).hasSize(6).allSatisfy(t -> {
            assertThat(t.bgp()).isPresent();
            assertThat(t.tunnelInterface()).isEmpty();
        });
        Tunnel first = result.allTunnels().get(0);
        assertThat(first.bgp().get().localAsn()).isEqualTo(Asn.of(65101));
        assertThat(first.bgp().get().peerAsn()).isEqualTo(Asn.of(65515));
        assertThat(first.bgp().get().neighbor()).isEqualTo(IpAddress.parse("172.21.101.4"));
        assertThat(first.bgp().get().localAddress()).contains(IpAddress.parse("172.21.1.154"));
        assertThat(result.findings()).noneMatch(f -> f.finding().code().equals("INSIDE_OVERLAP"));
    }

    @Test
    void importsATwoSiteVirtualWanBgpFileAsTwoPairsPeeringMultihopWithoutInventedInsideNetworks()
            throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(CraftedConfigs.AZURE_VWAN_BGP_TWO_SITES.getBytes(StandardCharsets.UTF_8));

        assertThat(result.singleTunnels()).isEmpty();
        assertThat(result.redundantPairs()).hasSize(2);
        assertThat(result.findings()).noneMatch(f -> f.finding().code().equals("INSIDE_OVERLAP"));
        assertThat(result.findings(Severity.ERROR)).isEmpty();
        RedundantTunnels branch1 = result.redundantPairs().get(0);
        RedundantTunnels branch2 = result.redundantPairs().get(1);
        assertPeering(branch1.tunnel1(), "52.142.232.43", 65101, "172.21.1.154", "172.21.101.4");
        assertPeering(branch1.tunnel2(), "52.142.232.0", 65101, "172.21.1.154", "172.21.101.5");
        // The second site lists the instances' BGP addresses the other way round.
        assertPeering(branch2.tunnel1(), "52.142.232.43", 65102, "172.21.2.154", "172.21.101.5");
        assertPeering(branch2.tunnel2(), "52.142.232.0", 65102, "172.21.2.154", "172.21.101.4");
        assertThat(branch1.tunnel1().gateway()).isNotEqualTo(branch1.tunnel2().gateway());
        assertThat(result.toString()).contains("AS65101->AS65515 via 172.21.101.4 multihop from 172.21.1.154");
        assertThat(result.findings()).filteredOn(f -> f.finding().code().equals("BGP_MULTIHOP")).hasSize(4)
                .allSatisfy(f -> assertThat(f.location().isUnknown()).isFalse());
    }

    @Test
    void importsAzureApipaBgpAddressesAsAPairPeeringFromTheSitesOneAddress() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(CraftedConfigs.AZURE_VWAN_BGP_APIPA.getBytes(StandardCharsets.UTF_8));

        assertThat(result.singleTunnels()).isEmpty();
        assertThat(result.redundantPairs()).singleElement().satisfies(p -> {
            assertPeering(p.tunnel1(), "20.79.120.11", 65010, "169.254.21.2", "169.254.21.1");
            assertPeering(p.tunnel2(), "20.79.120.12", 65010, "169.254.21.2", "169.254.22.1");
        });
        assertThat(result.findings(Severity.ERROR)).isEmpty();
    }

    @Test
    void mapsAnAzureDeviceScriptsBgpAddressesToMultihopPeeringOrSaysWhichOneIsMissing() throws ConfigParseException {
        String bgpOn = FixtureFiles.cloudConfigText("azure-devicescript-cisco-ios-1.txt")
                .replace("Enable BGP:            False", "Enable BGP:            True")
                .replace("VNG_ASN", "65515").replace("LNG_ASN", "65010").replace("LNG_BGPIP", "10.1.255.1");
        CloudImport noAzureAddress = CloudTunnelMapper.importBytes(bgpOn.getBytes(StandardCharsets.UTF_8));
        assertThat(noAzureAddress.singleTunnels()).singleElement().satisfies(t -> assertThat(t.bgp()).isEmpty());
        assertThat(noAzureAddress.findings()).anySatisfy(f -> {
            assertThat(f.finding().code()).isEqualTo("BGP_INCOMPLETE");
            assertThat(f.finding().message()).contains("lacks the cloud's BGP address");
        });

        String withAzureAddress = bgpOn.replace("!     + Azure BGP ASN:         65515\n",
                "!     + Azure BGP ASN:         65515\n!     + Azure BGP IP:          10.0.255.30\n");
        CloudImport result = CloudTunnelMapper.importBytes(withAzureAddress.getBytes(StandardCharsets.UTF_8));
        assertThat(result.singleTunnels()).singleElement().satisfies(t -> {
            assertThat(t.tunnelInterface()).isEmpty();
            assertThat(t.routes()).containsExactly(Route.parse("10.0.255.30/32"));
            assertThat(t.bgp().get().kind()).isEqualTo(BgpPeeringKind.MULTIHOP);
            assertThat(t.bgp().get().localAddress()).contains(IpAddress.parse("10.1.255.1"));
            assertThat(t.bgp().get().neighbor()).isEqualTo(IpAddress.parse("10.0.255.30"));
        });
    }

    private static void assertPeering(Tunnel t, String remoteIp, long asn, String local, String neighbor) {
        assertThat(t.phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse(remoteIp));
        assertThat(t.tunnelInterface()).as("inside network of " + t.name()).isEmpty();
        assertThat(t.routes()).containsExactly(Route.parse(neighbor + "/32"));
        assertThat(t.bgp()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(BgpPeeringKind.MULTIHOP);
            assertThat(b.localAsn()).isEqualTo(Asn.of(asn));
            assertThat(b.peerAsn()).isEqualTo(Asn.of(65515));
            assertThat(b.localAddress()).contains(IpAddress.parse(local));
            assertThat(b.neighbor()).isEqualTo(IpAddress.parse(neighbor));
            assertThat(b.ttl()).isEqualTo(255);
        });
    }

    @Test
    void reportsTheMaskedGcpSecret() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("gcp-vpntunnel-cloudmc-1.json"));

        assertThat(result.allTunnels()).isEmpty();
        assertThat(result.findings(Severity.ERROR)).singleElement()
                .satisfies(f -> assertThat(f.finding().code()).isEqualTo("NO_PRE_SHARED_KEY"));
    }

    @Test
    void buildsThePolicyBasedGcpTunnelOnceTheKeyIsSupplied() throws ConfigParseException {
        CloudVpnConnection c = CloudConfigReader.read(FixtureFiles.cloudConfig("gcp-vpntunnel-cloudmc-1.json"));

        CloudImport result = CloudTunnelMapper.map(c, ImportOptions.defaults().withPreSharedKey(Secret.of("Kx7Qp2Lm9Vr4Tz8Wn3Ys6Hd1Jf5Bg0Ca")));

        assertThat(result.singleTunnels()).singleElement().satisfies(t -> {
            assertThat(t.routing()).isEqualTo(RoutingMode.POLICY_BASED);
            assertThat(t.phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse("34.66.131.105"));
            assertThat(t.phaseOne().localPublicIp()).contains(IpAddress.parse("69.196.164.138"));
            assertThat(t.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV2);
            assertThat(t.phaseTwo().localSubnets()).containsExactly(TrafficSelector.of(Cidr.parse("10.177.132.0/22")));
            assertThat(t.phaseTwo().remoteSubnets()).containsExactly(TrafficSelector.of(Cidr.parse("10.128.0.0/20")));
            assertThat(t.phaseTwo().proposals()).isNotEmpty();
        });
        assertThat(result.findings()).anyMatch(f -> f.finding().code().equals("PRE_SHARED_KEY_SUPPLIED"));
        assertThat(result.toString()).doesNotContain("Kx7Qp2Lm9Vr4Tz8Wn3Ys6Hd1Jf5Bg0Ca");
    }
}
