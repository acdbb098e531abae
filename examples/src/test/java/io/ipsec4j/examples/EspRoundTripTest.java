package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EspRoundTripTest {
    @Test
    void opensToTheOriginalPacketAndRejectsTheReplay() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] opened = EspRoundTrip.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(opened).isEqualTo(HexFormat.of().parseHex(EspRoundTrip.INNER_PACKET));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("equal to the original: true", "replayed packet rejected: replayed packet")
                .doesNotContain("BUG", "unexpected");
        // The IPv4 header checksum of the sample packet is right: a receiver would accept it.
        byte[] p = HexFormat.of().parseHex(EspRoundTrip.INNER_PACKET);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        assertThat(sum).isEqualTo(0xffff);
    }
}
