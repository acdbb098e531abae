package io.ipsec4j.ike.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The minimal test driver: delivers every datagram of one session to the other at once, collects
 * events, and fires timeouts on a virtual clock. Datagrams may be filtered to simulate loss.
 */
final class InMemoryLink {
    final IkeSession a;
    final IkeSession b;
    final List<IkeEvent> eventsA = new ArrayList<>();
    final List<IkeEvent> eventsB = new ArrayList<>();
    final List<IkeTransmit> sentA = new ArrayList<>();
    final List<IkeTransmit> sentB = new ArrayList<>();
    Instant now = EngineFixtures.T0;
    /** Returns false to drop the n-th datagram (counted over both directions). */
    java.util.function.BiPredicate<Integer, IkeTransmit> deliver = (n, t) -> true;
    private int count;

    InMemoryLink(IkeSession a, IkeSession b) {
        this.a = a;
        this.b = b;
    }

    /** Quiet means no timer within this span: lifetime timers (rekeys) lie further out. */
    static final java.time.Duration HORIZON = java.time.Duration.ofMinutes(10);

    /**
     * Exchanges datagrams and fires timeouts until both sessions are quiet (no timer within {@link
     * #HORIZON}) or {@code maxSteps} pass.
     */
    InMemoryLink run(int maxSteps) {
        return runUntil(null, maxSteps);
    }

    /** Like {@link #run} but fires every timer up to {@code end} (when given) instead of stopping at the horizon. */
    InMemoryLink runUntil(Instant end, int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            boolean moved = pump(a, b, sentA, eventsA) | pump(b, a, sentB, eventsB);
            if (!moved) {
                Optional<Instant> next = earliest(a.pollTimeout(), b.pollTimeout());
                if (next.isEmpty() || (end == null ? next.get().isAfter(now.plus(HORIZON)) : next.get().isAfter(end))) {
                    return this;
                }
                now = next.get();
                a.pollTimeout().filter(t -> !t.isAfter(now)).ifPresent(t -> a.handleTimeout(now));
                b.pollTimeout().filter(t -> !t.isAfter(now)).ifPresent(t -> b.handleTimeout(now));
            }
        }
        return this;
    }

    private boolean pump(IkeSession from, IkeSession to, List<IkeTransmit> sent, List<IkeEvent> events) {
        boolean moved = false;
        for (Optional<IkeEvent> e = from.pollEvent(); e.isPresent(); e = from.pollEvent()) {
            events.add(e.get());
        }
        for (Optional<IkeTransmit> t = from.pollTransmit(); t.isPresent(); t = from.pollTransmit()) {
            moved = true;
            sent.add(t.get());
            if (deliver.test(count++, t.get())) {
                to.handleDatagramStrict(t.get().datagram(), t.get().source(), t.get().destination(), now);
            }
        }
        for (Optional<IkeEvent> e = from.pollEvent(); e.isPresent(); e = from.pollEvent()) {
            events.add(e.get());
        }
        return moved;
    }

    private static Optional<Instant> earliest(Optional<Instant> x, Optional<Instant> y) {
        if (x.isEmpty()) {
            return y;
        }
        return y.isEmpty() || x.get().isBefore(y.get()) ? x : y;
    }

    <E extends IkeEvent> List<E> events(List<IkeEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
