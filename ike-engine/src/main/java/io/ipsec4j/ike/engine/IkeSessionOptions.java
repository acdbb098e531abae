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
 * @param retransmitBase the first retransmission delay
 * @param retransmitMax the longest delay between retransmissions
 * @param retransmitLimit how many times a request is retransmitted before giving up
 * @param halfOpenTimeout how long a responder waits for IKE_AUTH after its IKE_SA_INIT response
 * @param cookieGate the responder's shared cookie gate, if cookies are to be issued (§2.6)
 * @param providers the crypto providers
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.1">RFC 7296 §2.1</a>
 */
public record IkeSessionOptions(Duration retransmitBase, Duration retransmitMax, int retransmitLimit,
        Duration halfOpenTimeout, Optional<IkeCookieGate> cookieGate, CryptoProviders providers) {

    /** Checks the arguments. */
    public IkeSessionOptions {
        Objects.requireNonNull(retransmitBase, "retransmitBase");
        Objects.requireNonNull(retransmitMax, "retransmitMax");
        Objects.requireNonNull(halfOpenTimeout, "halfOpenTimeout");
        Objects.requireNonNull(cookieGate, "cookieGate");
        Objects.requireNonNull(providers, "providers");
        if (retransmitBase.isNegative() || retransmitBase.isZero() || retransmitMax.compareTo(retransmitBase) < 0) {
            throw new IllegalArgumentException("need 0 < retransmitBase <= retransmitMax");
        }
        if (retransmitLimit < 0 || retransmitLimit > 30) {
            throw new IllegalArgumentException("retransmitLimit: " + retransmitLimit + " (expected: 0-30)");
        }
        if (halfOpenTimeout.isNegative() || halfOpenTimeout.isZero()) {
            throw new IllegalArgumentException("halfOpenTimeout must be positive");
        }
    }

    /** Returns 2 s doubling to 32 s, 5 retransmissions, 30 s half-open timeout, no cookies. */
    public static IkeSessionOptions defaults() {
        return new IkeSessionOptions(Duration.ofSeconds(2), Duration.ofSeconds(32), 5, Duration.ofSeconds(30),
                Optional.empty(), CryptoProviders.defaults());
    }

    /** Returns these options with {@code gate} shared by the responder sessions. */
    public IkeSessionOptions withCookieGate(IkeCookieGate gate) {
        return new IkeSessionOptions(retransmitBase, retransmitMax, retransmitLimit, halfOpenTimeout,
                Optional.of(gate), providers);
    }

    /** Returns these options with other retransmission settings. */
    public IkeSessionOptions withRetransmission(Duration base, Duration max, int limit) {
        return new IkeSessionOptions(base, max, limit, halfOpenTimeout, cookieGate, providers);
    }
}
