package io.ipsec4j.ike.probe;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Runs a probe against a responder function on a virtual clock (no sleeping), as a driver would. */
final class ProbeLoop {
    /** A responder: the answer to a request, or null for silence. */
    @FunctionalInterface
    interface Responder {
        byte[] answer(byte[] request) throws Exception;
    }

    private ProbeLoop() {
    }

    static IkeProbeResult run(IkeProbe probe, Responder responder) throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Deque<byte[]> out = new ArrayDeque<>(probe.tick(now));
        for (int steps = 0; !probe.isFinished() && steps < 100_000; steps++) {
            if (!out.isEmpty()) {
                byte[] answer = responder.answer(out.poll());
                if (answer != null) {
                    out.addAll(probe.handleDatagram(answer, now));
                }
                continue;
            }
            Instant next = probe.nextTick().orElseThrow();
            now = next.isAfter(now) ? next : now;
            out.addAll(probe.tick(now));
        }
        return probe.result();
    }

    static List<String> strongSwan(IkeProbeResult r) {
        return r.toStrongSwan();
    }
}
