package io.ipsec4j.config;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.azure.AzureVwanJsonParser;
import io.ipsec4j.model.Asn;
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

        assertThat(result.allTunnels()).hasSize(6);
        assertThat(result.allTunnels()).allSatisfy(t -> assertThat(t.bgp()).isPresent());
        Tunnel first = result.allTunnels().get(0);
        assertThat(first.bgp().get().localAsn()).isEqualTo(Asn.of(65101));
        assertThat(first.bgp().get().peerAsn()).isEqualTo(Asn.of(65515));
        assertThat(first.bgp().get().neighbor()).isEqualTo(IpAddress.parse("172.21.101.4"));
        assertThat(first.tunnelInterface().get().localAddress()).isEqualTo(IpAddress.parse("172.21.1.154"));
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
