package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.model.Tunnel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two engines over a simulated network that drops, duplicates, delays and reorders datagrams,
 * driven by one seed per run: every run ends, within a bounded number of steps, with both sides
 * holding the same CHILD SAs or with a failure that states its reason.
 */
class IkeSessionSimulationTest {
    static final int RUNS = 300;
    static final double[] LOSS = {0.0, 0.1, 0.3, 0.5, 0.8};

    record Delivery(Instant at, long order, IkeTransmit transmit, boolean toResponder) {
    }

    /**
     * How a run ended; a failed handshake is always the network's doing, and {@code afterHalfOpen}
     * tells whether some of the initiator's retransmissions reached the responder only after its
     * half-open timeout had ended it (the initiator retransmits for longer, RFC 7296 §2.1, §2.6);
     * {@code fragmentsA}/{@code fragmentsB}: the SKF datagrams each side sent.
     */
    record Outcome(boolean converged, IkeFailureReason initiatorFailure, IkeFailureReason responderFailure,
            boolean afterHalfOpen, long fragmentsA, long fragmentsB) {
    }

    @Test
    void everySeededRunConvergesOrFailsWithAStatedReason() {
        simulate("simulation", IkeSessionOptions.defaults(), false);
    }

    /**
     * The same with RFC 7383 fragments of at most {@link IkeFragmentationTest#TINY} bytes: IKE_AUTH
     * travels in several fragments that the network drops, duplicates and reorders one by one.
     */
    @Test
    void everySeededRunWithFragmentedIkeAuthConvergesOrFailsWithAStatedReason() {
        simulate("simulation with fragments", IkeSessionOptions.defaults().withFragmentSize(IkeFragmentationTest.TINY),
                true);
    }

    private static void simulate(String name, IkeSessionOptions options, boolean fragmented) {
        Map<IkeFailureReason, Integer> failures = new EnumMap<>(IkeFailureReason.class);
        int converged = 0;
        int afterHalfOpen = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Outcome o = run(seed, LOSS[seed % LOSS.length], options, false);
            if (o.converged()) {
                converged++;
                if (fragmented) {
                    assertThat(o.fragmentsA()).as("seed %d: IKE_AUTH request fragments", seed).isGreaterThan(1);
                    assertThat(o.fragmentsB()).as("seed %d: IKE_AUTH response fragments", seed).isGreaterThan(1);
                }
            } else {
                Optional.ofNullable(o.initiatorFailure()).ifPresent(r -> failures.merge(r, 1, Integer::sum));
                afterHalfOpen += o.afterHalfOpen() ? 1 : 0;
            }
        }
        assertThat(converged).isGreaterThan(RUNS / 2);
        assertThat(failures.keySet()).isSubsetOf(IkeFailureReason.RETRANSMISSION_TIMEOUT,
                IkeFailureReason.HALF_OPEN_TIMEOUT);
        System.out.printf("%s: %d runs (seeds 0-%d), %d converged, initiator failures %s (all with every"
                + " answer lost; %d of them with retransmissions reaching the responder after its half-open"
                + " timeout)%n", name, RUNS, RUNS - 1, converged, failures, afterHalfOpen);
    }

    /**
     * Once both sides are up, both rekey the IKE SA and the CHILD SA at the same instant (RFC 7296
     * §2.8.1 collisions, with the CHILD SA rekeys queued behind the IKE SA rekeys): every run ends with
     * the same IKE SA and one working CHILD SA pair on both sides, or with a stated failure.
     */
    @Test
    void simultaneousRekeysConvergeOrFailWithAStatedReason() {
        Map<IkeFailureReason, Integer> failures = new EnumMap<>(IkeFailureReason.class);
        int converged = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Outcome o = run(seed, LOSS[seed % LOSS.length], IkeSessionOptions.defaults(), true);
            if (o.converged()) {
                converged++;
            } else {
                Optional.ofNullable(o.initiatorFailure()).or(() -> Optional.ofNullable(o.responderFailure()))
                        .ifPresent(r -> failures.merge(r, 1, Integer::sum));
            }
        }
        assertThat(converged).isGreaterThan(RUNS / 2);
        assertThat(failures.keySet()).isSubsetOf(IkeFailureReason.RETRANSMISSION_TIMEOUT,
                IkeFailureReason.HALF_OPEN_TIMEOUT);
        System.out.printf("simulation with rekeys: %d runs (seeds 0-%d), %d converged, failures %s%n", RUNS,
                RUNS - 1, converged, failures);
    }

    static Outcome run(long seed, double loss, IkeSessionOptions o, boolean rekeys) {
        Random net = new Random(seed);
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, o, seed * 2 + 1);
        IkeSession b = EngineFixtures.responder(EngineFixtures.mirror(t), o, seed * 2 + 2);
        List<IkeEvent> eventsA = new ArrayList<>();
        List<IkeEvent> eventsB = new ArrayList<>();
        PriorityQueue<Delivery> wire = new PriorityQueue<>((x, y) -> x.at().equals(y.at())
                ? Long.compare(x.order(), y.order()) : x.at().compareTo(y.at()));
        long[] order = {0};
        Map<String, int[]> tally = new HashMap<>(); // per direction and message: sent, delivered, delivered to a failed side
        long[] skf = {0, 0};
        Instant now = EngineFixtures.T0;
        a.initiate(now);
        boolean rekeyed = !rekeys;
        for (int step = 0; step < 20_000; step++) {
            drain(a, eventsA, wire, true, net, loss, now, order, tally, skf);
            drain(b, eventsB, wire, false, net, loss, now, order, tally, skf);
            if (!rekeyed && a.state() == IkeSessionState.ESTABLISHED && b.state() == IkeSessionState.ESTABLISHED) {
                rekeyed = true;
                a.rekeyIkeSa(now);
                a.rekeyChildSa(IkeSaRekeyTest.liveInbound(eventsA).get(0), now);
                b.rekeyIkeSa(now);
                b.rekeyChildSa(IkeSaRekeyTest.liveInbound(eventsB).get(0), now);
                continue;
            }
            Instant next = min(min(a.pollTimeout().orElse(null), b.pollTimeout().orElse(null)),
                    wire.isEmpty() ? null : wire.peek().at());
            if (next == null || next.isAfter(now.plus(InMemoryLink.HORIZON))) {
                // quiet: only lifetime timers remain
                return rekeys ? judgeRekeys(seed, a, b, eventsA, eventsB)
                        : judge(seed, a, b, eventsA, eventsB, tally, skf, skf[0] + skf[1] > 0);
            }
            now = next;
            if (!wire.isEmpty() && !wire.peek().at().isAfter(now)) {
                Delivery d = wire.poll();
                IkeTransmit x = d.transmit();
                IkeSession to = d.toResponder() ? b : a;
                tally.computeIfAbsent(key(x, d.toResponder()), k -> new int[3])[
                        to.state() == IkeSessionState.FAILED ? 2 : 1]++;
                to.handleDatagramStrict(x.datagram(), x.source(), x.destination(), now);
            } else {
                final Instant at = now;
                a.pollTimeout().filter(w -> !w.isAfter(at)).ifPresent(w -> a.handleTimeout(at));
                b.pollTimeout().filter(w -> !w.isAfter(at)).ifPresent(w -> b.handleTimeout(at));
            }
        }
        return fail("seed " + seed + ": no quiescence after 20000 steps");
    }

    private static void drain(IkeSession s, List<IkeEvent> events, PriorityQueue<Delivery> wire, boolean fromA,
            Random net, double loss, Instant now, long[] order, Map<String, int[]> tally, long[] skf) {
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            tally.computeIfAbsent(key(t.get(), fromA), k -> new int[3])[0]++;
            if (IkeFragmentationTest.decode(t.get()).payload(IkeSkfPayload.class).isPresent()) {
                skf[fromA ? 0 : 1]++;
            }
            int copies = net.nextDouble() < 0.1 ? 2 : 1; // duplication
            for (int c = 0; c < copies; c++) {
                if (net.nextDouble() >= loss) {
                    Duration delay = Duration.ofMillis(net.nextInt(3000)); // reordering by delay
                    wire.add(new Delivery(now.plus(delay), order[0]++, t.get(), fromA));
                }
            }
        }
        s.pollEvent().ifPresent(e -> {
            events.add(e);
            drain(s, events, wire, fromA, net, loss, now, order, tally, skf);
        });
    }

    private static String key(IkeTransmit t, boolean fromA) {
        IkeHeader h = IkeSaRekeyTest.header(t.datagram());
        return (fromA ? "A>" : "B>") + h.exchangeType() + (h.response() ? " response" : " request");
    }

    private static Outcome judge(long seed, IkeSession a, IkeSession b, List<IkeEvent> eventsA,
            List<IkeEvent> eventsB, Map<String, int[]> tally, long[] skf, boolean fragments) {
        List<IkeEvent.ChildSaInstalled> ca = of(eventsA, IkeEvent.ChildSaInstalled.class);
        List<IkeEvent.ChildSaInstalled> cb = of(eventsB, IkeEvent.ChildSaInstalled.class);
        assertThat(ca).as("seed %d: at most one CHILD SA", seed).hasSizeLessThanOrEqualTo(1);
        assertThat(cb).as("seed %d: at most one CHILD SA", seed).hasSizeLessThanOrEqualTo(1);
        if (a.state() == IkeSessionState.ESTABLISHED) {
            assertThat(b.state()).as("seed %d: an established initiator implies an established responder", seed)
                    .isEqualTo(IkeSessionState.ESTABLISHED);
            assertThat(ca.get(0).outbound().spi()).isEqualTo(cb.get(0).inbound().spi());
            assertThat(cb.get(0).outbound().spi()).isEqualTo(ca.get(0).inbound().spi());
            try {
                IkeSessionTest.assertEspFlows(ca.get(0).outbound(), cb.get(0).inbound());
            } catch (Exception e) {
                throw new AssertionError("seed " + seed, e);
            }
            return new Outcome(true, null, null, false, skf[0], skf[1]);
        }
        // An honest give-up: no answer to the exchange that failed reached the initiator, and the
        // responder answered every copy of its request that reached it while it was up.
        String exchange = (tally.containsKey("A>" + IkeExchangeType.IKE_AUTH + " request") ? IkeExchangeType.IKE_AUTH
                : IkeExchangeType.IKE_SA_INIT).toString();
        int[] request = tally.getOrDefault("A>" + exchange + " request", new int[3]);
        int[] response = tally.getOrDefault("B>" + exchange + " response", new int[3]);
        if (!fragments) { // with fragments, part of a message may arrive and rightly get no answer
            assertThat(response[1]).as("seed %d: a response to %s reached the initiator, which gave up", seed, exchange)
                    .isZero();
            assertThat(response[0]).as("seed %d: the responder answered each %s that reached it", seed, exchange)
                    .isGreaterThanOrEqualTo(request[1]);
        }
        assertThat(a.state()).as("seed %d: initiator ends established or failed", seed)
                .isEqualTo(IkeSessionState.FAILED);
        assertThat(b.state()).as("seed %d: responder is never left half-open", seed)
                .isIn(IkeSessionState.IDLE, IkeSessionState.ESTABLISHED, IkeSessionState.FAILED);
        IkeFailureReason ra = of(eventsA, IkeEvent.SessionFailed.class).get(0).reason();
        IkeFailureReason rb = of(eventsB, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        return new Outcome(false, ra, rb, request[2] > 0, skf[0], skf[1]);
    }

    private static Outcome judgeRekeys(long seed, IkeSession a, IkeSession b, List<IkeEvent> eventsA,
            List<IkeEvent> eventsB) {
        if (a.state() == IkeSessionState.ESTABLISHED && b.state() == IkeSessionState.ESTABLISHED) {
            assertThat(of(eventsA, IkeEvent.IkeSaRekeyed.class)).as("seed %d: the same IKE SA", seed)
                    .isEqualTo(of(eventsB, IkeEvent.IkeSaRekeyed.class));
            List<Integer> liveA = IkeSaRekeyTest.liveInbound(eventsA);
            List<Integer> liveB = IkeSaRekeyTest.liveInbound(eventsB);
            assertThat(liveA).as("seed %d: one CHILD SA pair", seed).hasSize(1);
            assertThat(liveB).as("seed %d: one CHILD SA pair", seed).hasSize(1);
            IkeEvent.ChildSaInstalled ca = IkeSaRekeyTest.installed(eventsA, liveA.get(0));
            IkeEvent.ChildSaInstalled cb = IkeSaRekeyTest.installed(eventsB, liveB.get(0));
            assertThat(ca.outbound().spi()).as("seed %d", seed).isEqualTo(cb.inbound().spi());
            assertThat(cb.outbound().spi()).as("seed %d", seed).isEqualTo(ca.inbound().spi());
            return new Outcome(true, null, null, false, 0, 0);
        }
        IkeFailureReason ra = of(eventsA, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        IkeFailureReason rb = of(eventsB, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        assertThat(ra != null || rb != null).as("seed %d: a side that is not up states why", seed).isTrue();
        return new Outcome(false, ra, rb, false, 0, 0);
    }

    private static <E> List<E> of(List<IkeEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Instant min(Instant x, Instant y) {
        return x == null ? y : y == null || x.isBefore(y) ? x : y;
    }
}
