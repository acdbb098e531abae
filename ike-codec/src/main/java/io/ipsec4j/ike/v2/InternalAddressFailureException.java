package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error INTERNAL_ADDRESS_FAILURE (36): no internal address could be assigned.
 *
 * <p>Sent in response to a CP payload CFG_REQUEST (RFC 7296 §3.15.4).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InternalAddressFailureException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public InternalAddressFailureException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public InternalAddressFailureException(String message, Bytes data) {
        this(message, data, false, null);
    }

    InternalAddressFailureException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INTERNAL_ADDRESS_FAILURE, data, integrityProtected, message, cause);
    }

    @Override
    InternalAddressFailureException copy(boolean integrityProtected) {
        return new InternalAddressFailureException(getMessage(), errorData(), integrityProtected, this);
    }
}
