package io.ipsec4j.crypto;

/**
 * The registry knows the algorithm (or an unknown id was negotiated) but this module does not
 * implement it, for example Camellia, DES, or an unknown transform id.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8221#section-5">RFC 8221 §5</a>
 */
public final class UnsupportedAlgorithmException extends CryptoException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception naming the algorithm (never a key). */
    public UnsupportedAlgorithmException(String message) {
        super(message);
    }
}
