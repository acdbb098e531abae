package io.ipsec4j.ike.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * The caller's bounds on an {@link IkeProbe}: how many datagrams it may send in all, how long it
 * waits between two of them, how long it waits for an answer, and after how many unanswered
 * requests in a row it gives up.
 *
 * <p>Every datagram counts, including the retries that answer a COOKIE or an INVALID_KE_PAYLOAD:
 * the probe never sends more than {@link #maxProbes()} datagrams. A responder under load (or one
 * that limits half-open IKE SAs per peer, as strongSwan's {@code block_threshold} does) may answer
 * with silence; the probe then counts the question as unanswered, not rejected.
 *
 * @param maxProbes the most datagrams the probe sends, 1–10000
 * @param delay the least time between two datagrams sent
 * @param probeTimeout how long a request waits for its answer (positive)
 * @param maxSilences how many unanswered requests in a row stop the probe, 1–maxProbes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.6">RFC 7296 §2.6</a> (COOKIE)
 */
public record IkeProbeLimits(int maxProbes, Duration delay, Duration probeTimeout, int maxSilences) {
    /** The most datagrams any probe may be allowed (a probe is a question, not a flood). */
    public static final int MAX_PROBES = 10_000;

    /** Validates the bounds. */
    public IkeProbeLimits {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        if (maxProbes < 1 || maxProbes > MAX_PROBES) {
            throw new IllegalArgumentException("max probes: " + maxProbes + " (expected: 1-" + MAX_PROBES + ")");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay: " + delay + " (expected: >= 0)");
        }
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("probe timeout: " + probeTimeout + " (expected: > 0)");
        }
        if (maxSilences < 1 || maxSilences > maxProbes) {
            throw new IllegalArgumentException("max silences: " + maxSilences + " (expected: 1-" + maxProbes + ")");
        }
    }

    /** 100 datagrams, 250 ms apart, 3 s for an answer, stop after 3 silences in a row. */
    public static IkeProbeLimits defaults() {
        return new IkeProbeLimits(100, Duration.ofMillis(250), Duration.ofSeconds(3), 3);
    }

    /** Returns these limits with {@code maxProbes}. */
    public IkeProbeLimits withMaxProbes(int maxProbes) {
        return new IkeProbeLimits(maxProbes, delay, probeTimeout, Math.min(maxSilences, maxProbes));
    }

    /** Returns these limits with {@code delay}. */
    public IkeProbeLimits withDelay(Duration delay) {
        return new IkeProbeLimits(maxProbes, delay, probeTimeout, maxSilences);
    }

    /** Returns these limits with {@code probeTimeout}. */
    public IkeProbeLimits withProbeTimeout(Duration probeTimeout) {
        return new IkeProbeLimits(maxProbes, delay, probeTimeout, maxSilences);
    }

    /** Returns these limits with {@code maxSilences}. */
    public IkeProbeLimits withMaxSilences(int maxSilences) {
        return new IkeProbeLimits(maxProbes, delay, probeTimeout, maxSilences);
    }
}
