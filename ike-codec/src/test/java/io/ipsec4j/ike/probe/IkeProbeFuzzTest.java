package io.ipsec4j.ike.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.model.IkeVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link IkeProbe}'s input: the fuzz bytes are a schedule of events —
 * time passing, arbitrary datagrams, and a scripted responder's real answer to the last request
 * with bytes flipped — fed to a probe of either IKE version. Nothing may escape, no call may return
 * more than one datagram, and the probe never sends more than its limit. The seed corpus in
 * {@code IkeProbeFuzzTestInputs/} runs in every build.
 */
class IkeProbeFuzzTest {
    private static final int MAX_PROBES = 12;
    private static final IkeVersion[] VERSIONS = IkeVersion.values();

    @FuzzTest(maxDuration = "30s")
    void arbitraryDatagramsNeverEscapeOrExceedTheLimits(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        IkeProbe probe = IkeProbeTest.probe(VERSIONS[(data[0] & 0xFF) % VERSIONS.length])
                .limits(new IkeProbeLimits(MAX_PROBES, Duration.ofMillis(10), Duration.ofMillis(100), 4)).build();
        FakeResponder responder = new FakeResponder(IkeProbeTest.CONFIG + ", aes128-sha1-modp1024");
        Instant now = Instant.EPOCH;
        byte[] last = null;
        List<byte[]> sent = new ArrayList<>(probe.tick(now));
        int at = 1;
        while (at + 2 <= data.length) {
            int op = data[at] & 0x03;
            int len = Math.min(data[at + 1] & 0xFF, data.length - at - 2);
            byte[] arg = java.util.Arrays.copyOfRange(data, at + 2, at + 2 + len);
            at += 2 + len;
            if (!sent.isEmpty()) {
                last = sent.get(sent.size() - 1);
            }
            List<byte[]> out;
            switch (op) {
                case 0 -> {
                    now = now.plusMillis(len * 4L);
                    out = probe.tick(now);
                }
                case 1 -> out = probe.handleDatagram(arg, now);
                default -> {
                    byte[] answer = last == null ? null : responder.answer(last);
                    if (answer == null) {
                        continue;
                    }
                    for (int i = 0; op == 2 && i + 1 < arg.length; i += 2) {
                        answer[(arg[i] & 0xFF) % answer.length] ^= arg[i + 1];
                    }
                    out = probe.handleDatagram(answer, now);
                }
            }
            assertThat(out).hasSizeLessThanOrEqualTo(1);
            sent.addAll(out);
            assertThat(sent).hasSizeLessThanOrEqualTo(MAX_PROBES);
            assertThat(probe.datagramsSent()).isEqualTo(sent.size());
        }
        IkeProbeResult r = probe.result();
        assertThat(r.datagramsSent()).isLessThanOrEqualTo(MAX_PROBES);
        assertThat(r.toText()).isNotEmpty();
    }
}
