package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v1.IkeV1CaptureResult.Outcome;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Child;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeV1CaptureDecryptor} on a live strongSwan IKEv1 session captured by tshark: main mode
 * aes128-sha1-modp2048 with a PSK, quick mode aes128-sha1, ESP datagrams, DPD R-U-THERE and the
 * deletes. Given only the {@code ikev1_decryption_table} row {@link IkeV1WiresharkKeys} writes for
 * the session (the cookie and Ka that {@link IkeV1CaptureChecker} derived and matched with both
 * charons' logs), every encrypted message decrypts, to the payloads the checker decrypted.
 *
 * <p>With {@code -Dipsec4j.ikev1.bundle=<directory>} it also writes the capture and its key table
 * there as {@code strongswan-ikev1.pcapng} and {@code strongswan-ikev1.ikev1_decryption_table}: that
 * is how the examples' bundled IKEv1 capture was recorded. Skips without root/strongSwan unless
 * {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeV1CaptureDecryptorInteropTest {
    private static final String CHILD = "net";
    private static final String IKE_PROPOSAL = "aes128-sha1-modp2048";
    private static final String ESP_PROPOSAL = "aes128-sha1";

    @Test
    void aLiveMainModeQuickModeAndInformationalDecryptCompletelyFromTheKeyTableRow() throws Exception {
        InteropEnvironment.assumeAvailable();
        List<UdpCapture.Datagram> datagrams;
        byte[] pcap;
        IkeV1CaptureChecker checker = new IkeV1CaptureChecker();
        try (StrongSwanPair pair = new StrongSwanPair(List.of(new Child(CHILD, ESP_PROPOSAL, 1)))) {
            pair.ikeProposal(IKE_PROPOSAL).connectionExtra("    version = 1\n    dpd_delay = 1s\n");
            pair.start();
            UdpCapture capture = pair.capture(Node.A, pair.veth(Node.A), "ike-a");
            pair.initiateAll();
            Child child = new Child(CHILD, ESP_PROPOSAL, 1);
            List<byte[]> traffic = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                traffic.add(("IKEv1 capture ESP datagram " + i).getBytes(StandardCharsets.US_ASCII));
            }
            pair.sendUdp(Node.A, child.initiatorAddress(), 40001, child.responderAddress(), 9, traffic);
            String vici = "unix://" + pair.directory().resolve(Node.A.name()).resolve("charon.vici");
            Await.poll(Duration.ofSeconds(10), () -> log(pair, Node.A).contains("N(DPD_ACK)"));
            HostCommand.check(30, HostCommand.inNamespace(pair.namespace(Node.A), "swanctl", "--terminate", "--ike",
                    "interop", "--uri", vici));
            Await.poll(Duration.ofSeconds(5), () -> log(pair, Node.B).contains("received DELETE"));
            datagrams = capture.stop();
            pcap = Files.readAllBytes(pair.directory().resolve("ike-a.pcapng"));
            checker.check(datagrams, pair.log(Node.A), pair.log(Node.B), pair.address(Node.A));
        }
        String table = IkeWiresharkKeys.HEADER + "\n"
                + IkeV1WiresharkKeys.ikev1DecryptionRowWithKeys(checker.initiatorCookie, checker.keys.encryptionKey())
                + "\n";
        IkeV1CaptureDecryptor decryptor = IkeV1CaptureDecryptor.fromKeyTable(table,
                IkeV1CaptureDecryptor.Limits.DEFAULT);
        List<IkeV1Message> decrypted = new ArrayList<>();
        int retransmissions = 0;
        for (UdpCapture.Datagram d : datagrams) {
            byte[] p = d.payload;
            boolean nat = d.sourcePort == 4500 || d.destinationPort == 4500;
            if (nat && (p.length < 4 || p[0] != 0 || p[1] != 0 || p[2] != 0 || p[3] != 0)) {
                continue; // ESP or a NAT-T keepalive
            }
            IkeV1CaptureResult r = decryptor.handleDatagram(nat ? Arrays.copyOfRange(p, 4, p.length) : p);
            assertThat(r.outcome()).as("%s", r.message().header()).isIn(Outcome.PLAINTEXT, Outcome.DECRYPTED);
            if (r.retransmission()) {
                retransmissions++;
            } else if (r.outcome() == Outcome.DECRYPTED) {
                decrypted.add(r.message());
            }
        }
        assertThat(decrypted).hasSize(checker.decrypted).isEqualTo(checker.plain);
        assertThat(retransmissions).isEqualTo(checker.retransmissions);
        assertThat(decrypted.stream().map(m -> m.header().exchangeType())).contains(IkeV1ExchangeType.IDENTITY_PROTECTION,
                IkeV1ExchangeType.QUICK_MODE, IkeV1ExchangeType.INFORMATIONAL);
        assertThat(decrypted.stream().flatMap(m -> m.payloads(IkeV1NotificationPayload.class).stream())
                .map(IkeV1NotificationPayload::notifyType)).contains(IkeV1NotifyType.R_U_THERE,
                IkeV1NotifyType.R_U_THERE_ACK);
        assertThat(decrypted.stream().flatMap(m -> m.payloads(IkeV1DeletePayload.class).stream())
                .map(IkeV1DeletePayload::protocolId)).contains(1, 3);
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "IKEv1 capture: {0} datagrams, {1} "
                + "messages decrypted from the key table row, {2} retransmissions", datagrams.size(), decrypted.size(),
                retransmissions);
        String bundle = System.getProperty("ipsec4j.ikev1.bundle");
        if (bundle != null) {
            Path dir = Files.createDirectories(Path.of(bundle));
            Files.write(dir.resolve("strongswan-ikev1.pcapng"), pcap);
            Files.writeString(dir.resolve("strongswan-ikev1.ikev1_decryption_table"), table, StandardCharsets.UTF_8);
        }
    }

    private static String log(StrongSwanPair pair, Node node) throws java.io.IOException {
        return Files.readString(pair.directory().resolve(node.name()).resolve("charon.log"));
    }
}
