package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error AUTHENTICATION_FAILED (24): the AUTH payload did not verify.
 *
 * <p>Sent in the IKE_AUTH response, or in a separate INFORMATIONAL exchange by the initiator (RFC
 * 7296 §2.21.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class AuthenticationFailedException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public AuthenticationFailedException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public AuthenticationFailedException(String message, Bytes data) {
        this(message, data, false, null);
    }

    AuthenticationFailedException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.AUTHENTICATION_FAILED, data, integrityProtected, message, cause);
    }

    @Override
    AuthenticationFailedException copy(boolean integrityProtected) {
        return new AuthenticationFailedException(getMessage(), errorData(), integrityProtected, this);
    }
}
