package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_IKE_SPI (4): a message arrived for an IKE SA the receiver does not know.
 *
 * <p>Sent unprotected, outside any IKE SA, about a message for an SPI the receiver does not know;
 * it is never answered (RFC 7296 §2.21.4).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidIkeSpiException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidIkeSpiException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidIkeSpiException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidIkeSpiException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_IKE_SPI, data, integrityProtected, message, cause);
    }

    @Override
    InvalidIkeSpiException copy(boolean integrityProtected) {
        return new InvalidIkeSpiException(getMessage(), errorData(), integrityProtected, this);
    }
}
