package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_SELECTORS (39): an ESP or AH packet's addresses do not match the SA's selectors.
 *
 * <p>The Notification Data holds the start of the offending packet (RFC 7296 §3.10.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidSelectorsException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidSelectorsException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidSelectorsException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidSelectorsException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_SELECTORS, data, integrityProtected, message, cause);
    }

    @Override
    InvalidSelectorsException copy(boolean integrityProtected) {
        return new InvalidSelectorsException(getMessage(), errorData(), integrityProtected, this);
    }
}
