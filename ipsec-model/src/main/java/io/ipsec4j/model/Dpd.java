package io.ipsec4j.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Dead peer detection: how often to probe an idle peer, when to give up, and what to do then.
 *
 * @param delay   interval between liveness checks on an idle SA, positive
 * @param timeout time without an answer after which the peer is dead, longer than {@code delay}
 * @param action  what to do with a dead peer
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.4">RFC 7296 §2.4</a>
 */
public record Dpd(Duration delay, Duration timeout, DpdAction action) {
    /** Validates the timing. */
    public Dpd {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(action, "action");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("DPD delay: " + delay.toSeconds() + "s (expected: > 0)");
        }
        if (timeout.compareTo(delay) <= 0) {
            throw new IllegalArgumentException("DPD timeout: " + timeout.toSeconds() + "s (expected: > delay "
                    + delay.toSeconds() + "s, or no probe would ever be answered in time)");
        }
    }

    /** DPD with delay and timeout in seconds. */
    public static Dpd ofSeconds(long delaySeconds, long timeoutSeconds, DpdAction action) {
        return new Dpd(Duration.ofSeconds(delaySeconds), Duration.ofSeconds(timeoutSeconds), action);
    }

    @Override
    public String toString() {
        return "Dpd{delay=" + delay.toSeconds() + "s, timeout=" + timeout.toSeconds() + "s, action=" + action + "}";
    }
}
