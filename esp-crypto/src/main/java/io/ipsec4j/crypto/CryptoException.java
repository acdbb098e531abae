package io.ipsec4j.crypto;

import java.security.GeneralSecurityException;

/**
 * A failure of a cryptographic primitive: a wrong key, IV or ICV size, an unsupported algorithm or
 * a provider error. Messages never contain key material.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.13">RFC 7296 §2.13</a>
 */
public class CryptoException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message}, which must not contain key material. */
    public CryptoException(String message) {
        super(message);
    }

    /** Creates an exception with {@code message} and the provider's {@code cause}. */
    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
