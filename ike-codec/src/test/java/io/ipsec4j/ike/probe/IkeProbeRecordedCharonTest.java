package io.ipsec4j.ike.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays real charon 5 answers, recorded by {@code ProbeStrongSwanInteropTest} ({@code Probe
 * --record}) against a responder configured with a known proposal list: each new request gets the
 * answer charon gave to the request that offered the same SA (and, in IKEv2, the same key share
 * group), its SPI or cookie rewritten. The probe must arrive at exactly charon's configuration.
 */
class IkeProbeRecordedCharonTest {
    private static final IkeDatagramDecoder DECODER = new IkeDatagramDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "charon-ikev2.txt; IKEV2; aes256-sha256-modp2048, aes128gcm16-prfsha256-ecp256",
        "charon-ikev1-main.txt; IKEV1_MAIN; aes256-sha256-modp2048, aes128-sha1-modp3072",
        "charon-ikev1-aggressive.txt; IKEV1_AGGRESSIVE; aes256-sha256-modp2048, aes128-sha1-modp3072"})
    void replayingCharonsAnswersGivesItsConfiguredProposals(String file, IkeVersion version, String configured)
            throws Exception {
        Map<String, byte[]> answers = load(file);
        IkeProbeResult r = ProbeLoop.run(IkeProbeTest.probe(version).build(), request -> {
            byte[] answer = answers.get(key(request));
            if (answer == null) {
                return null;
            }
            byte[] copy = answer.clone();
            System.arraycopy(request, 0, copy, 0, 8); // the initiator SPI / cookie of this request
            return copy;
        });
        List<String> expected = Arrays.stream(configured.split(",")).map(p -> IkeProposal.parse(p.trim()).toStrongSwan())
                .toList();
        assertThat(r.stop()).isEqualTo(IkeProbeResult.Stop.COMPLETE);
        assertThat(r.toStrongSwan()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.preferred()).contains(IkeProposal.parse(expected.get(0)));
        assertThat(r.unanswered()).isEmpty();
        assertThat(r.fragmentation()).contains(true);
        assertThat(r.natTraversal()).contains(true);
    }

    private static Map<String, byte[]> load(String file) throws Exception {
        Map<String, byte[]> answers = new HashMap<>();
        try (InputStream in = IkeProbeRecordedCharonTest.class.getResourceAsStream(file)) {
            String request = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("> ")) {
                    request = key(HexFormat.of().parseHex(line.substring(2)));
                } else if (line.startsWith("< ") && request != null) {
                    answers.put(request, HexFormat.of().parseHex(line.substring(2)));
                }
            }
        }
        assertThat(answers).isNotEmpty();
        return answers;
    }

    /** What the answer depends on: the SA offered and the key share's group (the rest is random). */
    private static String key(byte[] request) throws Exception {
        IkeDatagramDecoder.Decoded d = DECODER.decode(Unpooled.wrappedBuffer(request), false);
        if (d.ikeV2().isPresent()) {
            return d.ikeV2().get().payload(IkeSaPayload.class).orElseThrow() + "/"
                    + d.ikeV2().get().payload(IkeKePayload.class).orElseThrow().method();
        }
        return d.ikeV1().orElseThrow().payload(IkeV1SaPayload.class).orElseThrow().toString();
    }
}
