package io.ipsec4j.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EspReplayWindowPropertyTest {
    private static final List<Integer> WINDOWS = List.of(32, 64, 100, 128, 1024, 4096);

    /** The reference model: every accepted number in a TreeSet. */
    private static int model(TreeSet<Long> seen, long window, long seq) {
        long highest = seen.isEmpty() ? 0 : seen.last();
        if (seq == 0) {
            return EspReplayWindow.TOO_OLD;
        }
        if (seq > highest) {
            return EspReplayWindow.OK;
        }
        if (highest - seq >= window) {
            return EspReplayWindow.TOO_OLD;
        }
        return seen.contains(seq) ? EspReplayWindow.REPLAYED : EspReplayWindow.OK;
    }

    @Test
    void windowAgreesWithATreeSetModelOverRandomArrivals() {
        qt().withExamples(400).forAll(integers().between(0, WINDOWS.size() - 1),
                lists().of(longs().between(0, 12_000)).ofSizeBetween(1, 600))
                .checkAssert((w, arrivals) -> {
                    int size = WINDOWS.get(w);
                    EspReplayWindow window = new EspReplayWindow(size);
                    TreeSet<Long> seen = new TreeSet<>();
                    for (long seq : arrivals) {
                        int expected = model(seen, size, seq);
                        assertThat(window.check(seq)).isEqualTo(expected);
                        assertThat(window.update(seq)).as("seq %d in window %d", seq, size).isEqualTo(expected);
                        if (expected == EspReplayWindow.OK) {
                            seen.add(seq);
                        }
                        assertThat(window.highest()).isEqualTo(seen.isEmpty() ? 0 : seen.last());
                    }
                });
    }

    @Test
    void esnInferenceRecoversTheSequenceNumberAcrossThe32BitBoundary() {
        qt().withExamples(20_000).forAll(integers().between(0, WINDOWS.size() - 1), integers().between(1, 5),
                integers().between(-5000, 5000), longs().between(0, 1L << 32))
                .checkAssert((w, epoch, offset, ahead) -> {
                    long size = WINDOWS.get(w);
                    long top = ((long) epoch << 32) + offset;
                    // Any number within the window behind T or less than 2^32 - W ahead of it is recovered.
                    long delta = ahead % ((1L << 32) - 1) - (size - 1);
                    long seq = top + delta;
                    assertThat(EspReplayWindow.inferEsn(top, size, (int) seq))
                            .as("T=%x W=%d S=%x", top, size, seq).isEqualTo(seq);
                });
    }

    @Test
    void inferenceFromAFreshWindowStartsInEpochZero() {
        EspReplayWindow window = new EspReplayWindow(64);
        assertThat(window.inferEsn(1)).isEqualTo(1);
        assertThat(window.inferEsn(-1)).isZero();
    }
}
