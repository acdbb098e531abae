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
 * leftover SA (RFC 7296 §2.3, §2.8.1, §2.18).
 */
class IkeSessionModelPropertyTest {
    /** Operations: 0/1 A/B rekey the CHILD SA, 2/3 A/B rekey the IKE SA, 4 let the network run. */
    static final int[] OPS = {0, 1, 2, 3, 4};

    @Test
    void randomRekeysAndLossMatchTheReferenceModel() {
        qt().withExamples(60).withFixedSeed(20261204L)
                .forAll(lists().of(integers().between(0, OPS.length - 1).map(i -> OPS[i])).ofSizeBetween(1, 8),
                        longs().between(0, 1_000_000))
                .checkAssert(IkeSessionModelPropertyTest::check);
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
        Tunnel t = EngineFixtures.initiatorTunnel();
        // Retransmissions end well within the responder's 30 s half-open timeout.
        IkeSessionOptions o = IkeSessionOptions.defaults().withRetransmission(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(4), 6);
        IkeSession a = EngineFixtures.initiator(t, o, seed);
        IkeSession b = EngineFixtures.responder(EngineFixtures.mirror(t), o, seed + 1);
        IkeMessageIdModel model = new IkeMessageIdModel();
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
        for (int op : ops) {
            IkeSession side = op % 2 == 0 ? a : b;
            List<IkeEvent> events = op % 2 == 0 ? link.eventsA : link.eventsB;
            if (op < 2) {
                List<Integer> live = IkeSaRekeyTest.liveInbound(events);
                if (!live.isEmpty()) {
                    side.rekeyChildSa(live.get(0), link.now);
                }
            } else if (op < 4) {
                side.rekeyIkeSa(link.now);
            } else {
                link.run(500);
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
        assertThat(liveA).as(what + ": one CHILD SA pair; events A " + brief(link.eventsA) + " B "
                + brief(link.eventsB)).hasSize(1);
        assertThat(liveB).as(what + ": one CHILD SA pair; events A " + brief(link.eventsA) + " B "
                + brief(link.eventsB)).hasSize(1);
        IkeEvent.ChildSaInstalled ca = IkeSaRekeyTest.installed(link.eventsA, liveA.get(0));
        IkeEvent.ChildSaInstalled cb = IkeSaRekeyTest.installed(link.eventsB, liveB.get(0));
        assertThat(ca.outbound().spi()).as(what).isEqualTo(cb.inbound().spi());
        try {
            IkeSessionTest.assertEspFlows(ca.outbound(), cb.inbound());
            IkeSessionTest.assertEspFlows(cb.outbound(), ca.inbound());
        } catch (Exception e) {
            throw new AssertionError(what, e);
        }
        assertThat(model.requests()).as(what + ": IKE_AUTH at least").isGreaterThanOrEqualTo(1);
    }
}
