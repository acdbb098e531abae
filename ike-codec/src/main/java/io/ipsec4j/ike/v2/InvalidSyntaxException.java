package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_SYNTAX (7): a message is malformed: a length, count, or field value is out of range.
 *
 * <p>Only an error found inside an integrity-protected message is answered; otherwise the message
 * is dropped (RFC 7296 §2.21.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidSyntaxException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidSyntaxException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidSyntaxException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidSyntaxException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_SYNTAX, data, integrityProtected, message, cause);
    }

    @Override
    InvalidSyntaxException copy(boolean integrityProtected) {
        return new InvalidSyntaxException(getMessage(), errorData(), integrityProtected, this);
    }
}
