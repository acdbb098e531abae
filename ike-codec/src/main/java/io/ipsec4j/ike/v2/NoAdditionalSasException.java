package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error NO_ADDITIONAL_SAS (35): the responder will not create more Child SAs on this IKE SA.
 *
 * <p>Sent in response to a CREATE_CHILD_SA request (RFC 7296 §1.3).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class NoAdditionalSasException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public NoAdditionalSasException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public NoAdditionalSasException(String message, Bytes data) {
        this(message, data, false, null);
    }

    NoAdditionalSasException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.NO_ADDITIONAL_SAS, data, integrityProtected, message, cause);
    }

    @Override
    NoAdditionalSasException copy(boolean integrityProtected) {
        return new NoAdditionalSasException(getMessage(), errorData(), integrityProtected, this);
    }
}
