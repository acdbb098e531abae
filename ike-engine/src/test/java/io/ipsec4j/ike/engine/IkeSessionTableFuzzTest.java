package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.model.Tunnel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link IkeSessionTable#handleDatagram}: a gateway table (three
 * sessions at most) gets a genuine IKE_SA_INIT request, then any datagrams from three addresses to
 * ports 500 and 4500, each possibly a copy of the genuine request with bytes overwritten, and timer
 * runs in between. Nothing may escape, the table never holds more than its bound, never has more
 * datagrams queued than it was fed, and never establishes an SA (no IKE_AUTH can authenticate). The
 * seed corpus in {@code IkeSessionTableFuzzTestInputs/} runs in every build; set {@code JAZZER_FUZZ=1}
 * to fuzz.
 */
class IkeSessionTableFuzzTest {
    private static final Tunnel TUNNEL = EngineFixtures.initiatorTunnel();
    private static final int MAX = 3;
    private static final List<InetSocketAddress> FROM = List.of(EngineFixtures.INITIATOR,
            new InetSocketAddress("192.0.2.9", 500), new InetSocketAddress("192.0.2.1", 4500));

    @FuzzTest(maxDuration = "60s")
    void anyDatagramsKeepTheTableBounded(FuzzedDataProvider data) {
        IkeSessionOptions o = IkeSessionOptions.defaults()
                .withCookieGate(new IkeCookieGate(data.consumeInt(0, 3), EngineFixtures.seeded(3)));
        IkeSessionTable table = IkeSessionTable.responder(
                IkeResponderTunnels.of(List.of(EngineFixtures.mirror(TUNNEL))), o, EngineFixtures.seeded(2), MAX);
        IkeSession initiator = EngineFixtures.initiator(TUNNEL, o, 1);
        initiator.initiate(EngineFixtures.T0);
        byte[] genuine = initiator.pollTransmit().orElseThrow().datagram();
        Instant now = EngineFixtures.T0;
        table.handleDatagram(genuine, EngineFixtures.INITIATOR, EngineFixtures.RESPONDER, now);
        int fed = 1;
        for (int i = 0; i < 12 && data.remainingBytes() > 0; i++) {
            byte[] datagram;
            if (data.consumeBoolean()) {
                datagram = genuine.clone();
                for (int n = data.consumeInt(0, 4); n > 0; n--) {
                    datagram[data.consumeInt(0, datagram.length - 1)] = data.consumeByte();
                }
            } else {
                datagram = data.consumeBytes(data.consumeInt(0, 1500));
            }
            InetSocketAddress from = data.pickValue(FROM);
            InetSocketAddress to = new InetSocketAddress(EngineFixtures.RESPONDER.getAddress(),
                    data.consumeBoolean() ? 500 : 4500);
            assertThat(table.handleDatagram(datagram, from, to, now)).isNotNull();
            fed++;
            if (data.consumeBoolean()) {
                now = now.plusSeconds(data.consumeInt(0, 40));
                table.handleTimeout(now);
            }
            assertThat(table.size()).isLessThanOrEqualTo(MAX);
            assertThat(table.sessions()).noneMatch(s -> s.state() == IkeSessionState.ESTABLISHED);
        }
        int queued = 0;
        while (table.pollTransmit().isPresent()) {
            queued++;
        }
        // each datagram is answered at most once; a timer run may retransmit a cached answer per session
        assertThat(queued).isLessThanOrEqualTo(fed * (MAX + 1));
        while (table.pollEvent().isPresent()) {
            // drained: bounded by the sessions' state changes
        }
    }
}
