package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error SINGLE_PAIR_REQUIRED (34): the responder accepts only one traffic selector pair.
 *
 * <p>Sent in response to a proposal with several selectors (RFC 7296 §2.9).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class SinglePairRequiredException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public SinglePairRequiredException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public SinglePairRequiredException(String message, Bytes data) {
        this(message, data, false, null);
    }

    SinglePairRequiredException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.SINGLE_PAIR_REQUIRED, data, integrityProtected, message, cause);
    }

    @Override
    SinglePairRequiredException copy(boolean integrityProtected) {
        return new SinglePairRequiredException(getMessage(), errorData(), integrityProtected, this);
    }
}
