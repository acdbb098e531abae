package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.doctor.Diagnosis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DoctorTest {
    private static String print(Doctor.Action action) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        action.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheVerdictFirstThenTheEvidenceForTheBundledPskMismatch() throws IOException {
        String out = print(Doctor::runBundled);

        assertThat(out.lines().findFirst().orElseThrow()).startsWith("PSK_MISMATCH [Phase I (IKE SA)]: the responder"
                + " refused IKE_AUTH with AUTHENTICATION_FAILED although the IDs (IDi a@doc.test, IDr b@doc.test) match"
                + " its configuration: the pre-shared keys differ.");
        assertThat(out).contains("IKE_AUTH #1 from the initiator: 1 request(s), 1 response(s), failed (AUTHENTICATION_FAILED)",
                "NAT detected", "4 IKE message(s)");
        assertThat(out).doesNotContain("Zz9OtherSecretAb3");
    }

    @Test
    void withoutKeysSaysTheExchangeStayedEncrypted() throws IOException {
        String out = print(o -> Doctor.run(DecodeIkeCapture.resource(Doctor.BUNDLED_CAPTURE), null, null, null, o));

        assertThat(out).startsWith("OK: no failure seen (IKE_AUTH answered (encrypted))");
    }

    @Test
    void aPskFileReplacesTheTunnelsKeyAndAMalformedCaptureIsAnIoError() throws IOException {
        Diagnosis d = Doctor.run(DecodeIkeCapture.resource(Doctor.BUNDLED_CAPTURE),
                new String(DecodeIkeCapture.resource(Doctor.BUNDLED_TUNNEL), StandardCharsets.UTF_8), "another-psk",
                new String(DecodeIkeCapture.resource(Doctor.BUNDLED_KEYS), StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(d.verdict()).startsWith("PSK_MISMATCH");
        assertThatThrownBy(() -> Doctor.run(new byte[30], null, null, null, System.out)).isInstanceOf(IOException.class)
                .hasMessageContaining("capture magic number");
    }

    @Test
    void anIkev1KeyTableOpensQuickModeAndTheEncryptedDeletes() throws IOException {
        byte[] capture = DecodeIkeCapture.resource(DecodeIkeCapture.BUNDLED_IKEV1_CAPTURE);
        String table = new String(DecodeIkeCapture.resource(DecodeIkeCapture.BUNDLED_IKEV1_KEYS), StandardCharsets.UTF_8);

        String with = print(o -> Doctor.run(capture, null, null, null, table, o));
        String without = print(o -> Doctor.run(capture, null, null, null, null, o));

        assertThat(with).startsWith("OK: no failure seen (Main Mode 6/6, Quick Mode 3/3)")
                .contains("the initiator deleted ESP SA(s)", "the initiator deleted the ISAKMP SA");
        assertThat(without).startsWith("OK: no failure seen (Main Mode 6/6, Quick Mode 3/3)").doesNotContain("deleted");
        assertThatThrownBy(() -> Doctor.run(capture, null, null, null, "not,a,table", System.out))
                .isInstanceOf(IOException.class).hasMessageStartingWith("IKEv1 key table: ");
    }
}
