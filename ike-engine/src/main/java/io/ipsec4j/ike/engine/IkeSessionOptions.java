package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoProviders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Engine settings that the model's {@code Tunnel} does not carry: retransmission timing, the
 * responder's half-open limit and cookie gate, and the crypto providers.
 *
 * <p>A request is retransmitted after {@code retransmitBase}, doubling up to {@code retransmitMax},
 * {@code retransmitLimit} times; then the session fails (RFC 7296 §2.1, §2.4).
 *
 * <p>IKE fragmentation (RFC 7383): unless {@code fragmentSize} is 0, both roles announce
 * IKEV2_FRAGMENTATION_SUPPORTED in IKE_SA_INIT; once both did, a protected message whose IP datagram
 * (IP and UDP headers, the non-ESP marker on port 4500, the IKE message) would exceed
 * {@code fragmentSize} bytes is sent as SKF fragments of at most that size, and fragments from the
 * peer are reassembled (RFC 7383 §2.5, §2.6). The default, {@value #DEFAULT_FRAGMENT_SIZE} bytes, is
 * strongSwan's {@code charon.fragment_size} default, used for IPv4 as for IPv6; RFC 7383 §2.5.1 would
 * allow 576 for IPv4 where the path MTU is unknown and small.
 *
 * <p>Message-ID window (RFC 7296 §2.3): with {@code windowSize} 1, the default, each side has one
 * request outstanding and keeps one response, as strongSwan does, and nothing about windows goes on
 * the wire. A larger window is announced with SET_WINDOW_SIZE in our IKE_AUTH message (and, after
 * an IKE SA rekey, in an INFORMATIONAL request on the new SA, which starts at one again); from then
 * on the peer's requests with message IDs in [next expected, next expected + {@code windowSize})
 * are processed, out of order if need be, and the last {@code windowSize} responses are kept for
 * retransmitted requests. We send up to min(the peer's SET_WINDOW_SIZE, {@code windowSize})
 * requests before the oldest is answered; a peer that announced nothing gets one at a time. The
 * peer's fragmented messages (RFC 7383) are reassembled one at a time: fragments of another message
 * restart the reassembly, and retransmissions complete it.
 *
 * @param retransmitBase the first retransmission delay
 * @param retransmitMax the longest delay between retransmissions
 * @param retransmitLimit how many times a request is retransmitted before giving up
 * @param halfOpenTimeout how long a responder waits for IKE_AUTH after its IKE_SA_INIT response
 * @param cookieGate the responder's shared cookie gate, if cookies are to be issued (§2.6)
 * @param providers the crypto providers
 * @param fragmentSize the largest IP datagram of an IKE message before it is fragmented, 0 (do not
 *        offer fragmentation) or {@value #MIN_FRAGMENT_SIZE}–65535
 * @param windowSize our message-ID window, 1–{@value #MAX_WINDOW_SIZE}: how many of the peer's
 *        requests we process and answer from the cache, and the most we keep outstanding ourselves
 * @param natKeepalive how often a session behind a NAT sends a NAT keepalive when it sent nothing
 *        else (RFC 3948 §4), or zero for none
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.1">RFC 7296 §2.1</a>
 */
public record IkeSessionOptions(Duration retransmitBase, Duration retransmitMax, int retransmitLimit,
        Duration halfOpenTimeout, Optional<IkeCookieGate> cookieGate, CryptoProviders providers, int fragmentSize,
        int windowSize, Duration natKeepalive) {
    /** The default {@link #fragmentSize()}: strongSwan's default {@code charon.fragment_size}. */
    public static final int DEFAULT_FRAGMENT_SIZE = 1280;
    /** The smallest {@link #fragmentSize()} other than 0: room for IPv6, UDP, marker and a fragment's overhead. */
    public static final int MIN_FRAGMENT_SIZE = 200;
    /** The default {@link #natKeepalive()}: RFC 3948 §4's and strongSwan's 20 seconds. */
    public static final Duration DEFAULT_NAT_KEEPALIVE = Duration.ofSeconds(20);
    /** The largest {@link #windowSize()}: it bounds the responses kept and the requests outstanding. */
    public static final int MAX_WINDOW_SIZE = 32;

    /** Checks the arguments. */
    public IkeSessionOptions {
        Objects.requireNonNull(retransmitBase, "retransmitBase");
        Objects.requireNonNull(retransmitMax, "retransmitMax");
        Objects.requireNonNull(halfOpenTimeout, "halfOpenTimeout");
        Objects.requireNonNull(cookieGate, "cookieGate");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(natKeepalive, "natKeepalive");
        if (natKeepalive.isNegative()) {
            throw new IllegalArgumentException("natKeepalive must not be negative: " + natKeepalive);
        }
        if (retransmitBase.isNegative() || retransmitBase.isZero() || retransmitMax.compareTo(retransmitBase) < 0) {
            throw new IllegalArgumentException("need 0 < retransmitBase <= retransmitMax");
        }
        if (retransmitLimit < 0 || retransmitLimit > 30) {
            throw new IllegalArgumentException("retransmitLimit: " + retransmitLimit + " (expected: 0-30)");
        }
        if (halfOpenTimeout.isNegative() || halfOpenTimeout.isZero()) {
            throw new IllegalArgumentException("halfOpenTimeout must be positive");
        }
        if (fragmentSize != 0 && (fragmentSize < MIN_FRAGMENT_SIZE || fragmentSize > 0xFFFF)) {
            throw new IllegalArgumentException("fragmentSize: " + fragmentSize + " (expected: 0 or "
                    + MIN_FRAGMENT_SIZE + "-65535)");
        }
        if (windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("windowSize: " + windowSize + " (expected: 1-" + MAX_WINDOW_SIZE + ")");
        }
    }

    /**
     * Returns 2 s doubling to 32 s, 5 retransmissions, 30 s half-open timeout, no cookies, and
     * fragmentation offered with fragments of at most {@value #DEFAULT_FRAGMENT_SIZE} bytes, and a
     * message-ID window of one, and NAT keepalives every 20 s when behind a NAT.
     */
    public static IkeSessionOptions defaults() {
        return new IkeSessionOptions(Duration.ofSeconds(2), Duration.ofSeconds(32), 5, Duration.ofSeconds(30),
                Optional.empty(), CryptoProviders.defaults(), DEFAULT_FRAGMENT_SIZE, 1, DEFAULT_NAT_KEEPALIVE);
    }

    /** Returns these options with {@code gate} shared by the responder sessions. */
    public IkeSessionOptions withCookieGate(IkeCookieGate gate) {
        return new IkeSessionOptions(retransmitBase, retransmitMax, retransmitLimit, halfOpenTimeout,
                Optional.of(gate), providers, fragmentSize, windowSize, natKeepalive);
    }

    /** Returns these options with other retransmission settings. */
    public IkeSessionOptions withRetransmission(Duration base, Duration max, int limit) {
        return new IkeSessionOptions(base, max, limit, halfOpenTimeout, cookieGate, providers, fragmentSize,
                windowSize, natKeepalive);
    }

    /**
     * Returns these options with IKE fragments of at most {@code bytes} (the IP datagram), or with
     * fragmentation not offered when {@code bytes} is 0 (RFC 7383).
     */
    public IkeSessionOptions withFragmentSize(int bytes) {
        return new IkeSessionOptions(retransmitBase, retransmitMax, retransmitLimit, halfOpenTimeout, cookieGate,
                providers, bytes, windowSize, natKeepalive);
    }

    /**
     * Returns these options with a message-ID window of {@code size} requests (RFC 7296 §2.3),
     * announced with SET_WINDOW_SIZE when larger than one.
     *
     * @throws IllegalArgumentException unless 1 &lt;= {@code size} &lt;= {@value #MAX_WINDOW_SIZE}
     */
    public IkeSessionOptions withWindowSize(int size) {
        return new IkeSessionOptions(retransmitBase, retransmitMax, retransmitLimit, halfOpenTimeout, cookieGate,
                providers, fragmentSize, size, natKeepalive);
    }

    /**
     * Returns these options with NAT keepalives every {@code interval} while behind a NAT, or none
     * if it is zero (RFC 3948 §4).
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public IkeSessionOptions withNatKeepalive(Duration interval) {
        return new IkeSessionOptions(retransmitBase, retransmitMax, retransmitLimit, halfOpenTimeout, cookieGate,
                providers, fragmentSize, windowSize, interval);
    }
}
