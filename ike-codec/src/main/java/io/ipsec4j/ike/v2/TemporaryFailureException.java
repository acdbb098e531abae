package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error TEMPORARY_FAILURE (43): the request cannot be served now, for example during a simultaneous rekey.
 *
 * <p>The initiator retries later (RFC 7296 §2.25).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class TemporaryFailureException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public TemporaryFailureException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public TemporaryFailureException(String message, Bytes data) {
        this(message, data, false, null);
    }

    TemporaryFailureException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.TEMPORARY_FAILURE, data, integrityProtected, message, cause);
    }

    @Override
    TemporaryFailureException copy(boolean integrityProtected) {
        return new TemporaryFailureException(getMessage(), errorData(), integrityProtected, this);
    }
}
