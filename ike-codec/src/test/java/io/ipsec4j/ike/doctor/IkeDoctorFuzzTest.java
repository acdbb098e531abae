package io.ipsec4j.ike.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Arbitrary datagram sequences always give a diagnosis: never an exception. */
class IkeDoctorFuzzTest {
    private static final InetAddress[] HOSTS = {InetAddress.getLoopbackAddress(), address(1), address(2)};
    private static final int[] PORTS = {500, 4500, 500, 4500, 1234};

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void anySequenceGivesADiagnosis(FuzzedDataProvider data) {
        List<UdpDatagram> datagrams = new ArrayList<>();
        for (int i = 0; i < 64 && data.remainingBytes() > 4; i++) {
            datagrams.add(new UdpDatagram(i + 1, i, HOSTS[data.consumeInt(0, 2)], PORTS[data.consumeInt(0, 4)],
                    HOSTS[data.consumeInt(0, 2)], PORTS[data.consumeInt(0, 4)], data.consumeBytes(data.consumeInt(0, 600))));
        }
        assertThat(IkeDoctor.builder().build().diagnose(datagrams).toString()).isNotEmpty();
    }

    @Test
    void mutatedRecordedExchangesGiveADiagnosis() throws Exception {
        List<UdpDatagram> recorded = new ArrayList<>();
        IkeDoctor doctor = keyedDoctor(recorded);
        qt().withExamples(500).forAll(Generate.range(0, recorded.size() - 1), Generate.range(0, 2000),
                Generate.range(0, 255), Generate.range(0, recorded.size() - 1)).checkAssert((which, at, value, drop) ->
                        assertThat(mutatedDiagnosis(doctor, recorded, which, at, value, drop).verdict()).isNotEmpty());
    }

    /**
     * QuickTheories' smallest failing case once: with the first IKE_SA_INIT request mutated and the
     * fourth datagram dropped, an answered exchange had no request and {@code Silence} read the
     * first request of it (IndexOutOfBoundsException).
     */
    @Test
    void anAnsweredExchangeWithoutItsRequestGivesADiagnosis() throws Exception {
        List<UdpDatagram> recorded = new ArrayList<>();
        IkeDoctor doctor = keyedDoctor(recorded);
        for (int drop = 0; drop < recorded.size(); drop++) {
            assertThat(mutatedDiagnosis(doctor, recorded, 0, 0, 0, drop).verdict()).isNotEmpty();
        }
    }

    private static Diagnosis mutatedDiagnosis(IkeDoctor doctor, List<UdpDatagram> recorded, int which, int at, int value,
            int drop) {
        List<UdpDatagram> mutated = new ArrayList<>(recorded);
        UdpDatagram d = mutated.get(which);
        byte[] payload = Arrays.copyOf(d.payload(), d.payload().length);
        if (at < payload.length) {
            payload[at] = (byte) value;
        }
        mutated.set(which, new UdpDatagram(d.frame(), d.timestampNanos(), d.source(), d.sourcePort(),
                d.destination(), d.destinationPort(), payload));
        mutated.remove(drop);
        return doctor.diagnose(mutated);
    }

    /** Fills {@code recorded} with the recorded captures and returns a doctor holding all their key tables. */
    private static IkeDoctor keyedDoctor(List<UdpDatagram> recorded) throws Exception {
        IkeDoctor.Builder builder = IkeDoctor.builder();
        for (String name : List.of("v2-PSK-mismatch", "v2-PFS-rekey", "v1-PSK-mismatch", "v2-INVALID_KE-retried",
                "v1-QM-ESP-proposals", "v2-PSK-mismatch-fragmented")) {
            recorded.addAll(PcapUdpReader.read(IkeDoctorTest.recorded(name + ".pcapng")));
            byte[] v2 = IkeDoctorTest.recorded(name + ".ikev2_decryption_table");
            byte[] v1 = IkeDoctorTest.recorded(name + ".ikev1_decryption_table");
            if (v2 != null) {
                builder.keys(IkeWiresharkKeys.readIkev2DecryptionTable(new String(v2, StandardCharsets.UTF_8)));
            }
            if (v1 != null) {
                builder.ikev1Keys(IkeWiresharkKeys.readIkev1DecryptionTable(new String(v1, StandardCharsets.UTF_8)));
            }
        }
        var scenario = IkeDoctorInteropTest.scenarios().filter(s -> s.name().equals("v2 PSK mismatch")).findFirst().get();
        // with the key tables: mutations reach the SK/SKF decryption, the reassembler and the IKEv1 decryptor
        return builder.tunnel(DoctorTunnels.responder(scenario.b().apply(IkeDoctorInteropTest.b(2)))).build();
    }
}
