package io.ipsec4j.ike.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the responder answers — silence, the right answer, COOKIE after COOKIE, INVALID_KE_PAYLOAD
 * for any group, garbage — the probe finishes and the datagrams it sends never exceed its limit.
 */
class IkeProbePropertyTest {
    private static final List<KeyExchangeMethod> GROUPS = KeyExchangeMethod.knownValues();

    @Test
    void theDatagramsSentNeverExceedTheLimitWhateverTheResponses() {
        qt().withExamples(150).forAll(integers().between(1, 40), integers().between(0, 2),
                lists().of(integers().between(0, 99)).ofSizeBetween(1, 60)).checkAssert((max, version, script) -> {
            IkeProbe probe = IkeProbeTest.probe(IkeVersion.values()[version]).limits(new IkeProbeLimits(max,
                    Duration.ofMillis(5), Duration.ofMillis(50), Math.min(max, 1 + script.get(0) % 5))).build();
            FakeResponder fair = new FakeResponder(IkeProbeTest.CONFIG);
            FakeResponder cookies = new FakeResponder(IkeProbeTest.CONFIG);
            cookies.demandCookie = true;
            int[] step = {0};
            IkeProbeResult r = run(probe, request -> {
                int choice = script.get(step[0]++ % script.size());
                long spi = ByteBuffer.wrap(request).getLong();
                return switch (choice % 5) {
                    case 0 -> null;
                    case 1 -> fair.answer(request);
                    case 2 -> cookies.answer(request);
                    case 3 -> notify(spi, IkeNotifyPayload.invalidKePayload(GROUPS.get(choice % GROUPS.size())));
                    default -> new byte[] {(byte) choice, 0, 1};
                };
            });
            assertThat(r.datagramsSent()).isLessThanOrEqualTo(max);
            assertThat(probe.isFinished()).isTrue();
        });
    }

    private static IkeProbeResult run(IkeProbe probe, ProbeLoop.Responder responder) {
        try {
            return ProbeLoop.run(probe, responder);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] notify(long spi, IkeNotifyPayload n) {
        IkeHeader h = IkeHeader.of(spi, 7, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        return IkeMessageEncoder.encodeToBytes(new IkeMessage(h, List.of(n))).toByteArray();
    }

    @Test
    void aCookieRetryRepeatsTheRequestUnchangedWithTheCookieFirst() throws Exception {
        FakeResponder responder = new FakeResponder(IkeProbeTest.CONFIG);
        responder.demandCookie = true;
        IkeProbe probe = IkeProbeTest.probe(IkeVersion.IKEV2).limits(IkeProbeLimits.defaults().withMaxProbes(6)
                .withDelay(Duration.ZERO)).build();
        List<byte[]> requests = new java.util.ArrayList<>();
        List<byte[]> answers = new java.util.ArrayList<>();
        ProbeLoop.run(probe, request -> {
            requests.add(request);
            byte[] answer = responder.answer(request);
            answers.add(answer);
            return answer;
        });
        assertThat(requests).hasSize(6);
        for (int i = 1; i < requests.size(); i += 2) {
            byte[] first = requests.get(i - 1);
            byte[] retry = requests.get(i);
            Bytes cookie = IkeProbeTest.decodeV2(answers.get(i - 1)).notify(io.ipsec4j.ike.v2.IkeNotifyType.COOKIE)
                    .orElseThrow().data();
            // RFC 7296 §2.6: the COOKIE notify first, "all other payloads unchanged"
            int notifyBytes = 8 + cookie.length();
            assertThat(Bytes.of(java.util.Arrays.copyOfRange(retry, 28 + 8, 28 + notifyBytes)).toHex())
                    .isEqualTo(cookie.toHex());
            assertThat(Bytes.of(java.util.Arrays.copyOfRange(retry, 28 + notifyBytes, retry.length)).toHex())
                    .isEqualTo(Bytes.of(java.util.Arrays.copyOfRange(first, 28, first.length)).toHex());
            assertThat(ByteBuffer.wrap(retry).getLong()).isEqualTo(ByteBuffer.wrap(first).getLong());
        }
        assertThat(responder.cookiesSent).isEqualTo(3);
    }
}
