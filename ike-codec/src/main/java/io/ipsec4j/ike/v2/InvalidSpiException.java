package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_SPI (11): an ESP or AH packet arrived for an SA the receiver does not know.
 *
 * <p>The Notification Data MAY contain the offending SPI (RFC 7296 §1.5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidSpiException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidSpiException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidSpiException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidSpiException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_SPI, data, integrityProtected, message, cause);
    }

    @Override
    InvalidSpiException copy(boolean integrityProtected) {
        return new InvalidSpiException(getMessage(), errorData(), integrityProtected, this);
    }
}
