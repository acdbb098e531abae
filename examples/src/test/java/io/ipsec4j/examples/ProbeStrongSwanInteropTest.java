package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live: the {@code Probe} example, run inside node A's network namespace, probes node B's charon
 * (192.0.2.2, an address inside the test's own namespaces) configured with a known, non-default
 * proposal list, for IKEv2 and IKEv1 Main Mode, and must print exactly that list. Its output is
 * logged for the closing note. Skips without root/strongSwan unless
 * {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class ProbeStrongSwanInteropTest {

    record Scenario(String name, String proposals, boolean ikeV1) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                new Scenario("IKEv2 responder", "aes256-sha256-modp2048, aes128gcm16-prfsha256-ecp256", false),
                new Scenario("IKEv1 main mode responder", "aes256-sha256-modp2048, aes128-sha1-modp3072", true))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theProbeFindsExactlyTheConfiguredProposals(Scenario s) throws Exception {
        InteropEnvironment.assumeAvailable();
        String output;
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child("net", "aes128gcm16", 1)))) {
            pair.ikeProposal(s.proposals()).connectionExtra(s.ikeV1() ? "    version = 1\n" : "");
            pair.start();
            Path tunnel = pair.directory().resolve("tunnel.json");
            Files.writeString(tunnel, TunnelJson.write(tunnel(s.ikeV1(), pair.address(Node.B), pair.address(Node.A)),
                    SecretOutput.REVEAL)); // a dummy PSK: Probe never uses it
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new java.util.ArrayList<>(List.of(HostCommand.inNamespace(pair.namespace(Node.A), java,
                    "-cp", System.getProperty("java.class.path"), Probe.class.getName(), pair.address(Node.B),
                    "--delay-ms", "20", "--timeout-ms", "3000", "--max-probes", "100", "--tunnel", tunnel.toString(),
                    "--record", recording(s).toString())));
            if (s.ikeV1()) {
                cmd.add("--ikev1");
            }
            output = HostCommand.check(300, cmd.toArray(new String[0]));
        }
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "Probe against charon ({0}: {1}):\n{2}",
                s, s.proposals(), output);
        String line = output.lines().filter(l -> l.startsWith("proposals = ")).findFirst().orElseThrow();
        List<String> found = Arrays.asList(line.substring("proposals = ".length()).split(", "));
        List<String> configured = Arrays.stream(s.proposals().split(","))
                .map(p -> IkeProposal.parse(p.trim()).toStrongSwan()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(configured);
        assertThat(output).contains("(complete,", "preferred: " + configured.get(0), "ACCEPTED " + configured.get(0),
                "REJECTED aes128-sha1-modp1024");
        assertThat(output).doesNotContain("unanswered");
    }

    /** Where the exchanged datagrams go: ike-codec's probe tests replay such recordings of charon. */
    private static Path recording(Scenario s) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "probe-recordings"));
        return dir.resolve((s.ikeV1() ? "charon-ikev1-main" : "charon-ikev2") + ".txt").toAbsolutePath();
    }

    private static Tunnel tunnel(boolean ikeV1, String remote, String local) {
        PhaseOne one = PhaseOne.builder().ikeVersion(ikeV1 ? IkeVersion.IKEV1_MAIN : IkeVersion.IKEV2)
                .sharedSecret(Secret.of("not-used-by-the-probe")).remotePublicIp(IpAddress.parse(remote))
                .localPublicIp(IpAddress.parse(local)).addProposals(IkeProposal.parse("aes256-sha256-modp2048"),
                        IkeProposal.parse("aes128-sha1-modp1024")).build();
        return Tunnel.builder().name("probe-test").gateway("gw").routing(RoutingMode.POLICY_BASED).phaseOne(one)
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse("10.1.0.0/16"))
                        .addRemoteSubnets(TrafficSelector.parse("10.2.0.0/16"))
                        .addProposals(EspProposal.parse("aes128gcm16")).build())
                .build();
    }
}
