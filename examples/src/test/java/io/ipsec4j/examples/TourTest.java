package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.RedundantTunnels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TourTest {
    @Test
    void theTourPrintsEveryPartAndNoSecret() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RedundantTunnels pair = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("1. A redundant pair of tunnels to AWS", "2. What AWS and Harmony SASE accept",
                "NOT compatible: Phase I (IKE SA) fails", "PSK", "Phase II rekey", "Bad Peer AS",
                "4. Importing the file AWS hands out", "1 redundant pair", "5. The ESP engine", "replayed packet rejected");
        assertThat(out).contains("6. Decoding an IKE capture (DecodeIkeCapture)", "(4 more IKE message(s) not shown)",
                "8 IKE message(s), 2 ESP packet(s)");
        String decode = out.substring(out.indexOf("6. Decoding an IKE capture"), out.indexOf("7. Exporting"));
        assertThat(decode.lines().filter(l -> l.startsWith("#")).map(l -> l.substring(0, l.indexOf(' '))))
                .containsExactly("#1", "#2", "#3", "#4", "#5", "#6", "#7");
        assertThat(decode).contains("An IKEv1 session", "(4 earlier IKE message(s) not shown)",
                "decrypted with Ka and the chained IV", "ID: USER_FQDN(3) a@interop.test", "IKEv1 QUICK_MODE(32)",
                "ID: IPV4_ADDR(1) 10.1.0.1/32", "15 IKE message(s), 6 ESP packet(s)");
        assertThat(out).contains("7. Exporting the imported AWS pair for our gateway (ExportTunnel)", "remote_addrs = ",
                "ikev1", "Phase 1 AES128");
        assertThat(out.substring(out.indexOf("7. Exporting"), out.indexOf("8. Why did"))).doesNotContain("refused");
        assertThat(out).contains("8. Why did the tunnel not come up? (Doctor)", "PSK_MISMATCH");
        assertThat(out).doesNotContain(pair.tunnel1().phaseOne().sharedSecret().reveal());
    }

    @Test
    void theDoctorStepGivesTheVerdictOfTheBundledFailure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Tour.doctorStep(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("8. Why did the tunnel not come up? (Doctor)", "PSK_MISMATCH [Phase I (IKE SA)]",
                "the pre-shared keys differ").doesNotContain("Zz9OtherSecretAb3");
    }
}
