package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecodeIkeCaptureTest {
    private static String run(byte[] capture, String keys) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecodeIkeCapture.run(capture, keys, Integer.MAX_VALUE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] capture() {
        return DecodeIkeCapture.resource(DecodeIkeCapture.BUNDLED_CAPTURE);
    }

    private static String keys() {
        return new String(DecodeIkeCapture.resource(DecodeIkeCapture.BUNDLED_KEYS), StandardCharsets.UTF_8);
    }

    @Test
    void theBundledCaptureDecodesAndDecryptsWithItsKeys() throws IOException {
        String out = run(capture(), keys());
        assertThat(out).contains("IKE_SA_INIT request, MID 0", "IKE_SA_INIT response, MID 0",
                "proposal #1 IKE: ENCR AES_CBC-256, INTEG HMAC_SHA2_256_128, PRF HMAC_SHA2_256, KE CURVE25519",
                "IKE_AUTH request, MID 1", "IKE_AUTH response, MID 1",
                "decrypted with SK_ei/SK_ai: 12 inner payload(s)",
                "- ID_INITIATOR: RFC822_ADDR a@interop.test", "- ID_RESPONDER: RFC822_ADDR b@interop.test",
                "- AUTH: SHARED_KEY_MIC, 32 bytes", "10.1.0.1 - 10.1.0.1, any protocol, any port",
                "8 IKE message(s), 2 ESP packet(s), 0 NAT-keepalive(s) in 10 UDP datagram(s)");
        assertThat(out).doesNotContain("cannot decrypt", "not a valid IKEv2 message");
    }

    @Test
    void withoutKeysTheProtectedPayloadsStayEncrypted() throws IOException {
        String out = run(capture(), null);
        assertThat(out).contains("IKE_AUTH request, MID 1", "(no keys given: not decrypted)")
                .doesNotContain("ID_INITIATOR: RFC822_ADDR");
    }

    @Test
    void wrongKeysFailTheIntegrityCheck() throws IOException {
        String wrong = keys().replaceFirst(",[0-9a-f]{64},\"AES", ",00" + "11".repeat(31) + ",\"AES");
        String out = run(capture(), wrong);
        assertThat(out).contains("cannot decrypt").contains("ID_RESPONDER: RFC822_ADDR b@interop.test");
    }

    @Test
    void malformedInputGivesClearErrors() {
        assertThatThrownBy(() -> run(new byte[30], null)).isInstanceOf(IOException.class)
                .hasMessageContaining("magic number");
        byte[] truncated = Arrays.copyOf(capture(), capture().length - 7);
        assertThatThrownBy(() -> run(truncated, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("pcapng block at offset");
        assertThatThrownBy(() -> run(capture(), "a,b,c")).isInstanceOf(IOException.class)
                .hasMessageContaining("key table line 1: 3 fields");
    }
}
