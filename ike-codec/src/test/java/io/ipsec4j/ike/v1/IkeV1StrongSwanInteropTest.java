package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live IKEv1 interop with strongSwan (IKE-ESP-REFERENCE §10): two charons with {@code version = 1}
 * connections bring up a PSK tunnel (main or aggressive mode, quick mode with or without PFS), then
 * optionally rekey the CHILD_SA, wait for a DPD R-U-THERE, and delete everything, while A's veth is
 * captured. {@link IkeV1CaptureChecker} then checks every captured datagram against both charons'
 * level-4 logs. Skips without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeV1StrongSwanInteropTest {
    private static final String CHILD = "net";

    record Scenario(String name, String ikeProposal, String espProposal, boolean aggressive, boolean rekeyAndDpd) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                new Scenario("main mode aes128-sha1-modp2048, quick mode without PFS", "aes128-sha1-modp2048",
                        "aes128-sha1", false, false),
                new Scenario("main mode aes256-sha256-modp2048, quick mode with PFS, rekey, DPD, deletes",
                        "aes256-sha256-modp2048", "aes256-sha256-modp2048", false, true),
                new Scenario("aggressive mode PSK aes128-sha1-modp2048", "aes128-sha1-modp2048", "aes128-sha1", true,
                        false),
                new Scenario("main mode 3des-sha1-modp2048 (key expansion)", "3des-sha1-modp2048", "aes128-sha1",
                        false, false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyIkeV1MessageOfALiveExchangeChecksOut(Scenario s) throws Exception {
        InteropEnvironment.assumeAvailable();
        List<UdpCapture.Datagram> datagrams;
        CharonLog logA;
        CharonLog logB;
        String initiator;
        byte[] pcap;
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child(CHILD, s.espProposal(), 1)))) {
            String charonExtra = s.aggressive() ? "  i_dont_care_about_security_and_use_aggressive_mode_psk = yes" : "";
            // swanctl.conf: a later definition of a key replaces the harness's "version = 2".
            String connection = "    version = 1\n" + (s.aggressive() ? "    aggressive = yes\n" : "")
                    + (s.rekeyAndDpd() ? "    dpd_delay = 1s\n" : "");
            pair.ikeProposal(s.ikeProposal()).strongswanConfExtra(charonExtra).connectionExtra(connection);
            pair.start();
            initiator = pair.address(Node.A);
            UdpCapture capture = pair.capture(Node.A, pair.veth(Node.A), "ike-a");
            pair.initiateAll();
            Child child = new Child(CHILD, s.espProposal(), 1);
            List<byte[]> traffic = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                traffic.add(("IKEv1 quick mode SA datagram " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            pair.sendUdp(Node.A, child.initiatorAddress(), 40001, child.responderAddress(), 9, traffic);
            String vici = "unix://" + pair.directory().resolve(Node.A.name()).resolve("charon.vici");
            String ns = pair.namespace(Node.A);
            if (s.rekeyAndDpd()) {
                HostCommand.check(30, HostCommand.inNamespace(ns, "swanctl", "--rekey", "--child", CHILD, "--uri", vici));
                // The capture checks below assert what these waits are for (two CHILD SAs, DPD, Delete).
                Await.poll(Duration.ofSeconds(10), () -> pair.log(Node.A).childSas().size() >= 2);
                Await.poll(Duration.ofSeconds(10), () -> logText(pair, Node.A).contains("sending DPD request"));
                Await.poll(Duration.ofSeconds(3), () -> logText(pair, Node.A).contains("N(DPD_ACK)"));
                HostCommand.check(30, HostCommand.inNamespace(ns, "swanctl", "--terminate", "--ike", "interop",
                        "--uri", vici));
                Await.poll(Duration.ofSeconds(5), () -> logText(pair, Node.B).contains("received DELETE"));
            }
            datagrams = capture.stop();
            pcap = Files.readAllBytes(pair.directory().resolve("ike-a.pcapng"));
            logA = pair.log(Node.A);
            logB = pair.log(Node.B);
        }
        IkeV1CaptureChecker c = new IkeV1CaptureChecker();
        c.check(datagrams, logA, logB, initiator);
        int esp = c.openEsp(datagrams);
        // NAT-D (RFC 3947 §3.2): the first of each message is HASH(CKY-I | CKY-R | IP | Port) of its destination;
        // the sender's own is faked (encap = yes, kernel-libipsec), so it must match neither address.
        IkeV1LiveChecker natD = new IkeV1LiveChecker();
        natD.decode(datagrams, initiator);
        natD.checkPlaintextNatD();
        assertThat(natD.natDMatched).as("NAT-D of the destination").isGreaterThanOrEqualTo(s.aggressive() ? 1 : 2);
        assertThat(natD.natDUnmatched).as("faked NAT-D of the sender").isEqualTo(natD.natDMatched);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "{0}: datagrams decoded {1}, keys "
                + "matched {2}, messages decrypted {3}, hashes verified {4}, child SAs matched {5}, retransmissions {6}, ESP packets opened {7}, "
                + "NAT-D matched {8} (faked {9})", s, c.decoded, c.keysMatched, c.decrypted, c.hashesVerified,
                c.childSasMatched, c.retransmissions, esp, natD.natDMatched, natD.natDUnmatched);
        assertThat(esp).as("ESP packets opened").isGreaterThanOrEqualTo(3);
        // tshark, given our ikev1_decryption_table row, decrypts the encrypted phase 1 messages (their IDs).
        String row = IkeV1WiresharkKeys.ikev1DecryptionRowWithKeys(c.initiatorCookie, c.keys.encryptionKey());
        String withRow = tshark(pcap, row);
        if (!s.aggressive()) {
            assertThat(tshark(pcap, null)).doesNotContain("a@interop.test");
        }
        assertThat(withRow).contains("Identification Data:a@interop.test", "Identification Data:b@interop.test");
        // and, given esp_sa rows from our quick mode KEYMAT, the ESP packets: the inner datagrams appear.
        List<String> espRows = new java.util.ArrayList<>();
        for (var e : c.espKeys.entrySet()) {
            for (String[] ends : new String[][] {{"192.0.2.1", "192.0.2.2"}, {"192.0.2.2", "192.0.2.1"}}) {
                espRows.add(io.ipsec4j.ike.v2.IkeWiresharkKeys.espSaRowWithKeys(
                        java.net.InetAddress.getByName(ends[0]), java.net.InetAddress.getByName(ends[1]), e.getKey(),
                        c.espEncryption, e.getValue().encryptionKey(), c.espIntegrity, e.getValue().integrityKey()));
            }
        }
        String espOut = tsharkEsp(pcap, espRows);
        assertThat(espOut.lines().filter(l -> l.contains("Src Port: 40001")).count()).as("ESP decrypted by tshark")
                .isGreaterThanOrEqualTo(3);
        assertThat(c.keysMatched).isEqualTo(5);
        assertThat(c.chosenIke.toStrongSwan()).isEqualTo(io.ipsec4j.model.algorithm.IkeProposal.parse(s.ikeProposal())
                .toStrongSwan());
        assertThat(c.chosenEsp.toStrongSwan()).isEqualTo(io.ipsec4j.model.algorithm.EspProposal.parse(s.espProposal())
                .toStrongSwan());
        assertThat(c.selectors).allSatisfy(t -> assertThat(t).isEqualTo(io.ipsec4j.model.TrafficSelector.parse(
                new Child(CHILD, s.espProposal(), 1).initiatorAddress() + "/32")));
        assertThat(c.decrypted).isGreaterThanOrEqualTo(s.aggressive() ? 3 : 5);
        assertThat(c.childSasMatched).isGreaterThanOrEqualTo(s.rekeyAndDpd() ? 2 : 1);
        if (s.rekeyAndDpd()) {
            assertThat(c.plain).anySatisfy(m -> assertThat(m.payloads(IkeV1NotificationPayload.class))
                    .anySatisfy(n -> assertThat(n.notifyType()).isEqualTo(IkeV1NotifyType.R_U_THERE)));
            assertThat(c.plain).anySatisfy(m -> assertThat(m.payloads(IkeV1DeletePayload.class))
                    .anySatisfy(d -> assertThat(d.protocolId()).isEqualTo(1)));
        }
    }

    /** Runs {@code tshark -V} on the capture, with our ikev1_decryption_table row if given. */
    private static String tshark(byte[] pcapBytes, String row) throws Exception {
        java.nio.file.Path file = Files.createTempFile("ikev1-", ".pcapng");
        try {
            Files.write(file, pcapBytes);
            List<String> cmd = new java.util.ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
            if (row != null) {
                cmd.addAll(List.of("-o", "uat:ikev1_decryption_table:" + row));
            }
            cmd.addAll(List.of("-Y", "isakmp", "-V"));
            return HostCommand.check(60, cmd.toArray(new String[0]));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@code tshark -V} on the ESP of the capture with our {@code esp_sa} rows. */
    private static String tsharkEsp(byte[] pcapBytes, List<String> rows) throws Exception {
        java.nio.file.Path file = Files.createTempFile("ikev1-esp-", ".pcapng");
        try {
            Files.write(file, pcapBytes);
            List<String> cmd = new java.util.ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
                    "-o", "esp.enable_encryption_decode:TRUE"));
            for (String row : rows) {
                cmd.addAll(List.of("-o", "uat:esp_sa:" + row));
            }
            cmd.addAll(List.of("-Y", "esp", "-V"));
            return HostCommand.check(60, cmd.toArray(new String[0]));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String logText(StrongSwanPair pair, Node node) throws java.io.IOException {
        return Files.readString(pair.directory().resolve(node.name()).resolve("charon.log"));
    }
}
