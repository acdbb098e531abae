package io.ipsec4j.ike.probe;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link IkeProbe} gets the Key Exchange Data it sends: real public values, so that a
 * responder can compute its own side and answer, generated once per group and reused by every
 * request of the probe (a probe never completes an exchange, so no shared secret is ever
 * computed and the private values are dropped at once).
 *
 * <p>Not thread-safe; one instance per probe, or one shared by tests under their own lock.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.4">RFC 7296 §3.4</a>
 */
@FunctionalInterface
public interface IkeProbeKeyShares {
    /** Returns a public value of {@code method}, or empty if it cannot be generated here. */
    Optional<Bytes> publicValue(KeyExchangeMethod method);

    /** Returns key shares generated with esp-crypto's {@link KeyExchange}, cached per group. */
    static IkeProbeKeyShares generating(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        CryptoProviders providers = CryptoProviders.defaults();
        Map<KeyExchangeMethod, Optional<Bytes>> cache = new HashMap<>();
        return method -> cache.computeIfAbsent(method, m -> {
            if (m.isKem() || m.kind() == null || m.equals(KeyExchangeMethod.NONE)) {
                return Optional.empty();
            }
            try (KeyExchange kx = KeyExchange.generate(m, providers, random)) {
                return Optional.of(Bytes.of(kx.publicValue()));
            } catch (CryptoException e) {
                return Optional.empty(); // a group this JDK cannot generate: not offered as a key share
            }
        });
    }
}
