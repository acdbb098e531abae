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
 * holding the same CHILD SAs or with a failure that states its reason. Every datagram also keeps
 * the message-ID window of {@link IkeMessageIdModel}.
 */
class IkeSessionSimulationTest {
    static final int RUNS = 300;
    static final double[] LOSS = {0.0, 0.1, 0.3, 0.5, 0.8};

    record Delivery(Instant at, long order, IkeTransmit transmit, boolean toResponder) {
    }

    /** What the run does once both sides are up: nothing, simultaneous rekeys, or concurrent exchanges in windows. */
    enum Mode { PLAIN, REKEYS, WINDOWED }

    /** The message-ID window of both sides in {@link Mode#WINDOWED}. */
    static final int WINDOW = 4;

    /**
     * How a run ended; a failed handshake is always the network's doing, and {@code afterHalfOpen}
     * tells whether some of the initiator's retransmissions reached the responder only after its
     * half-open timeout had ended it (the initiator retransmits for longer, RFC 7296 §2.1, §2.6);
     * {@code fragmentsA}/{@code fragmentsB}: the SKF datagrams each side sent.
     */
    record Outcome(boolean converged, IkeFailureReason initiatorFailure, IkeFailureReason responderFailure,
            boolean afterHalfOpen, long fragmentsA, long fragmentsB, int maxInFlight) {
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
            Outcome o = run(seed, LOSS[seed % LOSS.length], options, Mode.PLAIN);
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
        simulateAfterUp("simulation with rekeys", IkeSessionOptions.defaults(), Mode.REKEYS);
    }

    /**
     * Both sides with message-ID windows of {@value #WINDOW} (RFC 7296 §2.3): once up, A creates three
     * CHILD SAs and rekeys the first one, B creates a fourth and rekeys the IKE SA, all at the same
     * instant, so that several requests are outstanding each way while the network drops, duplicates
     * and reorders them: every run ends with the same IKE SA and the same CHILD SA pairs on both
     * sides, or with a stated failure, and some run really had {@value #WINDOW} requests outstanding.
     */
    @Test
    void concurrentExchangesInWindowsConvergeOrFailWithAStatedReason() {
        int most = simulateAfterUp("simulation with windows of " + WINDOW,
                IkeSessionOptions.defaults().withWindowSize(WINDOW), Mode.WINDOWED);
        assertThat(most).as("requests outstanding at once").isEqualTo(WINDOW);
    }

    /** Runs every seed in {@code mode}; returns the most requests one side had outstanding at once. */
    private static int simulateAfterUp(String name, IkeSessionOptions options, Mode mode) {
        Map<IkeFailureReason, Integer> failures = new EnumMap<>(IkeFailureReason.class);
        int converged = 0;
        int most = 0;
        Map<Double, Integer> byLoss = new java.util.TreeMap<>();
        for (int seed = 0; seed < RUNS; seed++) {
            Outcome o = run(seed, LOSS[seed % LOSS.length], options, mode);
            most = Math.max(most, o.maxInFlight());
            if (o.converged()) {
                converged++;
                byLoss.merge(LOSS[seed % LOSS.length], 1, Integer::sum);
            } else {
                Optional.ofNullable(o.initiatorFailure()).or(() -> Optional.ofNullable(o.responderFailure()))
                        .ifPresent(r -> failures.merge(r, 1, Integer::sum));
            }
        }
        assertThat(converged).isGreaterThan(RUNS / 2);
        assertThat(failures.keySet()).isSubsetOf(IkeFailureReason.RETRANSMISSION_TIMEOUT,
                IkeFailureReason.HALF_OPEN_TIMEOUT);
        System.out.printf("%s: %d runs (seeds 0-%d), %d converged (by loss rate, of %d each: %s), failures %s,"
                + " at most %d requests outstanding at once%n", name, RUNS, RUNS - 1, converged, RUNS / LOSS.length,
                byLoss, failures, most);
        return most;
    }

    static Outcome run(long seed, double loss, IkeSessionOptions o, Mode mode) {
        Random net = new Random(seed);
        Tunnel t = mode == Mode.WINDOWED ? IkeMessageIdWindowTest.pairs() : EngineFixtures.initiatorTunnel();
        IkeMessageIdModel model = new IkeMessageIdModel(o.windowSize());
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
        boolean started = mode == Mode.PLAIN;
        for (int step = 0; step < 20_000; step++) {
            drain(a, eventsA, wire, true, net, loss, now, order, tally, skf, model);
            drain(b, eventsB, wire, false, net, loss, now, order, tally, skf, model);
            if (!started && a.state() == IkeSessionState.ESTABLISHED && b.state() == IkeSessionState.ESTABLISHED) {
                started = true;
                if (mode == Mode.REKEYS) {
                    a.rekeyIkeSa(now);
                    a.rekeyChildSa(IkeSaRekeyTest.liveInbound(eventsA).get(0), now);
                    b.rekeyIkeSa(now);
                    b.rekeyChildSa(IkeSaRekeyTest.liveInbound(eventsB).get(0), now);
                } else {
                    for (int k = 1; k <= 3; k++) {
                        a.createChildSa(List.of(IkeMessageIdWindowTest.ours(k)),
                                List.of(IkeMessageIdWindowTest.theirs(k)), now);
                    }
                    a.rekeyChildSa(IkeSaRekeyTest.liveInbound(eventsA).get(0), now);
                    b.createChildSa(List.of(IkeMessageIdWindowTest.theirs(4)), List.of(IkeMessageIdWindowTest.ours(4)),
                            now);
                    b.rekeyIkeSa(now);
                }
                continue;
            }
            Instant next = min(min(a.pollTimeout().orElse(null), b.pollTimeout().orElse(null)),
                    wire.isEmpty() ? null : wire.peek().at());
            if (next == null || next.isAfter(now.plus(InMemoryLink.HORIZON))) {
                // quiet: only lifetime timers remain
                Outcome r = mode != Mode.PLAIN ? judgeRekeys(seed, a, b, eventsA, eventsB)
                        : judge(seed, a, b, eventsA, eventsB, tally, skf, skf[0] + skf[1] > 0);
                return new Outcome(r.converged(), r.initiatorFailure(), r.responderFailure(), r.afterHalfOpen(),
                        r.fragmentsA(), r.fragmentsB(), model.maxInFlight());
            }
            now = next;
            if (!wire.isEmpty() && !wire.peek().at().isAfter(now)) {
                Delivery d = wire.poll();
                IkeTransmit x = d.transmit();
                IkeSession to = d.toResponder() ? b : a;
                tally.computeIfAbsent(key(x, d.toResponder()), k -> new int[3])[
                        to.state() == IkeSessionState.FAILED ? 2 : 1]++;
                model.onDelivered(x.datagram(), d.toResponder());
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
            Random net, double loss, Instant now, long[] order, Map<String, int[]> tally, long[] skf,
            IkeMessageIdModel model) {
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            tally.computeIfAbsent(key(t.get(), fromA), k -> new int[3])[0]++;
            model.onSent(t.get().datagram(), fromA);
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
            drain(s, events, wire, fromA, net, loss, now, order, tally, skf, model);
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
            return new Outcome(true, null, null, false, skf[0], skf[1], 0);
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
        return new Outcome(false, ra, rb, request[2] > 0, skf[0], skf[1], 0);
    }

    private static Outcome judgeRekeys(long seed, IkeSession a, IkeSession b, List<IkeEvent> eventsA,
            List<IkeEvent> eventsB) {
        if (a.state() == IkeSessionState.ESTABLISHED && b.state() == IkeSessionState.ESTABLISHED) {
            assertThat(of(eventsA, IkeEvent.IkeSaRekeyed.class)).as("seed %d: the same IKE SA", seed)
                    .isEqualTo(of(eventsB, IkeEvent.IkeSaRekeyed.class));
            List<Integer> liveA = IkeSaRekeyTest.liveInbound(eventsA);
            List<Integer> liveB = IkeSaRekeyTest.liveInbound(eventsB);
            // Without windows one pair; with them, the first pair and what the creations installed.
            assertThat(liveA).as("seed %d: the same CHILD SA pairs", seed).isNotEmpty().hasSameSizeAs(liveB);
            for (int spi : liveA) {
                IkeEvent.ChildSaInstalled ca = IkeSaRekeyTest.installed(eventsA, spi);
                assertThat(liveB).as("seed %d", seed).contains(ca.outbound().spi());
                IkeEvent.ChildSaInstalled cb = IkeSaRekeyTest.installed(eventsB, ca.outbound().spi());
                assertThat(cb.outbound().spi()).as("seed %d", seed).isEqualTo(spi);
                assertThat(ca.localSelectors()).as("seed %d", seed).isEqualTo(cb.remoteSelectors());
            }
            if (of(eventsA, IkeEvent.ChildSaInstalled.class).size() == 1) {
                assertThat(liveA).as("seed %d: one CHILD SA pair", seed).hasSize(1);
            }
            return new Outcome(true, null, null, false, 0, 0, 0);
        }
        IkeFailureReason ra = of(eventsA, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        IkeFailureReason rb = of(eventsB, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        assertThat(ra != null || rb != null).as("seed %d: a side that is not up states why", seed).isTrue();
        return new Outcome(false, ra, rb, false, 0, 0, 0);
    }

    private static <E> List<E> of(List<IkeEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Instant min(Instant x, Instant y) {
        return x == null ? y : y == null || x.isBefore(y) ? x : y;
    }
}
