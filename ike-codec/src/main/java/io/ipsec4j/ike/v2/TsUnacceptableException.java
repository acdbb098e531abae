package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error TS_UNACCEPTABLE (38): the traffic selectors are not acceptable to the responder's policy.
 *
 * <p>Sent in an IKE_AUTH or CREATE_CHILD_SA response (RFC 7296 §2.9).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class TsUnacceptableException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public TsUnacceptableException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public TsUnacceptableException(String message, Bytes data) {
        this(message, data, false, null);
    }

    TsUnacceptableException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.TS_UNACCEPTABLE, data, integrityProtected, message, cause);
    }

    @Override
    TsUnacceptableException copy(boolean integrityProtected) {
        return new TsUnacceptableException(getMessage(), errorData(), integrityProtected, this);
    }
}
