package io.ipsec4j.ike.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ipsec4j.model.Tunnel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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

    /** How a run ended; {@code fragmentsA}/{@code fragmentsB}: the SKF datagrams each side sent. */
    record Outcome(boolean converged, IkeFailureReason initiatorFailure, IkeFailureReason responderFailure,
            long fragmentsA, long fragmentsB) {
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
        for (int seed = 0; seed < RUNS; seed++) {
            Outcome o = run(seed, LOSS[seed % LOSS.length], options);
            if (o.converged()) {
                converged++;
                if (fragmented) {
                    assertThat(o.fragmentsA()).as("seed %d: IKE_AUTH request fragments", seed).isGreaterThan(1);
                    assertThat(o.fragmentsB()).as("seed %d: IKE_AUTH response fragments", seed).isGreaterThan(1);
                }
            } else {
                Optional.ofNullable(o.initiatorFailure()).ifPresent(r -> failures.merge(r, 1, Integer::sum));
            }
        }
        assertThat(converged).isGreaterThan(RUNS / 2);
        assertThat(failures.keySet()).isSubsetOf(IkeFailureReason.RETRANSMISSION_TIMEOUT,
                IkeFailureReason.HALF_OPEN_TIMEOUT);
        System.out.printf("%s: %d runs (seeds 0-%d), %d converged, initiator failures %s%n", name, RUNS, RUNS - 1,
                converged, failures);
    }

    static Outcome run(long seed, double loss, IkeSessionOptions o) {
        Random net = new Random(seed);
        Tunnel t = EngineFixtures.initiatorTunnel();
        IkeSession a = EngineFixtures.initiator(t, o, seed * 2 + 1);
        IkeSession b = EngineFixtures.responder(EngineFixtures.mirror(t), o, seed * 2 + 2);
        List<IkeEvent> eventsA = new ArrayList<>();
        List<IkeEvent> eventsB = new ArrayList<>();
        PriorityQueue<Delivery> wire = new PriorityQueue<>((x, y) -> x.at().equals(y.at())
                ? Long.compare(x.order(), y.order()) : x.at().compareTo(y.at()));
        long[] order = {0};
        long[] skf = {0, 0};
        Instant now = EngineFixtures.T0;
        a.initiate(now);
        for (int step = 0; step < 10_000; step++) {
            drain(a, eventsA, wire, true, net, loss, now, order, skf);
            drain(b, eventsB, wire, false, net, loss, now, order, skf);
            Instant next = min(min(a.pollTimeout().orElse(null), b.pollTimeout().orElse(null)),
                    wire.isEmpty() ? null : wire.peek().at());
            if (next == null || next.isAfter(now.plus(InMemoryLink.HORIZON))) {
                return judge(seed, a, b, eventsA, eventsB, skf); // quiet: only lifetime timers remain
            }
            now = next;
            if (!wire.isEmpty() && !wire.peek().at().isAfter(now)) {
                Delivery d = wire.poll();
                IkeTransmit x = d.transmit();
                (d.toResponder() ? b : a).handleDatagramStrict(x.datagram(), x.source(), x.destination(), now);
            } else {
                final Instant at = now;
                a.pollTimeout().filter(w -> !w.isAfter(at)).ifPresent(w -> a.handleTimeout(at));
                b.pollTimeout().filter(w -> !w.isAfter(at)).ifPresent(w -> b.handleTimeout(at));
            }
        }
        return fail("seed " + seed + ": no quiescence after 10000 steps");
    }

    private static void drain(IkeSession s, List<IkeEvent> events, PriorityQueue<Delivery> wire, boolean fromA,
            Random net, double loss, Instant now, long[] order, long[] skf) {
        for (Optional<IkeTransmit> t = s.pollTransmit(); t.isPresent(); t = s.pollTransmit()) {
            if (IkeFragmentationTest.decode(t.get()).payload(io.ipsec4j.ike.v2.IkeSkfPayload.class).isPresent()) {
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
            drain(s, events, wire, fromA, net, loss, now, order, skf);
        });
    }

    private static Outcome judge(long seed, IkeSession a, IkeSession b, List<IkeEvent> eventsA,
            List<IkeEvent> eventsB, long[] skf) {
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
            return new Outcome(true, null, null, skf[0], skf[1]);
        }
        assertThat(a.state()).as("seed %d: initiator ends established or failed", seed)
                .isEqualTo(IkeSessionState.FAILED);
        assertThat(b.state()).as("seed %d: responder is never left half-open", seed)
                .isIn(IkeSessionState.IDLE, IkeSessionState.ESTABLISHED, IkeSessionState.FAILED);
        IkeFailureReason ra = of(eventsA, IkeEvent.SessionFailed.class).get(0).reason();
        IkeFailureReason rb = of(eventsB, IkeEvent.SessionFailed.class).stream().findFirst()
                .map(IkeEvent.SessionFailed::reason).orElse(null);
        return new Outcome(false, ra, rb, skf[0], skf[1]);
    }

    private static <E> List<E> of(List<IkeEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Instant min(Instant x, Instant y) {
        return x == null ? y : y == null || x.isBefore(y) ? x : y;
    }
}
