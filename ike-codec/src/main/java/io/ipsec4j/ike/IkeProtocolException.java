package io.ipsec4j.ike;

import java.util.Objects;

/**
 * The root of every failure to accept a received IKE datagram: a checked exception that decoders
 * throw whatever the bytes, because a malformed datagram is data, not a crash.
 *
 * <p>The root deliberately carries no error type, so that a generic handler cannot answer what it
 * catches. There are two kinds, kept apart as AOSP's IKE library keeps them (RFC 7296 §2.21):
 * <ul>
 *   <li>{@link IkeErrorException}: an error with an error Notify type, which may be answered with
 *       that Notify when it was found inside an integrity-protected message;</li>
 *   <li>{@link IkeDiscardException}: the datagram must be discarded without any answer (it failed
 *       its integrity check, or a fragment cannot be reassembled); it has no error type.</li>
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.21">RFC 7296 §2.21</a>
 */
public abstract class IkeProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says what came and what was expected. */
    protected IkeProtocolException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
