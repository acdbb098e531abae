package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ipsec4j.model.Tunnel;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random sequences of rekeys (CHILD SA by either side, IKE SA by the initiator, several at the same
 * instant so that they collide) over a network that loses datagrams (seeded, 20 %, each datagram at most twice) match the
 * reference model: every datagram keeps the message-ID window of {@link IkeMessageIdModel}, and
 * once quiet both sides hold the same IKE SA, exactly one CHILD SA pair that carries ESP, and no
 * leftover SA (RFC 7296 §2.3, §2.8.1, §2.18). With message-ID windows of two and four, the
 * operations also create CHILD SAs for further subnet pairs, so that several requests are
 * outstanding at once; the model then allows that many, and once quiet both sides hold the same
 * CHILD SA pairs.
 */
class IkeSessionModelPropertyTest {
    /** Operations: 0/1 A/B rekey the CHILD SA, 2/3 A/B rekey the IKE SA, 4 let the network run. */
    static final int[] OPS = {0, 1, 2, 3, 4};
    /** With windows: also 5/6 A/B create a CHILD SA for the next subnet pair. */
    static final int[] WINDOWED_OPS = {0, 1, 2, 3, 4, 5, 6, 5, 6};

    @Test
    void randomRekeysAndLossMatchTheReferenceModel() {
        qt().withExamples(60).withFixedSeed(20261204L)
                .forAll(lists().of(integers().between(0, OPS.length - 1).map(i -> OPS[i])).ofSizeBetween(1, 8),
                        longs().between(0, 1_000_000))
                .checkAssert(IkeSessionModelPropertyTest::check);
    }

    /**
     * The same with windows of {@code windowA} and {@code windowB} and CHILD SA creations among the
     * operations; several requests must really have been outstanding at once.
     */
    @ParameterizedTest
    @CsvSource({"2, 2", "4, 4", "4, 2"})
    void randomCreationsRekeysAndLossWithWindowsMatchTheReferenceModel(int windowA, int windowB) {
        int[] most = {0};
        qt().withExamples(40).withFixedSeed(20261204L + windowA * 10 + windowB)
                .forAll(lists().of(integers().between(0, WINDOWED_OPS.length - 1).map(i -> WINDOWED_OPS[i]))
                        .ofSizeBetween(1, 10), longs().between(0, 1_000_000))
                .checkAssert((ops, seed) -> most[0] = Math.max(most[0], check(ops, seed, windowA, windowB)));
        assertThat(most[0]).as("requests outstanding at once").isEqualTo(Math.min(windowA, windowB));
    }

    /**
     * Counterexamples found with other QuickTheories seeds, kept as fixed regressions: the peer's
     * CHILD SA rekey that collided with ours when ours was refused ({@code [3, 2, 0, 0, 0, 3, 1]}
     * seed 18: the old SA must count as replaced, not be rekeyed again), and requests sent on an IKE
     * SA that the peer created before the peer has our response ({@code [2, 0, 0, 0, 0, 3, 0]} seed
     * 7790: they must wait rather than spend their retransmissions).
     */
    @ParameterizedTest
    @CsvSource({"'3,2,0,0,0,3,1', 18", "'2,0,0,0,0,3,0', 7790"})
    void foundCounterexamplesConverge(String ops, long seed) {
        check(java.util.Arrays.stream(ops.split(",")).map(Integer::valueOf).toList(), seed);
    }

    private static String brief(List<IkeEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (IkeEvent e : events) {
            if (e instanceof IkeEvent.ChildSaInstalled c) {
                sb.append(String.format("inst(%08x/%08x) ", c.inbound().spi(), c.outbound().spi()));
            } else if (e instanceof IkeEvent.ChildSaRekeyed r) {
                sb.append(String.format("rekeyed(%08x->%08x/%08x) ", r.oldInboundSpi(), r.replacement().inbound().spi(),
                        r.replacement().outbound().spi()));
            } else if (e instanceof IkeEvent.ChildSaDeleted d) {
                sb.append(String.format("del(%08x/%08x,%s) ", d.inboundSpi(), d.outboundSpi(), d.byPeer()));
            } else if (e instanceof IkeEvent.ChildSaFailed f) {
                sb.append("failed(" + f.notifyType() + ") ");
            } else if (e instanceof IkeEvent.IkeSaRekeyed r) {
                sb.append(String.format("ike(%x) ", r.initiatorSpi()));
            } else if (e instanceof IkeEvent.IkeSaRekeyFailed f) {
                sb.append("ikefail(" + f.notifyType() + ") ");
            }
        }
        return sb.toString();
    }

    static void check(List<Integer> ops, long seed) {
        check(ops, seed, 1, 1);
    }

    /** Runs {@code ops} with windows of {@code windowA} and {@code windowB}; returns the most requests outstanding at once. */
    static int check(List<Integer> ops, long seed, int windowA, int windowB) {
        boolean windowed = windowA > 1 || windowB > 1;
        Tunnel t = windowed ? IkeMessageIdWindowTest.pairs() : EngineFixtures.initiatorTunnel();
        // Retransmissions end well within the responder's 30 s half-open timeout.
        IkeSessionOptions o = IkeSessionOptions.defaults().withRetransmission(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(4), 6);
        IkeSession a = EngineFixtures.initiator(t, o.withWindowSize(windowA), seed);
        IkeSession b = EngineFixtures.responder(EngineFixtures.mirror(t), o.withWindowSize(windowB), seed + 1);
        IkeMessageIdModel model = new IkeMessageIdModel(Math.min(windowA, windowB));
        Random net = new Random(seed);
        // Each distinct datagram is lost at most twice: a request and its cached response both get
        // through within the retransmission limit, so every exchange completes.
        Map<ByteBuffer, Integer> drops = new HashMap<>();
        InMemoryLink link = new InMemoryLink(a, b);
        link.deliver = (n, d) -> {
            boolean fromA = d.source().getAddress().equals(EngineFixtures.INITIATOR.getAddress());
            ByteBuffer key = ByteBuffer.wrap(d.datagram());
            boolean deliver = drops.getOrDefault(key, 0) >= 2 || net.nextDouble() >= 0.2;
            if (!deliver) {
                drops.merge(key, 1, Integer::sum);
            }
            model.onDatagram(d.datagram(), fromA, deliver);
            return deliver;
        };
        a.initiate(link.now);
        link.run(500);
        assertThat(a.state()).as("ops %s seed %d: established %s %s", ops, seed, link.eventsA, link.eventsB)
                .isEqualTo(IkeSessionState.ESTABLISHED);
        int pair = 0;
        for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            IkeSession side = op % 2 == 0 ? a : b;
            List<IkeEvent> events = op % 2 == 0 ? link.eventsA : link.eventsB;
            if (op < 2) {
                List<Integer> live = IkeSaRekeyTest.liveInbound(events);
                if (!live.isEmpty()) {
                    side.rekeyChildSa(live.get(i % live.size()), link.now);
                }
            } else if (op < 4) {
                side.rekeyIkeSa(link.now);
            } else if (op == 4) {
                link.run(500);
            } else if (pair < IkeMessageIdWindowTest.PAIRS) {
                pair++;
                if (op == 5) {
                    a.createChildSa(List.of(IkeMessageIdWindowTest.ours(pair)),
                            List.of(IkeMessageIdWindowTest.theirs(pair)), link.now);
                } else {
                    b.createChildSa(List.of(IkeMessageIdWindowTest.theirs(pair)),
                            List.of(IkeMessageIdWindowTest.ours(pair)), link.now);
                }
            }
        }
        link.run(2000);

        String what = "ops " + ops + " seed " + seed;
        assertThat(a.state()).as(what).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(b.state()).as(what).isEqualTo(IkeSessionState.ESTABLISHED);
        assertThat(a.pollTimeout()).as(what + ": nothing left but lifetimes")
                .hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
        assertThat(b.pollTimeout()).as(what + ": nothing left but lifetimes")
                .hasValueSatisfying(w -> assertThat(w).isAfter(link.now.plus(InMemoryLink.HORIZON)));
        List<IkeEvent.IkeSaRekeyed> ra = link.events(link.eventsA, IkeEvent.IkeSaRekeyed.class);
        List<IkeEvent.IkeSaRekeyed> rb = link.events(link.eventsB, IkeEvent.IkeSaRekeyed.class);
        assertThat(ra).as(what + ": the same IKE SA generations").isEqualTo(rb);
        List<Integer> liveA = IkeSaRekeyTest.liveInbound(link.eventsA);
        List<Integer> liveB = IkeSaRekeyTest.liveInbound(link.eventsB);
        String pairs = windowed ? ": the same CHILD SA pairs" : ": one CHILD SA pair";
        assertThat(liveA).as(what + pairs + "; events A " + brief(link.eventsA) + " B " + brief(link.eventsB))
                .hasSize(windowed ? liveB.size() : 1).isNotEmpty();
        assertThat(liveB).as(what + pairs + "; events A " + brief(link.eventsA) + " B " + brief(link.eventsB))
                .hasSize(liveA.size());
        for (int spi : liveA) {
            IkeEvent.ChildSaInstalled ca = IkeSaRekeyTest.installed(link.eventsA, spi);
            assertThat(liveB).as(what + pairs).contains(ca.outbound().spi());
            IkeEvent.ChildSaInstalled cb = IkeSaRekeyTest.installed(link.eventsB, ca.outbound().spi());
            assertThat(cb.outbound().spi()).as(what).isEqualTo(spi);
            try {
                IkeSessionTest.assertEspFlows(ca.outbound(), cb.inbound());
                IkeSessionTest.assertEspFlows(cb.outbound(), ca.inbound());
            } catch (Exception e) {
                throw new AssertionError(what, e);
            }
        }
        assertThat(model.requests()).as(what + ": IKE_AUTH at least").isGreaterThanOrEqualTo(1);
        return model.maxInFlight();
    }
}
