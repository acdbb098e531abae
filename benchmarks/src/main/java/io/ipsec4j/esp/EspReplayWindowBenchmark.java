package io.ipsec4j.esp;

import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The anti-replay window alone (RFC 6479 bitmap): {@code inOrder} checks and records consecutive
 * sequence numbers (the window slides every packet); {@code reordered} feeds numbers that jump
 * ahead and back within the window, half of them duplicates, so all three verdicts occur.
 */
@State(Scope.Thread)
public class EspReplayWindowBenchmark extends EspBenchmarkBase {
    private static final int PATTERN = 1 << 16;

    @Param({"128", "4096"})
    public int window;

    private EspReplayWindow replay;
    private long sequence;
    private long[] deltas;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        replay = new EspReplayWindow(window);
        Random random = new Random(7);
        deltas = new long[PATTERN];
        for (int i = 0; i < PATTERN; i++) {
            deltas[i] = random.nextInt(window) - window / 2;
        }
        sequence = window;
    }

    @Benchmark
    public int inOrder() {
        return replay.update(++sequence);
    }

    @Benchmark
    public int reordered() {
        index = (index + 1) & (PATTERN - 1);
        sequence += (index & 1);
        long candidate = sequence + deltas[index];
        return replay.update(candidate < 1 ? 1 : candidate);
    }
}
