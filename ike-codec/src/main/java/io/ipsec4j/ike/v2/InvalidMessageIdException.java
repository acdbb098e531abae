package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_MESSAGE_ID (9): a message ID lies outside the receive window.
 *
 * <p>Never sent in a response; the Notification Data is the four-byte invalid message ID (RFC 7296
 * §2.3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidMessageIdException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidMessageIdException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidMessageIdException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidMessageIdException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_MESSAGE_ID, data, integrityProtected, message, cause);
    }

    @Override
    InvalidMessageIdException copy(boolean integrityProtected) {
        return new InvalidMessageIdException(getMessage(), errorData(), integrityProtected, this);
    }
}
