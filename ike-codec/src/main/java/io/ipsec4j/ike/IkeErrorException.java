package io.ipsec4j.ike;

import io.ipsec4j.model.Bytes;
import java.util.Objects;

/**
 * An IKE protocol error that carries the error Notify type the peer should (or did) see.
 *
 * <p>An error found while decoding the content of an integrity-protected (SK) payload may be
 * answered with an error Notify; one found in an unprotected message must not be, because anybody
 * can forge it (RFC 7296 §2.21.1, §2.21.2). {@link #isIntegrityProtected()} tells the two apart.
 * Failures that must never be answered at all are {@link IkeDiscardException}s instead, and have no
 * error type. IKEv2 defines one final subclass per error type in {@code io.ipsec4j.ike.v2}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.21">RFC 7296 §2.21</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public abstract class IkeErrorException extends IkeProtocolException {
    private static final long serialVersionUID = 1L;

    private final int errorType;
    private final transient Bytes errorData;
    private final boolean integrityProtected;

    /**
     * Creates an error of Notify type {@code errorType} with {@code errorData} as Notification Data.
     *
     * @param integrityProtected whether the error was found inside an integrity-protected message
     */
    protected IkeErrorException(int errorType, Bytes errorData, boolean integrityProtected, String message,
            Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
        this.errorData = Objects.requireNonNull(errorData, "errorData");
        this.integrityProtected = integrityProtected;
    }

    /** Returns the error Notify Message Type (1–16383). */
    public final int errorType() {
        return errorType;
    }

    /** Returns the Notification Data that goes with the error (often empty). */
    public final Bytes errorData() {
        return errorData;
    }

    /**
     * Returns {@code true} if the error was found inside an integrity-protected message, so that it
     * may be answered with an error Notify; {@code false} for an unprotected message.
     */
    public final boolean isIntegrityProtected() {
        return integrityProtected;
    }
}
