package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDiscardException;
import java.util.Objects;

/**
 * An inbound datagram could not take part in RFC 7383 reassembly: it is not a lone SKF fragment,
 * it contradicts the fragments already kept, or it would exceed the reassembler's limits.
 *
 * <p>RFC 7383 §2.6: fragments that cannot be reassembled are discarded; nothing is sent back, so this
 * is an {@link IkeDiscardException} with no error type. A fragment that fails its
 * integrity check raises {@link IkeIntegrityCheckFailedException} instead; malformed bytes raise the
 * decoder's {@link IkeErrorNotifyException}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6">RFC 7383 §2.6</a>
 */
public final class IkeFragmentRejectedException extends IkeDiscardException {
    private static final long serialVersionUID = 1L;

    /** Why the fragment was rejected. */
    public enum Reason {
        /** The message is not a single SKF payload. */
        NOT_A_FRAGMENT,
        /** The fragment's header differs from the other fragments of the same Message ID. */
        INCONSISTENT,
        /** Total Fragments or the reassembled size is above the configured limit. */
        LIMIT_EXCEEDED
    }

    private final Reason reason;

    /** Creates the exception; {@code message} says what came and what was expected. */
    public IkeFragmentRejectedException(Reason reason, String message) {
        super(message, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the fragment was rejected. */
    public Reason reason() {
        return reason;
    }
}
