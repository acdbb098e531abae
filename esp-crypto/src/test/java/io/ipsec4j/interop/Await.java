package io.ipsec4j.interop;

import java.time.Duration;

/**
 * Bounded polling for the interop harness: a test waits for a state of the daemons (an SA listed,
 * a key logged) instead of sleeping for a fixed time, and fails with what it waited for when the
 * bound passes.
 */
public final class Await {
    /** The bound the interop tests use: generous, as the daemons share the CPUs with other builds. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    /** A condition that may run host commands; {@code E} is what checking it may throw. */
    @FunctionalInterface
    public interface Condition<E extends Exception> {
        boolean holds() throws E;
    }

    private Await() {
    }

    /** Polls {@code condition} until it holds; throws an {@link AssertionError} naming {@code what} after {@code bound}. */
    public static <E extends Exception> void until(String what, Duration bound, Condition<E> condition)
            throws E, InterruptedException {
        if (!poll(bound, condition)) {
            throw new AssertionError("timed out after " + bound.toSeconds() + " s waiting for " + what);
        }
    }

    /**
     * Polls {@code condition} until it holds or {@code bound} has passed, checking once more at the
     * end; returns whether it held. For waits whose outcome the test asserts itself afterwards.
     */
    public static <E extends Exception> boolean poll(Duration bound, Condition<E> condition)
            throws E, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** {@link #until(String, Duration, Condition)} with {@link #DEFAULT_BOUND}. */
    public static <E extends Exception> void until(String what, Condition<E> condition) throws E, InterruptedException {
        until(what, DEFAULT_BOUND, condition);
    }
}
