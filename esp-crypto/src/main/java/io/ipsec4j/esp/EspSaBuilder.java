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
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.4.2.1">RFC 4301 §4.4.2.1</a>
 */
public final class EspSaBuilder {
    /** TFC padding is bounded by the largest IP packet. */
    public static final int MAX_TFC_PAD_TO = 65535;

    int spi;
    boolean spiSet;
    EspDirection direction;
    EspMode mode = EspMode.TUNNEL;
    boolean esn;
    Encryption encryption;
    IntegrityAlgorithm integrity = IntegrityAlgorithm.NONE;
    EspSaKeys keys;
    int replayWindow = EspSa.DEFAULT_REPLAY_WINDOW;
    EspLifetime lifetime = EspLifetime.unlimited();
    int tfcPadTo;
    CryptoProviders providers = CryptoProviders.defaults();
    LongSupplier nanoClock = System::nanoTime;
    long outboundStart;
    long inboundStart;

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
        this.keys = EspSaKeys.of(SecretBytes.of(keys.encryptionKey().copyBytes()),
                SecretBytes.of(keys.integrityKey().copyBytes()));
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

    /** Test support: the last outbound sequence number already used. */
    EspSaBuilder outboundStart(long lastUsed) {
        this.outboundStart = lastUsed;
        return this;
    }

    /** Test support: the inbound window starts as if every number up to {@code highest} was seen. */
    EspSaBuilder inboundStart(long highest) {
        this.inboundStart = highest;
        return this;
    }

    /**
     * Builds the SA.
     *
     * @throws CryptoException if keys or algorithms are rejected by the crypto layer
     * @throws IllegalStateException if a required setting is missing or inconsistent
     */
    public EspSa build() throws CryptoException {
        if (!spiSet || direction == null || encryption == null || keys == null) {
            throw new IllegalStateException("spi, direction, encryption and keys are required");
        }
        if (tfcPadTo > 0 && mode != EspMode.TUNNEL) {
            throw new IllegalStateException("TFC padding needs tunnel mode (the receiver trims it by the inner IP length)");
        }
        return new EspSa(this);
    }
}
