package io.ipsec4j.ike.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.doctor.DoctorLivePair.Side;
import io.ipsec4j.ike.v2.IkeWiresharkKeyRow;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One live scenario per failure kind: two charons negotiate with a mismatch, tshark captures on the
 * initiator's veth, and the doctor, given the responder's tunnel, its PSK and the key table, must
 * name the kind, phase and values. The printed verdicts go to {@code target/doctor-live-verdicts.txt}.
 * Skips without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class IkeDoctorInteropTest {
    static final String PSK = "Kq3vW9xTz2Lm8Rb5Hc7N";
    private static final Path VERDICTS = Path.of("target", "doctor-live-verdicts.txt");
    /** The captures, kept for inspection (and the one bundled with the examples). */
    private static final Path CAPTURES = Path.of("target", "doctor-live-captures");
    private static DoctorLivePair pair;

    /**
     * What the scenario does after loading: initiate; initiate then rekey; initiate then cut B off
     * (DPD); initiate then drop B's UDP 4500 and send through the tunnel (ESP one way); drop B's UDP
     * 4500 before initiating (NAT-T switch filtered); make B drop IP fragments before initiating; drop
     * B's UDP 500, initiate on 500, then again on 4500 (a responder answering on 4500 only).
     */
    enum Action { INITIATE, REKEY, DPD, ESP_ONE_WAY, DROP_4500, NO_IP_FRAGMENTS, RESPONDER_4500 }

    record Scenario(String name, UnaryOperator<Side> a, UnaryOperator<Side> b, Action action, String code, Phase phase,
            List<String> named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Side a(int v) {
        return new Side(v, "aes256-sha256-x25519", "aes256-sha256", "a@doc.test", "b@doc.test", PSK, "10.1.0.1/32",
                "10.2.0.1/32", "192.0.2.2", "");
    }

    static Side b(int v) {
        return new Side(v, "aes256-sha256-x25519", "aes256-sha256", "b@doc.test", "a@doc.test", PSK, "10.2.0.1/32",
                "10.1.0.1/32", "192.0.2.1", "");
    }

    static UnaryOperator<Side> same() {
        return s -> s;
    }

    static Side ike(Side s, String p) {
        return new Side(s.version(), p, s.espProposal(), s.localId(), s.remoteId(), s.psk(), s.localTs(), s.remoteTs(),
                s.remoteAddress(), s.extra());
    }

    /** Side A with 60 local and 60 remote subnets: an IKE_AUTH of about 2.3 kB, more than one 1500-byte packet. */
    static Side manySubnets(Side s, String extra) {
        return new Side(s.version(), s.ikeProposal(), s.espProposal(), s.localId(), s.remoteId(), s.psk(),
                subnets(1), subnets(2), s.remoteAddress(), extra);
    }

    /** 10.n.0.1/32 and 59 /24s (the codec decodes up to 64 selectors per TS payload). */
    private static String subnets(int n) {
        StringBuilder b = new StringBuilder("10." + n + ".0.1/32");
        for (int i = 1; i < 60; i++) {
            b.append(",10.").append(n).append('.').append(i).append(".0/24");
        }
        return b.toString();
    }

    static Side esp(Side s, String p) {
        return new Side(s.version(), s.ikeProposal(), p, s.localId(), s.remoteId(), s.psk(), s.localTs(), s.remoteTs(),
                s.remoteAddress(), s.extra());
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("v2 PSK mismatch", same(), s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(),
                        s.remoteId(), "Zz9OtherSecretAb3", s.localTs(), s.remoteTs(), s.remoteAddress(), ""),
                        Action.INITIATE, "PSK_MISMATCH", Phase.PHASE_1, List.of("a@doc.test", "the pre-shared keys differ")),
                new Scenario("v2 ID mismatch", same(), s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(),
                        "c@doc.test", PSK, s.localTs(), s.remoteTs(), s.remoteAddress(), ""),
                        Action.INITIATE, "ID_MISMATCH", Phase.PHASE_1, List.of("a@doc.test", "c@doc.test")),
                new Scenario("v2 IKE proposals", same(), s -> ike(s, "aes128-sha1-modp2048"), Action.INITIATE,
                        "NO_PROPOSAL_CHOSEN", Phase.PHASE_1, List.of("no common", "aes256")),
                new Scenario("v2 ESP proposals", same(), s -> esp(s, "aes128-sha1"), Action.INITIATE,
                        "NO_PROPOSAL_CHOSEN", Phase.PHASE_2, List.of("no common", "aes128")),
                new Scenario("v2 TS unacceptable", same(), s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(),
                        s.remoteId(), PSK, s.localTs(), "10.9.0.0/24", s.remoteAddress(), ""),
                        Action.INITIATE, "TS_UNACCEPTABLE", Phase.PHASE_2, List.of("10.1.0.1/32", "10.9.0.0/24")),
                new Scenario("v2 INVALID_KE retried", s -> ike(s, "aes256-sha256-x25519-modp2048"),
                        s -> ike(s, "aes256-sha256-modp2048"), Action.INITIATE, "INVALID_KE_PAYLOAD", Phase.NONE,
                        List.of("MODP_2048", "retried")),
                new Scenario("v2 PFS rekey", s -> esp(s, "aes256-sha256-modp2048"), s -> esp(s, "aes256-sha256-ecp256"),
                        Action.REKEY, "PFS_MISMATCH", Phase.PHASE_2_REKEY, List.of("MODP_2048")),
                new Scenario("v2 unreachable", s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(), s.remoteId(),
                        PSK, s.localTs(), s.remoteTs(), "198.51.100.7", ""), same(), Action.INITIATE, "PEER_UNREACHABLE",
                        Phase.PHASE_1, List.of("198.51.100.7", "no answer")),
                new Scenario("v2 DPD", s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(), s.remoteId(), PSK,
                        s.localTs(), s.remoteTs(), s.remoteAddress(), "    dpd_delay = 1s"), same(), Action.DPD, "DPD_FAILED",
                        Phase.NONE, List.of("INFORMATIONAL", "no answer")),
                new Scenario("v1 IKE proposals", s -> a(1), s -> ike(b(1), "aes128-sha1-modp2048"), Action.INITIATE,
                        "NO_PROPOSAL_CHOSEN", Phase.PHASE_1, List.of("no common")),
                new Scenario("v1 PSK mismatch", s -> a(1), s -> new Side(1, s.ikeProposal(), s.espProposal(), s.localId(),
                        s.remoteId(), "Zz9OtherSecretAb3", s.localTs(), s.remoteTs(), s.remoteAddress(), ""),
                        Action.INITIATE, "PSK_MISMATCH", Phase.PHASE_1, List.of("message 5", "pre-shared keys differ")),
                new Scenario("v1 ID mismatch", s -> a(1), s -> new Side(1, s.ikeProposal(), s.espProposal(), s.localId(),
                        "c@doc.test", PSK, s.localTs(), s.remoteTs(), s.remoteAddress(), ""),
                        Action.INITIATE, "ID_MISMATCH", Phase.PHASE_1, List.of("message 5", "c@doc.test", "PSK matches")),
                new Scenario("v1 QM ESP proposals", s -> a(1), s -> esp(b(1), "aes128-sha1"), Action.INITIATE,
                        "NO_PROPOSAL_CHOSEN", Phase.PHASE_2, List.of("Quick Mode", "no common", "aes128")),
                new Scenario("v1 QM selectors", s -> a(1), s -> new Side(1, s.ikeProposal(), s.espProposal(), s.localId(),
                        s.remoteId(), PSK, s.localTs(), "10.9.0.0/24", s.remoteAddress(), ""), Action.INITIATE,
                        "INVALID_ID_INFORMATION", Phase.PHASE_2, List.of("IDci", "10.1.0.1/32", "10.9.0.0/24")),
                new Scenario("v2 PSK mismatch fragmented", s -> manySubnets(s, "    fragmentation = yes"),
                        s -> new Side(2, s.ikeProposal(), s.espProposal(), s.localId(), s.remoteId(), "Zz9OtherSecretAb3",
                                s.localTs(), s.remoteTs(), s.remoteAddress(), "    fragmentation = yes"),
                        Action.INITIATE, "PSK_MISMATCH", Phase.PHASE_1, List.of("a@doc.test", "the pre-shared keys differ")),
                new Scenario("v2 UDP 4500 filtered", same(), same(), Action.DROP_4500, "UDP_4500_BLOCKED", Phase.PHASE_1,
                        List.of("IKE_AUTH", "192.0.2.2:4500", "UDP 4500 is filtered")),
                new Scenario("v2 large IKE_AUTH lost", s -> manySubnets(s, "    fragmentation = no"), same(),
                        Action.NO_IP_FRAGMENTS, "IKE_AUTH_LOST_LARGE", Phase.PHASE_1, List.of("IP fragments", "bytes")),
                new Scenario("v2 ESP one way", same(), same(), Action.ESP_ONE_WAY, "ESP_ONE_WAY", Phase.PHASE_2,
                        List.of("192.0.2.1 -> 192.0.2.2", "none came back")),
                new Scenario("v2 responder on 4500 only", same(), same(), Action.RESPONDER_4500, "RESPONDER_ON_4500_ONLY",
                        Phase.PHASE_1, List.of("192.0.2.2:500", "answers on UDP 4500 only")),
                new Scenario("v1 QM PFS", s -> esp(a(1), "aes256-sha256-modp2048"), s -> esp(b(1), "aes256-sha256"),
                        Action.INITIATE, "PFS_MISMATCH", Phase.PHASE_2, List.of("MODP_2048", "no PFS", "Quick Mode")));
    }

    @BeforeAll
    static void start() throws Exception {
        InteropEnvironment.assumeAvailable();
        pair = new DoctorLivePair();
        Files.createDirectories(VERDICTS.getParent());
        Files.writeString(VERDICTS, "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theDoctorNamesTheFailure(Scenario s) throws Exception {
        Side sideB = s.b().apply(b(2));
        Side sideA = s.a().apply(a(2));
        pair.load(Node.A, sideA);
        pair.load(Node.B, sideB);
        String name = s.name().replace(' ', '-');
        int logStart = pair.log(Node.A).length();
        pair.startCapture(name);
        if (s.action() == Action.DROP_4500) {
            pair.dropUdpFrom(Node.B, 4500);
        } else if (s.action() == Action.NO_IP_FRAGMENTS) {
            pair.ipFragments(Node.B, false);
        } else if (s.action() == Action.RESPONDER_4500) {
            pair.dropUdpFrom(Node.B, 500);
        }
        HostCommand.Result initiated;
        try {
            initiated = pair.initiate();
            if (s.action() == Action.RESPONDER_4500) {
                assertThat(initiated.exitCode).as(initiated.output).isNotZero();
                pair.load(Node.A, new Side(sideA.version(), sideA.ikeProposal(), sideA.espProposal(), sideA.localId(),
                        sideA.remoteId(), sideA.psk(), sideA.localTs(), sideA.remoteTs(), sideA.remoteAddress(),
                        "    remote_port = 4500"));
                initiated = pair.initiate();
                assertThat(initiated.exitCode).as(initiated.output).isZero();
            }
        } finally {
            if (s.action() == Action.DROP_4500 || s.action() == Action.RESPONDER_4500) {
                pair.undrop(Node.B);
            } else if (s.action() == Action.NO_IP_FRAGMENTS) {
                pair.ipFragments(Node.B, true);
            }
        }
        if (s.action() == Action.REKEY) {
            assertThat(initiated.exitCode).as(initiated.output).isZero();
            pair.rekey();
            Await.poll(Duration.ofSeconds(10), () -> pair.log(Node.A).substring(logStart).contains("received NO_PROPOSAL_CHOSEN")
                    || pair.log(Node.A).substring(logStart).contains("INVALID_KE_PAYLOAD"));
        } else if (s.action() == Action.DPD) {
            assertThat(initiated.exitCode).as(initiated.output).isZero();
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.B), "ip", "route", "add", "blackhole",
                    "192.0.2.1/32"));
            try {
                Await.until("A gives up on DPD", Duration.ofSeconds(30), () -> pair.log(Node.A).substring(logStart).contains("giving up after"));
            } finally {
                HostCommand.run(10, HostCommand.inNamespace(pair.namespace(Node.B), "ip", "route", "del", "blackhole",
                        "192.0.2.1/32"));
            }
        } else if (s.action() == Action.ESP_ONE_WAY) {
            assertThat(initiated.exitCode).as(initiated.output).isZero();
            pair.routeThroughTunnel(true);
            pair.dropUdpFrom(Node.B, 4500);
            try {
                pair.sendThroughTunnel(3);
                Await.until("B decrypts the 3 datagrams", Duration.ofSeconds(10),
                        () -> pair.listSas(Node.B).contains(" 3 packets"));
            } finally {
                pair.undrop(Node.B);
                pair.routeThroughTunnel(false);
            }
        }
        byte[] capture = pair.stopCapture(name);
        Files.createDirectories(CAPTURES);
        Files.write(CAPTURES.resolve(name + ".pcapng"), capture);
        List<IkeWiresharkKeyRow> keys = sideA.version() == 2 ? pair.keyTable(capture) : List.of();
        IkeDoctor.Builder builder = IkeDoctor.builder().tunnel(DoctorTunnels.responder(sideB)).keys(keys);
        if (sideA.version() == 2) {
            Files.writeString(CAPTURES.resolve(name + ".ikev2_decryption_table"), IkeWiresharkKeys.ikev2DecryptionTableWithKeys(keys));
        } else {
            String v1Keys = pair.ikev1KeyTable(capture);
            Files.writeString(CAPTURES.resolve(name + ".ikev1_decryption_table"), v1Keys);
            builder.ikev1Keys(IkeWiresharkKeys.readIkev1DecryptionTable(v1Keys));
        }
        IkeDoctor doctor = builder.build();
        Diagnosis d = doctor.diagnose(PcapUdpReader.read(capture));
        Files.writeString(VERDICTS, "== " + s.name() + "\n" + d + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        HostCommand.run(20, pair.swanctl(Node.A, "--terminate", "--ike", "doc", "--force", "--timeout", "2"));

        Finding f = d.findings().stream().filter(x -> x.code().equals(s.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + s.code() + " in\n" + d));
        assertThat(f.phase()).as(d.toString()).isEqualTo(s.phase());
        for (String value : s.named()) {
            assertThat(f.toString()).as(d.toString()).contains(value);
        }
        if (s.phase() != Phase.NONE && f.severity() == Severity.ERROR) {
            assertThat(d.verdict()).as(d.toString()).startsWith(s.code());
        }
    }

    /** Used by the tunnel builder: the responder's view of a scenario. */
    static Tunnel responder(Side b) {
        return DoctorTunnels.responder(b);
    }
}
