package io.ipsec4j.crypto;

/**
 * A peer's key exchange public value (or KEM ciphertext) was rejected: wrong length, not on the
 * curve, outside 1 &lt; y &lt; p−1, outside the prime-order subgroup, or yielding a degenerate shared
 * secret.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6989#section-2">RFC 6989 §2</a>
 */
public final class InvalidPublicValueException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} describes the check that failed. */
    public InvalidPublicValueException(String message) {
        super(message);
    }
}
