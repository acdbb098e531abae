package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error CHILD_SA_NOT_FOUND (44): a request refers to a Child SA the responder does not have.
 *
 * <p>Sent in response to a CREATE_CHILD_SA rekey request (RFC 7296 §2.25).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class ChildSaNotFoundException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public ChildSaNotFoundException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public ChildSaNotFoundException(String message, Bytes data) {
        this(message, data, false, null);
    }

    ChildSaNotFoundException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.CHILD_SA_NOT_FOUND, data, integrityProtected, message, cause);
    }

    @Override
    ChildSaNotFoundException copy(boolean integrityProtected) {
        return new ChildSaNotFoundException(getMessage(), errorData(), integrityProtected, this);
    }
}
