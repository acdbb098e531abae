package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.Identity;
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
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live: the {@code IkeTunnel} example (the engine over {@link IkeDatagramDriver}'s real UDP
 * sockets), run as its own JVM inside node A's network namespace in place of A's charon, brings a
 * tunnel up with node B's charon, as initiator and as responder: the example prints the IKE SA and
 * the CHILD SA, charon lists both with the SPIs the example printed, and when charon deletes the IKE
 * SA the example reports it and ends with the session CLOSED. Skips without root/strongSwan unless
 * {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeTunnelStrongSwanInteropTest {
    private static final Pattern CHILD = Pattern.compile("CHILD SA installed: in ([0-9a-f]{8}) out ([0-9a-f]{8})");
    private static final String IKE = "aes256gcm16-prfsha384-ecp384";
    private static final String ESP = "aes256gcm16";

    @ParameterizedTest(name = "example initiates: {0}")
    @ValueSource(booleans = {true, false})
    void theExampleBringsTheTunnelUpWithCharonAndSeesItDeleted(boolean exampleInitiates) throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child("net", ESP, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(IKE).start();
            stopCharon(pair, Node.A);
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            Path json = pair.directory().resolve("tunnel.json");
            Files.writeString(json, TunnelJson.write(tunnel(pair, child), SecretOutput.REVEAL));
            Path out = pair.directory().resolve("ike-tunnel.out");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process example = HostCommand.start(out, HostCommand.inNamespace(pair.namespace(Node.A), java, "-cp",
                    System.getProperty("java.class.path"), IkeTunnel.class.getName(), json.toString(),
                    exampleInitiates ? "initiate" : "respond", "60"));
            try {
                if (!exampleInitiates) {
                    Await.until("the example binds", Duration.ofSeconds(20),
                            () -> Files.readString(out).contains("waiting"));
                    HostCommand.start(pair.directory().resolve("initiate.out"), HostCommand.inNamespace(
                            pair.namespace(Node.B), "swanctl", "--initiate", "--child", child.name, "--uri", vici));
                }
                Await.until("the example's CHILD SA", Duration.ofSeconds(30),
                        () -> CHILD.matcher(Files.readString(out)).find());
                String printed = Files.readString(out);
                assertThat(printed).contains("IKE SA established");
                Matcher m = CHILD.matcher(printed);
                assertThat(m.find()).isTrue();
                String sas = pair.listSas(Node.B);
                assertThat(sas).contains("ESTABLISHED").contains("INSTALLED").contains(m.group(1)).contains(m.group(2));

                HostCommand.check(30, HostCommand.inNamespace(pair.namespace(Node.B), "swanctl", "--terminate",
                        "--ike", "interop", "--uri", vici));
                Await.until("the example ends", Duration.ofSeconds(30), () -> !example.isAlive());
                String all = Files.readString(out);
                System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "IkeTunnel against charon:\n{0}",
                        all);
                assertThat(all).contains("IkeSaDeleted[byPeer=true]").contains("session CLOSED");
                assertThat(example.exitValue()).isZero();
            } finally {
                example.destroy();
            }
        }
    }

    /** Stops {@code node}'s charon (every process in its namespace, by pid) so that the example takes its place. */
    private static void stopCharon(StrongSwanPair pair, Node node) throws Exception {
        String pids = HostCommand.check(10, "ip", "netns", "pids", pair.namespace(node)).trim();
        for (String pid : pids.split("\\s+")) {
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
            }
        }
        Await.until("charon " + node + " gone", Duration.ofSeconds(5),
                () -> HostCommand.check(10, "ip", "netns", "pids", pair.namespace(node)).isBlank());
    }

    private static Tunnel tunnel(StrongSwanPair pair, Child child) {
        return Tunnel.builder().name("interop").gateway("gw").routing(RoutingMode.POLICY_BASED)
                .phaseOne(PhaseOne.builder().ikeVersion(IkeVersion.IKEV2).sharedSecret(Secret.of(StrongSwanPair.PSK))
                        .remotePublicIp(IpAddress.parse(pair.address(Node.B)))
                        .localPublicIp(IpAddress.parse(pair.address(Node.A)))
                        .localId(Identity.userFqdn("a@interop.test")).remoteId(Identity.userFqdn("b@interop.test"))
                        .addProposals(IkeProposal.parse(IKE)).build())
                .phaseTwo(PhaseTwo.builder().addLocalSubnets(TrafficSelector.parse(child.initiatorAddress() + "/32"))
                        .addRemoteSubnets(TrafficSelector.parse(child.responderAddress() + "/32"))
                        .addProposals(EspProposal.parse(ESP)).build())
                .build();
    }
}
