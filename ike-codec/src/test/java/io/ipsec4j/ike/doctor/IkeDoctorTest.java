package io.ipsec4j.ike.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.doctor.IkeDoctorInteropTest.Scenario;
import io.ipsec4j.ike.doctor.DoctorLivePair.Side;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The doctor on the captures {@link IkeDoctorInteropTest} recorded (tshark on the initiator's veth,
 * with the key table from the initiator's log): the same verdicts without root or daemons.
 */
class IkeDoctorTest {
    static byte[] recorded(String name) throws IOException {
        try (InputStream in = IkeDoctorTest.class.getResourceAsStream("recorded/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static Diagnosis diagnose(Scenario s) throws Exception {
        return diagnose(s, true);
    }

    static Diagnosis diagnose(Scenario s, boolean ikev1Keys) throws Exception {
        String name = s.name().replace(' ', '-');
        Side b = s.b().apply(IkeDoctorInteropTest.b(2));
        byte[] table = recorded(name + ".ikev2_decryption_table");
        IkeDoctor.Builder doctor = IkeDoctor.builder().tunnel(DoctorTunnels.responder(b));
        if (table != null) {
            doctor.keys(IkeWiresharkKeys.readIkev2DecryptionTable(new String(table, StandardCharsets.UTF_8)));
        }
        byte[] v1Table = recorded(name + ".ikev1_decryption_table");
        if (v1Table != null && ikev1Keys) {
            doctor.ikev1Keys(IkeWiresharkKeys.readIkev1DecryptionTable(new String(v1Table, StandardCharsets.UTF_8)));
        }
        return doctor.build().diagnose(PcapUdpReader.read(recorded(name + ".pcapng")));
    }

    static Stream<Scenario> scenarios() {
        return IkeDoctorInteropTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void namesTheFailureOfEachRecordedCapture(Scenario s) throws Exception {
        Diagnosis d = diagnose(s);

        Finding f = d.findings().stream().filter(x -> x.code().equals(s.code())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + s.code() + " in\n" + d));
        assertThat(f.phase()).isEqualTo(s.phase());
        s.named().forEach(v -> assertThat(f.toString()).contains(v));
        if (s.phase() != Phase.NONE && f.severity() == Severity.ERROR) {
            assertThat(d.verdict()).startsWith(s.code());
        }
    }

    @Test
    void tellsAPskMismatchFromAnIdMismatchInBothVersions() throws Exception {
        List<Scenario> all = scenarios().toList();
        for (String v : List.of("v1", "v2")) {
            Diagnosis psk = diagnose(all.stream().filter(s -> s.name().equals(v + " PSK mismatch")).findFirst().get());
            Diagnosis id = diagnose(all.stream().filter(s -> s.name().equals(v + " ID mismatch")).findFirst().get());

            assertThat(psk.errors()).extracting(Finding::code).contains("PSK_MISMATCH").doesNotContain("ID_MISMATCH");
            assertThat(id.errors()).extracting(Finding::code).contains("ID_MISMATCH").doesNotContain("PSK_MISMATCH");
        }
    }

    static Scenario scenario(String name) {
        return scenarios().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheIkev1KeyTableTellsPskFromIdByTheRetransmissionPattern() throws Exception {
        Diagnosis psk = diagnose(scenario("v1 PSK mismatch"), false);
        Diagnosis id = diagnose(scenario("v1 ID mismatch"), false);

        assertThat(psk.verdict()).startsWith("PSK_MISMATCH").contains("kept retransmitting");
        assertThat(id.verdict()).startsWith("ID_MISMATCH").contains("accepted it and stopped");
    }

    @Test
    void theIkev1KeyTableNamesTheIdSentInMessageFive() throws Exception {
        Diagnosis id = diagnose(scenario("v1 ID mismatch"));

        assertThat(id.errors()).first().satisfies(f -> {
            assertThat(f.code()).isEqualTo("ID_MISMATCH");
            assertThat(f.remoteValue()).contains("a@doc.test");
            assertThat(f.localValue()).contains("c@doc.test");
        });
    }

    @Test
    void quickModeFailuresNeedTheIkev1KeyTable() throws Exception {
        Diagnosis with = diagnose(scenario("v1 QM ESP proposals"));
        Diagnosis without = diagnose(scenario("v1 QM ESP proposals"), false);

        assertThat(with.verdict()).startsWith("NO_PROPOSAL_CHOSEN [Phase II (CHILD SA)]");
        assertThat(with.sas()).singleElement().satisfies(sa -> assertThat(sa.progress())
                .isEqualTo("Main Mode 6/6, Quick Mode 1/3"));
        assertThat(without.errors()).isEmpty();
    }

    @Test
    void aQuickModeRefusalWhoseTransformsMatchIsAPfsMismatch() throws Exception {
        Side b = IkeDoctorInteropTest.esp(IkeDoctorInteropTest.b(1), "aes256-sha256-modp2048");
        String name = "v1-QM-ESP-proposals";
        Diagnosis d = IkeDoctor.builder().tunnel(DoctorTunnels.responder(b))
                .ikev1Keys(IkeWiresharkKeys.readIkev1DecryptionTable(new String(recorded(name + ".ikev1_decryption_table"),
                        StandardCharsets.UTF_8)))
                .build().diagnose(PcapUdpReader.read(recorded(name + ".pcapng")));

        assertThat(d.verdict()).startsWith("PFS_MISMATCH [Phase II (CHILD SA)]").contains("without PFS",
                "configured: MODP_2048", "offered: no PFS");
    }

    @Test
    void reassemblesAFragmentedIkeAuthBeforeDecryptingIt() throws Exception {
        Diagnosis d = diagnose(scenario("v2 PSK mismatch fragmented"));

        assertThat(d.toString()).contains("IKE_AUTH #1 from the initiator: 1 request(s) in 2 SKF fragments (reassembled),"
                + " 1 response(s), failed (AUTHENTICATION_FAILED)");
        assertThat(d.verdict()).startsWith("PSK_MISMATCH").contains("IDi a@doc.test, IDr b@doc.test");
    }

    @Test
    void withoutKeysOrTunnelSaysWhatIsMissing() throws Exception {
        Diagnosis d = IkeDoctor.builder().build().diagnose(PcapUdpReader.read(recorded("v2-PSK-mismatch.pcapng")));

        assertThat(d.sas()).singleElement().satisfies(sa -> {
            assertThat(sa.version()).isEqualTo(2);
            assertThat(sa.progress()).isEqualTo("IKE_AUTH answered (encrypted)");
        });
        assertThat(d.findings()).extracting(Finding::code).containsExactly("NAT_DETECTED");
    }

    @Test
    void reportsEspInOneDirectionOnly() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        List<UdpDatagram> datagrams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            datagrams.add(new UdpDatagram(i + 1, i, a, 4500, b, 4500, new byte[] {(byte) 0xc1, 0, 0, 1, 0, 0, 0, 1}));
        }
        Diagnosis d = IkeDoctor.builder().build().diagnose(datagrams);

        assertThat(d.verdict()).startsWith("ESP_ONE_WAY").contains("3 ESP packet(s) (SPI c1000001) went from 192.0.2.1"
                + " to 192.0.2.2 and none came back");
        assertThat(d.espPackets()).isEqualTo(3);
    }

    @Test
    void keepsAtMostTheLimitOfSas() {
        List<UdpDatagram> datagrams = new ArrayList<>();
        InetAddress a = InetAddress.getLoopbackAddress();
        for (int i = 0; i < IkeDoctor.MAX_SAS + 50; i++) {
            byte[] m = new byte[28];
            m[0] = (byte) (i >> 8);
            m[1] = (byte) i;
            m[7] = 1;
            m[17] = 0x20;
            m[18] = 34;
            m[19] = 0x08;
            m[27] = 28;
            datagrams.add(new UdpDatagram(i + 1, i, a, 500, a, 500, m));
        }
        Diagnosis d = IkeDoctor.builder().build().diagnose(datagrams);

        assertThat(d.sas()).hasSize(IkeDoctor.MAX_SAS);
        assertThat(d.ikeMessages()).isEqualTo(IkeDoctor.MAX_SAS + 50);
    }
}
