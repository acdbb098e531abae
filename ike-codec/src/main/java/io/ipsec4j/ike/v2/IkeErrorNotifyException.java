package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeErrorException;
import io.ipsec4j.model.Bytes;
import java.util.Objects;

/**
 * An IKEv2 protocol error that is reported with an error Notify payload.
 *
 * <p>There is one final subclass per error type of RFC 7296 §3.10.1 ({@link InvalidSyntaxException},
 * {@link NoProposalChosenException}, …) and {@link UnrecognizedErrorNotifyException} for the others.
 * {@link #toNotifyPayload()} builds the Notify to send; {@link #fromNotify(IkeNotifyPayload)} turns a
 * received error Notify back into the exception. Only errors found in an integrity-protected message
 * may be answered (RFC 7296 §2.21); {@link #withIntegrityProtected()} marks one as such.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.21">RFC 7296 §2.21</a>
 */
public abstract class IkeErrorNotifyException extends IkeErrorException {
    private static final long serialVersionUID = 1L;

    IkeErrorNotifyException(IkeNotifyType type, Bytes data, boolean integrityProtected, String message,
            Throwable cause) {
        super(type.code(), data, integrityProtected, message, cause);
    }

    /** Returns the error type as a registry value. */
    public final IkeNotifyType notifyType() {
        return IkeNotifyType.valueOf(errorType());
    }

    /** Returns the error Notify payload that reports this error (protocol 0, no SPI). */
    public final IkeNotifyPayload toNotifyPayload() {
        return IkeNotifyPayload.of(IkeProtocolId.NONE, Bytes.EMPTY, notifyType(), errorData());
    }

    /**
     * Returns this error marked as found inside an integrity-protected message (this instance if it
     * already is), with this instance as its cause.
     */
    public final IkeErrorNotifyException withIntegrityProtected() {
        return isIntegrityProtected() ? this : copy(true);
    }

    /** Returns a copy with the given protection flag. */
    abstract IkeErrorNotifyException copy(boolean integrityProtected);

    /**
     * Returns the exception a received error Notify stands for: the subclass of its type, or
     * {@link UnrecognizedErrorNotifyException}. The result is marked unprotected; the caller that
     * found it inside an SK payload may mark it with {@link #withIntegrityProtected()}.
     *
     * @throws IllegalArgumentException if {@code notify} is a status Notify
     */
    public static IkeErrorNotifyException fromNotify(IkeNotifyPayload notify) {
        Objects.requireNonNull(notify, "notify");
        if (!notify.notifyType().isError()) {
            throw new IllegalArgumentException(
                    "notify type: " + notify.notifyType() + " (expected: an error type, < 16384)");
        }
        return create(notify.notifyType().code(), notify.data(),
                "peer reported " + notify.notifyType(), false);
    }

    static IkeErrorNotifyException create(int type, Bytes data, String message,
            boolean integrityProtected) {
        switch (type) {
            case 1:
                return new UnsupportedCriticalPayloadException(message, data, integrityProtected, null);
            case 17:
                return new InvalidKePayloadException(message, data, integrityProtected, null);
            case 4:
                return new InvalidIkeSpiException(message, data, integrityProtected, null);
            case 5:
                return new InvalidMajorVersionException(message, data, integrityProtected, null);
            case 7:
                return new InvalidSyntaxException(message, data, integrityProtected, null);
            case 9:
                return new InvalidMessageIdException(message, data, integrityProtected, null);
            case 11:
                return new InvalidSpiException(message, data, integrityProtected, null);
            case 14:
                return new NoProposalChosenException(message, data, integrityProtected, null);
            case 24:
                return new AuthenticationFailedException(message, data, integrityProtected, null);
            case 34:
                return new SinglePairRequiredException(message, data, integrityProtected, null);
            case 35:
                return new NoAdditionalSasException(message, data, integrityProtected, null);
            case 36:
                return new InternalAddressFailureException(message, data, integrityProtected, null);
            case 37:
                return new FailedCpRequiredException(message, data, integrityProtected, null);
            case 38:
                return new TsUnacceptableException(message, data, integrityProtected, null);
            case 39:
                return new InvalidSelectorsException(message, data, integrityProtected, null);
            case 43:
                return new TemporaryFailureException(message, data, integrityProtected, null);
            case 44:
                return new ChildSaNotFoundException(message, data, integrityProtected, null);
            default:
                return new UnrecognizedErrorNotifyException(
                        IkeNotifyType.valueOf(type), message, data, integrityProtected, null);
        }
    }
}
