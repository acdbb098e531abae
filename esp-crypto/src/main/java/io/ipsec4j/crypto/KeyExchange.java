package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * One side of an IKEv2 key exchange (Transform Type 4): its private value and the Key Exchange
 * Data it sends.
 *
 * <p>For Diffie-Hellman methods (MODP RFC 3526/5114, ECP RFC 5903, Brainpool RFC 6954, X25519 and
 * X448 RFC 8031) both sides {@link #generate} a pair, exchange {@link #publicValue()}s and call
 * {@link #computeSharedSecret}. For ML-KEM (a KEM, draft-ietf-ipsecme-ikev2-mlkem) the initiator
 * generates and sends its encapsulation key, the responder calls {@link #respond} (which
 * encapsulates), and the initiator passes the ciphertext to {@link #computeSharedSecret}
 * (decapsulation). {@link #respond} also works for DH methods, so one code path serves both.
 *
 * <p>Peer values are validated before use (RFC 6989 §2): exact length, 1 &lt; y &lt; p−1 and subgroup
 * membership for the RFC 5114 groups, points on the curve for ECP/Brainpool, non-zero X25519/X448
 * results, ML-KEM encapsulation keys with coefficients below q. Shared secrets are encoded as
 * RFC 7296 §2.14 requires: MODP left-padded to the prime's length, ECP the x coordinate only
 * (RFC 5903 §7).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.4">RFC 7296 §3.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6989#section-2">RFC 6989 §2</a>
 */
public abstract class KeyExchange implements AutoCloseable {
    private final KeyExchangeMethod method;

    KeyExchange(KeyExchangeMethod method) {
        this.method = method;
    }

    /**
     * Generates a fresh private value for {@code method}.
     *
     * @throws UnsupportedAlgorithmException for NONE, GOST and unknown ids
     */
    public static KeyExchange generate(KeyExchangeMethod method, CryptoProviders providers,
            SecureRandom random) throws CryptoException {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(random, "random");
        KeyExchangeMethod.Kind kind = method.kind();
        if (kind == null) {
            throw new UnsupportedAlgorithmException("key exchange method not implemented: " + method);
        }
        switch (kind) {
            case MODP:
                return ModpKeyExchange.generatePair(method, random);
            case ECP:
            case BRAINPOOL:
                return EcKeyExchange.generatePair(method, providers, random);
            case MONTGOMERY:
                return XdhKeyExchange.generatePair(method, providers, random);
            case ML_KEM:
                return MlKemKeyExchange.generatePair(method, random);
            default:
                throw new UnsupportedAlgorithmException("key exchange method not implemented: " + method);
        }
    }

    /**
     * Answers the initiator's Key Exchange Data: for DH methods generates a pair and computes the
     * shared secret, for ML-KEM encapsulates to the initiator's key.
     *
     * @throws InvalidPublicValueException if {@code initiatorValue} is rejected
     */
    public static KeyExchangeResponse respond(KeyExchangeMethod method, byte[] initiatorValue,
            CryptoProviders providers, SecureRandom random) throws CryptoException {
        Objects.requireNonNull(initiatorValue, "initiatorValue");
        if (method.isKem()) {
            return MlKemKeyExchange.encapsulate(method, initiatorValue, random);
        }
        try (KeyExchange own = generate(method, providers, random)) {
            SecretBytes secret = own.computeSharedSecret(initiatorValue);
            return new KeyExchangeResponse(own.publicValue(), secret);
        }
    }

    /** Returns the method. */
    public final KeyExchangeMethod method() {
        return method;
    }

    /** Returns a copy of this side's Key Exchange Data (the KE payload body after its 4-byte header). */
    public abstract byte[] publicValue();

    /**
     * Returns the shared secret with the peer's Key Exchange Data (for ML-KEM: decapsulates the
     * responder's ciphertext).
     *
     * @throws InvalidPublicValueException if the peer's value is rejected
     */
    public abstract SecretBytes computeSharedSecret(byte[] peerValue) throws CryptoException;

    final void checkLength(byte[] value, int expected) throws InvalidPublicValueException {
        Objects.requireNonNull(value, "peerValue");
        if (value.length != expected) {
            throw new InvalidPublicValueException("key exchange data length for " + method + ": "
                    + value.length + " (expected: " + expected + ")");
        }
    }

    /** Zeroes the private value where the provider allows it (best effort). */
    @Override
    public abstract void close();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method + "]";
    }
}
