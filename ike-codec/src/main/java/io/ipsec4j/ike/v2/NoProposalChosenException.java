package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * IKEv2 error NO_PROPOSAL_CHOSEN (14): none of the proposed cryptographic suites is acceptable.
 *
 * <p>Sent in an IKE_SA_INIT, IKE_AUTH or CREATE_CHILD_SA response (RFC 7296 §2.7).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class NoProposalChosenException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with empty Notification Data, found in an unprotected message. */
    public NoProposalChosenException(String message) {
        this(message, Bytes.EMPTY, false, null);
    }

    /** Creates the error with {@code data} as Notification Data, found in an unprotected message. */
    public NoProposalChosenException(String message, Bytes data) {
        this(message, data, false, null);
    }

    NoProposalChosenException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.NO_PROPOSAL_CHOSEN, data, integrityProtected, message, cause);
    }

    @Override
    NoProposalChosenException copy(boolean integrityProtected) {
        return new NoProposalChosenException(getMessage(), errorData(), integrityProtected, this);
    }
}
