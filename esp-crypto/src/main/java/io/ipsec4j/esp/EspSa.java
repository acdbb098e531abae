package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One direction of an ESP security association: SPI, algorithms and keys, sequence numbers (32-bit
 * or ESN), anti-replay window, lifetime and mode. Outbound SAs {@link #seal} packets, inbound SAs
 * {@link #open} them, both in place in the caller's {@link ByteBuf}.
 *
 * <p>Packet format (RFC 4303 §2): SPI(4) ‖ Sequence(4) ‖ IV ‖ payload ‖ TFC padding ‖ padding
 * 1, 2, 3… ‖ Pad Length ‖ Next Header ‖ ICV, the trailer aligned to 4 bytes or the cipher block.
 * With ESN only the low 32 bits are sent; the high bits go into the AEAD AAD (RFC 4106 §5) or after
 * the ciphertext into the ICV input (RFC 4303 §3.3.2.2.1), and the receiver infers them
 * (Appendix A2). For encrypt-then-MAC suites the ICV is verified before decryption; the replay
 * window moves only after verification.
 *
 * <p>Thread safety: every method may be called by any number of threads at once. Outbound sequence
 * numbers come from one atomic counter, so no two packets (and no two GCM/ChaCha nonces) share one;
 * crypto objects come from a small lock-free pool; the replay window is guarded by a private lock
 * held for a few nanoseconds.
 *
 * <p>Lifecycle: {@link #close()} may race with traffic. A {@code seal} or {@code open} that starts
 * after {@code close()} returned fails with {@link EspSaExpiredException}; one that overlaps it
 * either completes with the SA's real keys or fails the same way. {@code close()} zeroes the SA's
 * key copies (best effort: the JCA may keep key schedules) and no crypto context is created from
 * them afterwards. Getters keep working, e.g. to persist {@link #lastSequenceNumber()}.
 *
 * <p>Buffer ownership: {@code seal} and {@code open} neither retain nor release the buffer. They
 * work in place on heap buffers when the buffer has {@link #headroomBytes()} before the reader index
 * and {@link #maxTrailerBytes()} writable; otherwise the payload is moved within the same buffer
 * (Netty may grow it). Direct buffers are staged through a per-thread array and written back.
 * No allocation proportional to the packet size happens in steady state.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3">RFC 4303 §3</a>
 */
public final class EspSa implements AutoCloseable {
    /** SPI and sequence number. */
    public static final int HEADER_BYTES = 8;
    /** Pad Length and Next Header. */
    public static final int TRAILER_FIXED_BYTES = 2;
    /** Default replay window, as in strongSwan and Linux (RFC 4303 §3.4.3 requires ≥ 32). */
    public static final int DEFAULT_REPLAY_WINDOW = 128;
    /** Without a replay window, ESN high bits are inferred as the epoch nearest to the highest number seen. */
    static final long INFERENCE_WINDOW_WITHOUT_REPLAY = 1L << 31;
    private static final long MAX_SEQ_32 = 0xFFFF_FFFFL;

    private final int spi;
    private final EspDirection direction;
    private final EspMode mode;
    private final boolean esn;
    private final Encryption encryption;
    private final IntegrityAlgorithm integrity;
    private final EspContextPool pool;
    private final EspReplayWindow window;
    private final EspLifetime lifetime;
    private final LongSupplier nanoClock;
    private final long createdNanos;
    private final int tfcPadTo;
    private final int ivLength;
    private final int icvLength;
    private final int alignment;
    private final String implementation;
    private final AtomicLong sequence;
    private final LongAdder packets = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    /** Guards {@link #window} and {@link #inboundTop}; private so that no caller can stall the SA. */
    private final Object replayLock = new Object();
    /** Highest verified inbound sequence when no replay window is kept (ESN inference only). */
    private long inboundTop;
    private volatile boolean closed;

    EspSa(EspSaBuilder b) throws CryptoException {
        this.spi = b.spi;
        this.direction = b.direction;
        this.mode = b.mode;
        this.esn = b.esn;
        this.encryption = b.encryption;
        this.integrity = b.integrity;
        this.pool = new EspContextPool(b.encryption, b.integrity, b.keys.encryptionKey(), b.keys.integrityKey(),
                b.providers);
        this.window = direction == EspDirection.INBOUND && b.replayWindow > 0
                ? new EspReplayWindow(b.replayWindow) : null;
        if (window != null && b.inboundStart != 0) {
            window.resetTo(b.inboundStart);
        }
        this.inboundTop = b.inboundStart;
        this.lifetime = b.lifetime;
        this.nanoClock = b.nanoClock;
        this.createdNanos = nanoClock.getAsLong();
        this.tfcPadTo = b.tfcPadTo;
        Protection p = pool.sample();
        this.ivLength = p.ivLengthBytes();
        this.icvLength = p.icvLengthBytes();
        this.alignment = Math.max(4, p.alignmentBytes());
        this.implementation = p.implementation();
        this.sequence = new AtomicLong(b.outboundStart);
    }

    /** Returns a builder; {@code spi}, {@code direction}, {@code encryption} and {@code keys} are required. */
    public static EspSaBuilder builder() {
        return new EspSaBuilder();
    }

    /** Returns the SPI. */
    public int spi() {
        return spi;
    }

    /** Returns the direction. */
    public EspDirection direction() {
        return direction;
    }

    /** Returns the mode. */
    public EspMode mode() {
        return mode;
    }

    /** Returns {@code true} if 64-bit extended sequence numbers are in use. */
    public boolean isEsn() {
        return esn;
    }

    /** Returns the encryption transform. */
    public Encryption encryption() {
        return encryption;
    }

    /** Returns the integrity transform ({@link IntegrityAlgorithm#NONE} with AEAD). */
    public IntegrityAlgorithm integrity() {
        return integrity;
    }

    /** Returns the ICV length in bytes. */
    public int icvLengthBytes() {
        return icvLength;
    }

    /** Returns the provider choice made for this SA, e.g. {@code "AES/GCM/NoPadding (SunJCE)"}. */
    public String implementation() {
        return implementation;
    }

    /** Returns the bytes {@link #seal} writes before the payload: SPI, sequence number and IV. */
    public int headroomBytes() {
        return HEADER_BYTES + ivLength;
    }

    /** Returns the most bytes {@link #seal} appends after a payload: TFC and block padding, trailer, ICV. */
    public int maxTrailerBytes() {
        return tfcPadTo + alignment - 1 + TRAILER_FIXED_BYTES + icvLength;
    }

    /** Returns the sealed length of a {@code payloadLength}-byte payload. */
    public int sealedLength(int payloadLength) {
        int unpadded = Math.max(payloadLength, tfcPadTo) + TRAILER_FIXED_BYTES;
        return headroomBytes() + unpadded + padding(unpadded) + icvLength;
    }

    /** Returns the last outbound sequence number used (0 before the first packet). */
    public long lastSequenceNumber() {
        return sequence.get();
    }

    /** Returns the highest verified inbound sequence number (0 before the first). */
    public long highestInboundSequenceNumber() {
        synchronized (replayLock) {
            return highestOrTop();
        }
    }

    /** Returns where the SA stands against its lifetime. */
    public EspLifetimeState lifetimeState() {
        if (closed) {
            return EspLifetimeState.EXPIRED;
        }
        long count = direction == EspDirection.OUTBOUND ? sequence.get() : packets.sum();
        return lifetime.state(bytes.sum(), count, nanoClock.getAsLong() - createdNanos);
    }

    /**
     * Seals a tunnel-mode inner IP packet: Next Header 4 for IPv4, 41 for IPv6 (from the version
     * nibble).
     *
     * @throws EspMalformedPacketException if the buffer does not start with an IPv4 or IPv6 header
     */
    public void sealTunnel(ByteBuf ipPacket) throws EspException {
        if (!ipPacket.isReadable()) {
            throw new EspMalformedPacketException("inner packet length: 0 (expected: an IP packet)");
        }
        int version = (ipPacket.getUnsignedByte(ipPacket.readerIndex()) >>> 4);
        if (version == 4) {
            seal(ipPacket, EspNextHeader.IPV4);
        } else if (version == 6) {
            seal(ipPacket, EspNextHeader.IPV6);
        } else {
            throw new EspMalformedPacketException("inner IP version: " + version + " (expected: 4 or 6)");
        }
    }

    /**
     * Seals the readable bytes of {@code buf} as the payload with {@code nextHeader}; afterwards the
     * readable bytes are the ESP packet.
     *
     * @throws EspSequenceExhaustedException when the sequence space is used up (rekey)
     * @throws EspSaExpiredException after a hard lifetime limit or {@link #close()}
     */
    public void seal(ByteBuf buf, int nextHeader) throws EspException {
        if (direction != EspDirection.OUTBOUND) {
            throw new IllegalStateException("seal on an inbound SA (SPI " + Integer.toHexString(spi) + ")");
        }
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("next header: " + nextHeader + " (expected: 0-255)");
        }
        checkUsable();
        long seq = sequence.incrementAndGet();
        if (lifetime.hardPackets() > 0 && seq > lifetime.hardPackets()) {
            throw new EspSaExpiredException(spi, "hard packet limit " + lifetime.hardPackets());
        }
        if (esn ? seq < 0 : seq > MAX_SEQ_32) {
            throw new EspSequenceExhaustedException(spi, esn);
        }
        int payloadLength = buf.readableBytes();
        EspContextPool.Context c = acquire();
        try {
            EspPacketCodec.seal(this, c, buf, payloadLength, nextHeader, seq);
        } catch (CryptoException e) {
            throw new EspException("sealing failed: SPI " + Integer.toHexString(spi), e);
        } finally {
            pool.release(c);
        }
        bytes.add(payloadLength);
    }

    /**
     * Verifies, replay-checks and decrypts the ESP packet in the readable bytes of {@code buf}; on
     * success the readable bytes are the payload (without TFC padding in tunnel mode).
     *
     * @return the Next Header; {@link EspNextHeader#NO_NEXT_HEADER} marks a dummy packet with an
     *         empty payload, which the caller drops
     */
    public int open(ByteBuf buf) throws EspException {
        if (direction != EspDirection.INBOUND) {
            throw new IllegalStateException("open on an outbound SA (SPI " + Integer.toHexString(spi) + ")");
        }
        checkUsable();
        if (lifetime.hardPackets() > 0 && packets.sum() >= lifetime.hardPackets()) {
            throw new EspSaExpiredException(spi, "hard packet limit " + lifetime.hardPackets());
        }
        EspContextPool.Context c = acquire();
        try {
            return EspPacketCodec.open(this, c, buf);
        } finally {
            pool.release(c);
        }
    }

    private EspContextPool.Context acquire() throws EspException {
        EspContextPool.Context c;
        try {
            c = pool.acquire();
        } catch (CryptoException e) {
            throw new EspException("cannot create crypto context: SPI " + Integer.toHexString(spi), e);
        }
        if (c == null) {
            // close() ran after checkUsable(): its keys are gone, so no context could be made.
            throw new EspSaExpiredException(spi, "closed");
        }
        return c;
    }

    private void checkUsable() throws EspSaExpiredException {
        if (closed) {
            throw new EspSaExpiredException(spi, "closed");
        }
        if (lifetime.hardBytes() > 0 && bytes.sum() >= lifetime.hardBytes()) {
            throw new EspSaExpiredException(spi, "hard byte limit " + lifetime.hardBytes());
        }
        if (lifetime.hardNanos() > 0 && nanoClock.getAsLong() - createdNanos >= lifetime.hardNanos()) {
            throw new EspSaExpiredException(spi, "hard time limit");
        }
    }

    int padding(int unpaddedLength) {
        return (alignment - unpaddedLength % alignment) % alignment;
    }

    int ivLength() {
        return ivLength;
    }

    int tfcPadTo() {
        return tfcPadTo;
    }

    /**
     * Infers the 64-bit sequence number of the received low bits and pre-checks it against the
     * window (before the ICV), in one critical section; throws for replayed or too old numbers.
     */
    long inferAndCheck(int low) throws EspException {
        synchronized (replayLock) {
            return inferAndCheckLocked(low);
        }
    }

    private long inferAndCheckLocked(int low) throws EspException {
        long seq;
        if (!esn) {
            seq = low & MAX_SEQ_32;
        } else if (window != null) {
            seq = window.inferEsn(low);
        } else {
            seq = EspReplayWindow.inferEsn(inboundTop, INFERENCE_WINDOW_WITHOUT_REPLAY, low);
        }
        if (seq == 0) {
            throw new EspOutsideWindowException(spi, seq, highestOrTop(), windowSize());
        }
        if (window != null) {
            verdict(window.check(seq), seq);
        }
        return seq;
    }

    /** Records a verified number; throws if a concurrent packet with the same number won the race. */
    void recordReplay(long seq) throws EspException {
        synchronized (replayLock) {
            if (window != null) {
                verdict(window.update(seq), seq);
            } else if (Long.compareUnsigned(seq, inboundTop) > 0) {
                inboundTop = seq;
            }
        }
        packets.increment();
    }

    void countBytes(int n) {
        bytes.add(n);
    }

    private void verdict(int verdict, long seq) throws EspException {
        if (verdict == EspReplayWindow.REPLAYED) {
            throw new EspReplayException(spi, seq);
        }
        if (verdict == EspReplayWindow.TOO_OLD) {
            throw new EspOutsideWindowException(spi, seq, window.highest(), window.size());
        }
    }

    private long highestOrTop() {
        return window != null ? window.highest() : inboundTop;
    }

    private int windowSize() {
        return window != null ? window.size() : 0;
    }

    /** Marks the SA expired and zeroes its key copies (best effort: the JCA may keep key schedules). */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    @Override
    public String toString() {
        return String.format("EspSa[SPI 0x%08x, %s, %s, %s + %s, esn=%s, window=%d]", spi, direction, mode,
                encryption, integrity, esn, windowSize());
    }
}
