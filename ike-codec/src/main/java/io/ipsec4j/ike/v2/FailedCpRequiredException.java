package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error FAILED_CP_REQUIRED (37): the responder requires a CP payload that the initiator did not send.
 *
 * <p>Sent in an IKE_AUTH response (RFC 7296 §2.19).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class FailedCpRequiredException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public FailedCpRequiredException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public FailedCpRequiredException(String message, Bytes data) {
        this(message, data, false, null);
    }

    FailedCpRequiredException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.FAILED_CP_REQUIRED, data, integrityProtected, message, cause);
    }

    @Override
    FailedCpRequiredException copy(boolean integrityProtected) {
        return new FailedCpRequiredException(getMessage(), errorData(), integrityProtected, this);
    }
}
