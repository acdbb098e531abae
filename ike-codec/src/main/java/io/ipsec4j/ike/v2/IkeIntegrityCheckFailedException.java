package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDiscardException;

/**
 * An SK or SKF payload could not be authenticated and decrypted: the ICV did not verify, or the
 * body was too short, misaligned or badly padded. The message says no more than that.
 *
 * <p>The receiver of a message that fails its integrity check discards it without an answer (RFC
 * 7296 §2.21, §3.14): nothing in it can be trusted, so this is an {@link IkeDiscardException} with
 * no error type that a handler could send. A failure of the ICV and a
 * failure of the padding raise the same exception with the same message, so that neither can serve
 * as an oracle.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.14">RFC 7296 §3.14</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5282#section-5">RFC 5282 §5</a>
 */
public final class IkeIntegrityCheckFailedException extends IkeDiscardException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its fixed, content-free message. */
    public IkeIntegrityCheckFailedException() {
        super("encrypted payload failed its integrity check", null);
    }
}
