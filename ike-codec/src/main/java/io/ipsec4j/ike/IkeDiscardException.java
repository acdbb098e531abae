package io.ipsec4j.ike;

/**
 * A received datagram that must be discarded without any answer: it has no error type, so no
 * handler can turn it into a Notify.
 *
 * <p>A message whose integrity check fails cannot be trusted in any part, and answering it would
 * let anybody make us send packets (RFC 7296 §2.21, §3.14); fragments that cannot be reassembled
 * are discarded (RFC 7383 §2.6); an IKEv1 datagram is no IKEv2 error at all. Errors that may be answered are {@link IkeErrorException}s.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.21">RFC 7296 §2.21</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6">RFC 7383 §2.6</a>
 */
public abstract class IkeDiscardException extends IkeProtocolException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} must not reveal why an integrity check failed. */
    protected IkeDiscardException(String message, Throwable cause) {
        super(message, cause);
    }
}
