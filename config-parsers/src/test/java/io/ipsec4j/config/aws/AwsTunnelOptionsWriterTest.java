package io.ipsec4j.config.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigDetector;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudTunnel;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.RoutingType;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.aws.AwsTunnelOptionsWriter.StartupAction;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsTunnelOptionsWriterTest {
    private static final String PSK = "Kx7pQ2mZr9VtLw4sNb8cYd3F";

    static Tunnel tunnel(String ike, String esp, int replay) {
        return Tunnel.builder().name("aws-1").gateway("gw-1")
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(PSK))
                        .remotePublicIp(IpAddress.parse("198.18.0.10")).localPublicIp(IpAddress.parse("198.18.0.20"))
                        .lifetime(Lifetime.ofSeconds(28_800)).addProposals(IkeProposal.parse(ike)).build())
                .phaseTwo(PhaseTwo.builder().addProposals(EspProposal.parse(esp)).replayWindow(replay)
                        .lifetime(Lifetime.builder().time(Duration.ofSeconds(3_600)).rekeyMargin(Duration.ofSeconds(540))
                                .rekeyFuzzPercent(100).build())
                        .dpd(Dpd.ofSeconds(10, 40, DpdAction.RESTART))
                        .addLocalSubnets(TrafficSelector.ANY_IPV4).addRemoteSubnets(TrafficSelector.ANY_IPV4).build())
                .routing(RoutingMode.ROUTE_BASED)
                .tunnelInterface(TunnelInterface.parse("169.254.44.2/30", "169.254.44.1"))
                .addRoutes(Route.of(Cidr.parse("10.20.0.0/16"))).build();
    }

    @Test
    void writesTheApisOwnSpellings() throws Exception {
        String json = AwsTunnelOptionsWriter.tunnelOptions(tunnel("aes256-aes128-sha256-sha1-modp2048-ecp384",
                "aes256gcm16-aes128gcm16-modp2048", 1024), StartupAction.ADD, SecretOutput.REDACT);
        assertThat(json.replaceAll("\\s+", "")).isEqualTo("{\"TunnelInsideCidr\":\"169.254.44.0/30\","
                + "\"Phase1LifetimeSeconds\":28800,\"Phase2LifetimeSeconds\":3600,\"RekeyMarginTimeSeconds\":540,"
                + "\"RekeyFuzzPercentage\":100,\"ReplayWindowSize\":1024,\"DPDTimeoutSeconds\":40,\"DPDTimeoutAction\":\"restart\","
                + "\"Phase1EncryptionAlgorithms\":[{\"Value\":\"AES128\"},{\"Value\":\"AES256\"}],"
                + "\"Phase2EncryptionAlgorithms\":[{\"Value\":\"AES128-GCM-16\"},{\"Value\":\"AES256-GCM-16\"}],"
                + "\"Phase1IntegrityAlgorithms\":[{\"Value\":\"SHA1\"},{\"Value\":\"SHA2-256\"}],"
                + "\"Phase1DHGroupNumbers\":[{\"Value\":14},{\"Value\":20}],\"Phase2DHGroupNumbers\":[{\"Value\":14}],"
                + "\"IKEVersions\":[{\"Value\":\"ikev2\"}],\"StartupAction\":\"add\"}");
    }

    @Test
    void writesTheKeyOnlyWhenAsked() throws Exception {
        Tunnel t = tunnel("aes128-sha256-modp2048", "aes128-sha256-modp2048", 1024);
        assertThat(AwsTunnelOptionsWriter.tunnelOptions(t, StartupAction.ADD, SecretOutput.REDACT)).doesNotContain(PSK);
        assertThat(AwsTunnelOptionsWriter.tunnelOptions(t, StartupAction.ADD, SecretOutput.REVEAL))
                .contains("\"PreSharedKey\" : \"" + PSK + "\"");
    }

    @Test
    void refusesWhatAwsRefusesWithTheProfilesFindings() {
        Tunnel t = tunnel("aes256-sha256-modp2048", "chacha20poly1305-modp2048", 16);
        assertThatThrownBy(() -> AwsTunnelOptionsWriter.tunnelOptions(t, StartupAction.ADD, SecretOutput.REVEAL))
                .isInstanceOf(VendorRefusedException.class)
                .hasMessageContaining("AWS would refuse tunnel \"aws-1\"")
                .hasMessageContaining("REPLAY_WINDOW_RANGE")
                .hasMessageNotContaining(PSK)
                .satisfies(e -> assertThat(((VendorRefusedException) e).findings()).extracting(Finding::code)
                        .contains("REPLAY_WINDOW_RANGE"));
    }

    @Test
    void refusesWhatTheOptionsCannotState() {
        Tunnel noPfs = tunnel("aes256-sha256-modp2048", "aes128gcm16", 1024);
        assertThatThrownBy(() -> AwsTunnelOptionsWriter.tunnelOptions(noPfs, StartupAction.ADD, SecretOutput.REDACT))
                .isInstanceOf(VendorRefusedException.class).hasMessageContaining("AWS_PFS_REQUIRED");
        Tunnel swapped = Tunnel.builder().from(tunnel("aes256-sha256-modp2048", "aes128gcm16-modp2048", 1024))
                .tunnelInterface(TunnelInterface.parse("169.254.44.1/30", "169.254.44.2")).build();
        assertThatThrownBy(() -> AwsTunnelOptionsWriter.tunnelOptions(swapped, StartupAction.ADD, SecretOutput.REDACT))
                .isInstanceOf(VendorRefusedException.class).hasMessageContaining("AWS_INSIDE_ADDRESSES");
    }

    @Test
    void aBareOptionsObjectIsDetectedAndReadWithoutAnOutsideAddress() throws Exception {
        String json = AwsTunnelOptionsWriter.tunnelOptions(tunnel("aes128-sha256-modp2048", "aes128-sha256-modp2048", 1024),
                StartupAction.START, SecretOutput.REDACT);
        assertThat(CloudConfigDetector.detect(ConfigText.of(json))).isEqualTo(CloudConfigFormat.AWS_TUNNEL_OPTIONS_JSON);
        CloudTunnel t = CloudConfigReader.read(json).tunnels().get(0);
        assertThat(t.cloudOutsideAddress()).isEmpty();
        assertThat(t.startupAction()).contains("start");
        assertThat(t.phase2().rekeyMarginSeconds()).hasValue(540);
        assertThat(t.dpdTimeoutSeconds()).hasValue(40);
    }

    @Test
    void aPairBecomesTheCreateVpnConnectionOptionsWithOneEntryPerTunnel() throws Exception {
        Tunnel t1 = Tunnel.builder().from(tunnel("aes256-sha256-modp2048", "aes256gcm16-modp2048", 1024)).routes(List.of())
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512)).neighbor(IpAddress.parse("169.254.44.1"))
                        .build()).build();
        Tunnel t2 = Tunnel.builder().from(t1).name("aws-2").gateway("gw-2")
                .phaseOne(PhaseOne.builder().from(t1.phaseOne()).remotePublicIp(IpAddress.parse("198.18.0.11"))
                        .localPublicIp(IpAddress.parse("198.18.0.21")).build())
                .tunnelInterface(TunnelInterface.parse("169.254.45.2/30", "169.254.45.1"))
                .bgp(BgpPeering.builder().localAsn(Asn.of(65000)).peerAsn(Asn.of(64512)).neighbor(IpAddress.parse("169.254.45.1"))
                        .build()).build();
        RedundantTunnels pair = RedundantTunnels.builder().name("pair").tunnel1(t1).tunnel2(t2).build();
        String json = AwsTunnelOptionsWriter.connectionOptions(pair, StartupAction.ADD, SecretOutput.REDACT);
        assertThat(json).contains("\"StaticRoutesOnly\" : false", "\"TunnelInsideIpVersion\" : \"ipv4\"").doesNotContain(PSK);
        CloudVpnConnection c = CloudConfigReader.read(json);
        assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_TUNNEL_OPTIONS_JSON);
        assertThat(c.tunnels()).extracting(t -> t.customerInsideAddress().orElseThrow().address().toString())
                .containsExactly("169.254.44.2", "169.254.45.2");
        assertThat(c.tunnels()).allSatisfy(t -> assertThat(t.routing()).isEqualTo(RoutingType.BGP));
    }
}
