package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INVALID_MAJOR_VERSION (5): the header names a major version higher than the receiver supports.
 *
 * <p>The response header carries the closest version the receiver supports (RFC 7296 §2.5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidMajorVersionException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InvalidMajorVersionException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InvalidMajorVersionException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InvalidMajorVersionException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_MAJOR_VERSION, data, integrityProtected, message, cause);
    }

    @Override
    InvalidMajorVersionException copy(boolean integrityProtected) {
        return new InvalidMajorVersionException(getMessage(), errorData(), integrityProtected, this);
    }
}
