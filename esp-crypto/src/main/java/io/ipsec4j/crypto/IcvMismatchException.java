package io.ipsec4j.crypto;

/**
 * The integrity check value of a protected message did not verify: the message was modified, or
 * the wrong key or sequence number was used. It deliberately does not say which.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.4">RFC 4303 §3.4.4</a>
 */
public final class IcvMismatchException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a fixed, content-free message. */
    public IcvMismatchException() {
        super("integrity check value mismatch");
    }
}
