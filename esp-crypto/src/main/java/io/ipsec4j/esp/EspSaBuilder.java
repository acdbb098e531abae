package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds an {@link EspSa}; obtained from {@link EspSa#builder()}. Required: {@link #spi},
 * {@link #direction}, {@link #encryption} and {@link #keys}; non-AEAD suites also need
 * {@link #integrity}. The builder copies the keys, so the caller may destroy its own afterwards.
 *
 * <p>A builder builds once: the SA takes over the builder's key copy (and destroys it on
 * {@link EspSa#close()}), and a second SA would repeat the first one's sequence numbers and
 * nonces. For the same reason one {@link EspSaKeys} keys at most one outbound SA. A build that
 * fails leaves the builder usable, e.g. with a corrected setting. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.4.2.1">RFC 4301 §4.4.2.1</a>
 */
public final class EspSaBuilder {
    /** TFC padding is bounded by the largest IP packet. */
    public static final int MAX_TFC_PAD_TO = 65535;
    private static final long MAX_SEQ_32 = 0xFFFF_FFFFL;

    int spi;
    boolean spiSet;
    EspDirection direction;
    EspMode mode = EspMode.TUNNEL;
    boolean esn;
    Encryption encryption;
    IntegrityAlgorithm integrity = IntegrityAlgorithm.NONE;
    /** The caller's keys, claimed for an outbound SA at build time. */
    private EspSaKeys source;
    /** The builder's own copy, handed to the SA. */
    EspSaKeys keys;
    private boolean built;
    int replayWindow = EspSa.DEFAULT_REPLAY_WINDOW;
    EspLifetime lifetime = EspLifetime.unlimited();
    int tfcPadTo;
    CryptoProviders providers = CryptoProviders.defaults();
    LongSupplier nanoClock = System::nanoTime;
    /** The last outbound sequence number already used (the next one minus 1). */
    long outboundStart;
    boolean outboundStartSet;
    /** The highest inbound sequence number already seen (unsigned with ESN). */
    long inboundStart;
    boolean inboundStartSet;

    EspSaBuilder() {
    }

    /** Sets the SPI (RFC 4303 §2.1: values 1–255 are reserved, 0 is not an SPI). */
    public EspSaBuilder spi(int spi) {
        if (Integer.compareUnsigned(spi, 256) < 0) {
            throw new IllegalArgumentException("SPI: " + Integer.toUnsignedString(spi) + " (expected: >= 256)");
        }
        this.spi = spi;
        this.spiSet = true;
        return this;
    }

    /** Sets whether this side seals ({@link EspDirection#OUTBOUND}) or opens with the SA. */
    public EspSaBuilder direction(EspDirection direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
        return this;
    }

    /** Sets tunnel (default) or transport mode. */
    public EspSaBuilder mode(EspMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Turns 64-bit extended sequence numbers on or off (default off). */
    public EspSaBuilder esn(boolean esn) {
        this.esn = esn;
        return this;
    }

    /** Sets the encryption transform and key size. */
    public EspSaBuilder encryption(Encryption encryption) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        return this;
    }

    /** Sets the integrity transform (leave NONE for AEAD). */
    public EspSaBuilder integrity(IntegrityAlgorithm integrity) {
        this.integrity = Objects.requireNonNull(integrity, "integrity");
        return this;
    }

    /** Sets the keys, e.g. from {@link EspChildSaKeys#initiatorToResponder()}; they are copied. */
    public EspSaBuilder keys(EspSaKeys keys) {
        Objects.requireNonNull(keys, "keys");
        checkNotBuilt();
        EspSaKeys copy = EspSaKeys.of(SecretBytes.of(keys.encryptionKey().copyBytes()),
                SecretBytes.of(keys.integrityKey().copyBytes()));
        if (this.keys != null) {
            this.keys.destroy();
        }
        this.source = keys;
        this.keys = copy;
        return this;
    }

    /** Sets the anti-replay window of an inbound SA: 0 turns it off, else 32–2^20 (default 128). */
    public EspSaBuilder replayWindow(int size) {
        if (size != 0 && (size < 32 || size > EspReplayWindow.MAX_WINDOW)) {
            throw new IllegalArgumentException("replay window: " + size + " (expected: 0 or 32-"
                    + EspReplayWindow.MAX_WINDOW + ")");
        }
        this.replayWindow = size;
        return this;
    }

    /** Sets lifetime limits (default none). */
    public EspSaBuilder lifetime(EspLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /** Pads every tunnel-mode payload with zeros to at least {@code bytes} (TFC, RFC 4303 §2.4); 0 = off. */
    public EspSaBuilder tfcPadTo(int bytes) {
        if (bytes < 0 || bytes > MAX_TFC_PAD_TO) {
            throw new IllegalArgumentException("TFC pad-to: " + bytes + " (expected: 0-" + MAX_TFC_PAD_TO + ")");
        }
        this.tfcPadTo = bytes;
        return this;
    }

    /** Sets the providers (default {@link CryptoProviders#defaults()}). */
    public EspSaBuilder providers(CryptoProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
        return this;
    }

    /** Sets the monotonic clock for time lifetimes (default {@link System#nanoTime()}). */
    public EspSaBuilder nanoClock(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        return this;
    }

    /**
     * Outbound SAs only: the sequence number of the first packet to seal (default 1). For an SA
     * re-created from persisted state, pass a number above every one the SA may have used, e.g.
     * {@link EspSa#lastSequenceNumber()} + 1 when it was persisted, plus the packets that could have
     * been sealed since; the peer's replay window drops numbers it already saw (RFC 4303 §3.3.3).
     * Without ESN at most 2^32 − 1; with ESN the full 64-bit number (at most 2^63 − 1 here).
     *
     * @throws IllegalArgumentException if {@code next} is below 1
     * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.3.3">RFC 4303 §3.3.3</a>
     */
    public EspSaBuilder nextOutboundSequenceNumber(long next) {
        if (next < 1) {
            throw new IllegalArgumentException("next outbound sequence number: " + next + " (expected: >= 1)");
        }
        this.outboundStart = next - 1;
        this.outboundStartSet = true;
        return this;
    }

    /**
     * Inbound SAs only: starts the SA as if every sequence number up to {@code highest} had been
     * received (default 0: nothing received). With ESN this is the full 64-bit number, read as
     * unsigned: its high 32 bits are the epoch the receiver infers the next packets' high bits from
     * (RFC 4303 Appendix A2). Use it to re-create an SA from a persisted
     * {@link EspSa#highestInboundSequenceNumber()}, or to read a capture taken mid-life, e.g.
     * {@code (long) epoch << 32} for packets of that epoch. Numbers up to {@code highest} are
     * refused as replays. Without ESN at most 2^32 − 1.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#appendix-A2">RFC 4303 Appendix A2</a>
     */
    public EspSaBuilder highestInboundSequenceNumber(long highest) {
        this.inboundStart = highest;
        this.inboundStartSet = true;
        return this;
    }

    /**
     * Builds the SA.
     *
     * @throws CryptoException if keys or algorithms are rejected by the crypto layer
     * @throws IllegalStateException if a required setting is missing or inconsistent, this builder
     *         already built an SA, or the keys already keyed an outbound SA
     */
    public EspSa build() throws CryptoException {
        checkNotBuilt();
        if (!spiSet || direction == null || encryption == null || keys == null) {
            throw new IllegalStateException("spi, direction, encryption and keys are required");
        }
        if (tfcPadTo > 0 && mode != EspMode.TUNNEL) {
            throw new IllegalStateException("TFC padding needs tunnel mode (the receiver trims it by the inner IP length)");
        }
        checkStart();
        boolean outbound = direction == EspDirection.OUTBOUND;
        if (outbound && !source.claimOutbound()) {
            throw new IllegalStateException("these keys already keyed an outbound SA: a second one would repeat its"
                    + " sequence numbers and nonces (build new keys to restart with nextOutboundSequenceNumber)");
        }
        EspSa sa;
        try {
            sa = new EspSa(this);
        } catch (CryptoException | RuntimeException e) {
            if (outbound) {
                source.releaseOutbound();
            }
            throw e;
        }
        built = true;
        keys = null;
        source = null;
        return sa;
    }

    private void checkNotBuilt() {
        if (built) {
            throw new IllegalStateException("this builder already built an SA (a builder holding key material"
                    + " builds once)");
        }
    }

    private void checkStart() {
        if (outboundStartSet) {
            if (direction != EspDirection.OUTBOUND) {
                throw new IllegalStateException("next outbound sequence number: for an outbound SA only");
            }
            if (!esn && outboundStart >= MAX_SEQ_32) {
                throw new IllegalStateException("next outbound sequence number: " + (outboundStart + 1)
                        + " (expected: <= " + MAX_SEQ_32 + " without ESN)");
            }
        }
        if (inboundStartSet) {
            if (direction != EspDirection.INBOUND) {
                throw new IllegalStateException("highest inbound sequence number: for an inbound SA only");
            }
            if (!esn && Long.compareUnsigned(inboundStart, MAX_SEQ_32) > 0) {
                throw new IllegalStateException("highest inbound sequence number: "
                        + Long.toUnsignedString(inboundStart) + " (expected: <= " + MAX_SEQ_32 + " without ESN)");
            }
        }
    }
}
