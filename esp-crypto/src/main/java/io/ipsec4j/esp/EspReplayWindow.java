package io.ipsec4j.esp;

/**
 * The receiver's anti-replay window with RFC 6479's ring of 64-bit words: O(1) per packet for any
 * window size, and the high-order ESN bits inferred as RFC 4303 Appendix A2 describes.
 *
 * <p>The window remembers the highest verified sequence number T and which of the W numbers up to
 * T were seen. {@link #check} answers without changing anything; {@link #update} records a number
 * and must only be called once the packet's ICV verified (RFC 4303 §3.4.3). Sequence number 0 is
 * never valid. Not thread-safe: {@link EspSa} serialises access.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6479#section-2">RFC 6479 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#appendix-A2">RFC 4303 Appendix A2</a>
 */
final class EspReplayWindow {
    /** The largest window accepted (RFC 4303 only asks for ≥ 32; 2^20 keeps the bitmap at 128 KiB). */
    public static final int MAX_WINDOW = 1 << 20;
    /** Result of {@link #check}: the number may be accepted. */
    public static final int OK = 0;
    /** Result of {@link #check}: the number was already seen. */
    public static final int REPLAYED = 1;
    /** Result of {@link #check}: the number is left of the window (or 0). */
    public static final int TOO_OLD = 2;

    private static final long LOW32 = 0xFFFF_FFFFL;

    private final int window;
    private final long[] bitmap;
    private final int mask;
    private long top;

    /**
     * Creates a window of {@code window} sequence numbers (32 to {@link #MAX_WINDOW}).
     *
     * @throws IllegalArgumentException for other sizes
     */
    public EspReplayWindow(int window) {
        if (window < 32 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("replay window: " + window + " (expected: 32-" + MAX_WINDOW + ")");
        }
        this.window = window;
        // One spare word so that the word holding T never overlaps the oldest word in the window.
        int words = Integer.highestOneBit((window + 63) / 64 + 1);
        if (words < (window + 63) / 64 + 1) {
            words <<= 1;
        }
        this.bitmap = new long[words];
        this.mask = words - 1;
    }

    /** Returns W, the number of sequence numbers the window covers. */
    public int size() {
        return window;
    }

    /** Returns T, the highest sequence number recorded (0 before the first). */
    public long highest() {
        return top;
    }

    /** Starts the window at {@code highest} as if every number up to it had been received. */
    void resetTo(long highest) {
        top = highest;
        java.util.Arrays.fill(bitmap, -1L);
    }

    /**
     * Returns {@link #OK}, {@link #REPLAYED} or {@link #TOO_OLD} for the 64-bit {@code sequence},
     * without recording it.
     */
    public int check(long sequence) {
        if (sequence == 0) {
            return TOO_OLD;
        }
        if (Long.compareUnsigned(sequence, top) > 0) {
            return OK;
        }
        if (top - sequence >= window) {
            return TOO_OLD;
        }
        long word = bitmap[(int) (sequence >>> 6) & mask];
        return (word & (1L << sequence)) != 0 ? REPLAYED : OK;
    }

    /**
     * Records {@code sequence} (after its ICV verified), sliding the window when it is the new
     * highest. Returns the same value {@link #check} would have returned before recording; the number
     * is recorded only if that was {@link #OK}.
     */
    public int update(long sequence) {
        if (sequence == 0) {
            return TOO_OLD;
        }
        long t = top;
        if (Long.compareUnsigned(sequence, t) > 0) {
            long oldWord = t >>> 6;
            long diff = (sequence >>> 6) - oldWord;
            if (diff > mask) {
                diff = mask + 1L;
            }
            for (long i = 1; i <= diff; i++) {
                bitmap[(int) (oldWord + i) & mask] = 0L;
            }
            top = sequence;
            bitmap[(int) (sequence >>> 6) & mask] |= 1L << sequence;
            return OK;
        }
        if (t - sequence >= window) {
            return TOO_OLD;
        }
        int index = (int) (sequence >>> 6) & mask;
        long bit = 1L << sequence;
        long word = bitmap[index];
        if ((word & bit) != 0) {
            return REPLAYED;
        }
        bitmap[index] = word | bit;
        return OK;
    }

    /**
     * Infers the 64-bit sequence number of a packet carrying the low 32 bits {@code low}
     * (RFC 4303 Appendix A2.2), relative to the highest number seen and the window size.
     * Returns 0 (never a valid sequence number) when it would lie before the first epoch.
     */
    public long inferEsn(int low) {
        return inferEsn(top, window, low);
    }

    static long inferEsn(long top, long window, int low) {
        long th = top >>> 32;
        long tl = top & LOW32;
        long seql = low & LOW32;
        long seqh;
        if (tl >= window - 1) {
            seqh = seql >= tl - window + 1 ? th : th + 1;
        } else {
            long threshold = (tl - window + 1) & LOW32;
            if (seql >= threshold) {
                if (th == 0) {
                    return 0;
                }
                seqh = th - 1;
            } else {
                seqh = th;
            }
        }
        return (seqh << 32) | seql;
    }

    @Override
    public String toString() {
        return "EspReplayWindow[size=" + window + ", highest=" + Long.toUnsignedString(top) + "]";
    }
}
