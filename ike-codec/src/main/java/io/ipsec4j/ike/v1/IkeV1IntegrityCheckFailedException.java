package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDiscardException;

/**
 * An encrypted IKEv1 message did not decrypt to a well-formed payload chain, or its HASH did not
 * verify: tampered, truncated or keyed with the wrong keys.
 *
 * <p>IKEv1's CBC encryption has no integrity check of its own; a wrong key or a flipped bit shows
 * up as garbage payloads or a HASH mismatch. The message and type are the same whatever the cause,
 * so that a peer learns nothing from which check failed (a padding or parsing oracle). It is an
 * {@link IkeDiscardException}: it has no error type, so no handler can answer it with a Notify.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-5.1">RFC 2408 §5.1</a>
 */
public final class IkeV1IntegrityCheckFailedException extends IkeDiscardException {
    private static final long serialVersionUID = 1L;

    /** The one message, whatever the cause. */
    static final String MESSAGE = "IKEv1 message integrity check failed";

    /** Creates the failure. */
    public IkeV1IntegrityCheckFailedException() {
        super(MESSAGE, null);
    }
}
