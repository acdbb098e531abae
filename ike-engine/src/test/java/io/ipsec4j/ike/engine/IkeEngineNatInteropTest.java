package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our initiator behind a real NAT: an nftables source NAT in node A's namespace rewrites our UDP
 * ports 500 and 4500 to {@value #NAT_IKE_PORT} and {@value #NAT_ESP_PORT} on their way to charon on
 * B (and back, by connection tracking). NAT detection must find our own address translated
 * (charon's NAT_DETECTION_DESTINATION_IP names the rewritten port), both sides move to port 4500,
 * charon lists us at the translated port, ESP flows both ways through the NAT, and our engine sends
 * NAT keepalives (one byte 0xFF, RFC 3948 §2.3) every {@value #KEEPALIVE_SECONDS} s as configured,
 * which a capture on B sees arrive from the NAT's port, that is, through the mapping they keep.
 */
@Tag("interop")
class IkeEngineNatInteropTest {
    static final int NAT_IKE_PORT = 40500;
    static final int NAT_ESP_PORT = 44500;
    static final int KEEPALIVE_SECONDS = 2;
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";
    private static final String IKE = "aes128gcm16-prfsha256-x25519";
    private static final String ESP = "aes128gcm16";

    @Test
    void behindARealNatOurKeepalivesKeepTheMappingAndEspFlows() throws Exception {
        InteropEnvironment.assumeAvailable();
        Child child = new Child("net", ESP, 1);
        try (StrongSwanPair pair = new StrongSwanPair(List.of(child))) {
            pair.ikeProposal(IKE).start();
            IkeEngineStrongSwanInteropTest.stopCharon(pair, Node.A);
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.A), "nft", "-f", writeRules(pair)));
            String vici = "unix://" + pair.directory().resolve("B").resolve("charon.vici");
            try (RelayProcess relay = RelayProcess.start(pair.namespace(Node.A), A, 500, 4500)) {
                Tunnel t = IkeEngineStrongSwanInteropTest.tunnel(IKE, ESP, child);
                IkeSessionOptions options = IkeSessionOptions.defaults()
                        .withNatKeepalive(Duration.ofSeconds(KEEPALIVE_SECONDS));
                IkeSession s = IkeSession.initiator(t, new InetSocketAddress(A, 500), new InetSocketAddress(B, 500),
                        options, new SecureRandom());
                s.initiate(Instant.now());
                List<IkeEvent> events = new ArrayList<>();
                List<RelayProcess.Received> esps = new ArrayList<>();
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps, () -> events.stream().anyMatch(
                        e -> e instanceof IkeEvent.ChildSaInstalled || e instanceof IkeEvent.SessionFailed));
                IkeEvent.IkeSaEstablished up = events.stream().filter(IkeEvent.IkeSaEstablished.class::isInstance)
                        .map(IkeEvent.IkeSaEstablished.class::cast).findFirst()
                        .orElseThrow(() -> new AssertionError("not established: " + events));
                assertThat(up.natDetected()).isTrue();
                assertThat(s.behindNat).as("our own address found translated").isTrue();
                String sas = HostCommand.check(20, HostCommand.inNamespace(pair.namespace(Node.B), "swanctl",
                        "--list-sas", "--uri", vici));
                assertThat(sas).as("charon sees us at the NAT's port").contains(A + "[" + NAT_ESP_PORT + "]");

                // Keepalives: capture on B what arrives from the NAT's port 44500 while nothing else is sent.
                UdpCapture capture = pair.capture(Node.B, pair.veth(Node.B), "keepalives");
                Instant start = Instant.now();
                IkeEngineStrongSwanInteropTest.pump(s, relay, events, esps,
                        () -> Duration.between(start, Instant.now()).toSeconds() > 3 * KEEPALIVE_SECONDS + 1);
                List<UdpCapture.Datagram> seen = capture.stop();
                List<UdpCapture.Datagram> keepalives = seen.stream().filter(d -> d.payload.length == 1
                        && d.payload[0] == (byte) 0xFF && d.source.equals(A)).toList();
                assertThat(keepalives).as("NAT keepalives at charon").hasSizeGreaterThanOrEqualTo(3)
                        .allMatch(d -> d.sourcePort == NAT_ESP_PORT && d.destinationPort == 4500);

                // ESP both ways through the NAT.
                IkeEvent.ChildSaInstalled installed = events.stream().filter(IkeEvent.ChildSaInstalled.class::isInstance)
                        .map(IkeEvent.ChildSaInstalled.class::cast).findFirst().orElseThrow();
                IkeEngineStrongSwanInteropTest.espBothWays(pair, s, relay, events, esps, installed, child,
                        "back through the NAT");
                System.out.printf("behind nftables NAT (ports 500->%d, 4500->%d): %d keepalives in %d s at charon%n",
                        NAT_IKE_PORT, NAT_ESP_PORT, keepalives.size(), 3 * KEEPALIVE_SECONDS + 1);
                assertThat(s.state()).isEqualTo(IkeSessionState.ESTABLISHED);
            }
        }
    }

    /** Writes the NAT rules for node A into the pair's directory; returns the file. */
    private static String writeRules(StrongSwanPair pair) throws java.io.IOException {
        java.nio.file.Path rules = pair.directory().resolve("A").resolve("nat.nft");
        java.nio.file.Files.writeString(rules, String.join("\n",
                "table ip ipsec4j_nat {",
                "  chain postrouting {",
                "    type nat hook postrouting priority srcnat; policy accept;",
                "    udp sport 500 snat to " + A + ":" + NAT_IKE_PORT,
                "    udp sport 4500 snat to " + A + ":" + NAT_ESP_PORT,
                "  }",
                "}", ""));
        return rules.toString();
    }
}
