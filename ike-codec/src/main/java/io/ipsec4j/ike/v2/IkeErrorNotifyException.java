package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeErrorException;
import io.ipsec4j.model.Bytes;
import java.util.Map;
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
        IkeNotifyType notifyType = IkeNotifyType.valueOf(type);
        Factory factory = BY_TYPE.get(notifyType);
        return factory != null ? factory.create(message, data, integrityProtected, null)
                : new UnrecognizedErrorNotifyException(notifyType, message, data, integrityProtected, null);
    }

    /** The constructor of one subclass. */
    @FunctionalInterface
    private interface Factory {
        IkeErrorNotifyException create(String message, Bytes data, boolean integrityProtected, Throwable cause);
    }

    /** The error types with their own subclass: the one place that maps a type to its exception. */
    private static final Map<IkeNotifyType, Factory> BY_TYPE = Map.ofEntries(
            Map.entry(IkeNotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, UnsupportedCriticalPayloadException::new),
            Map.entry(IkeNotifyType.INVALID_IKE_SPI, InvalidIkeSpiException::new),
            Map.entry(IkeNotifyType.INVALID_MAJOR_VERSION, InvalidMajorVersionException::new),
            Map.entry(IkeNotifyType.INVALID_SYNTAX, InvalidSyntaxException::new),
            Map.entry(IkeNotifyType.INVALID_MESSAGE_ID, InvalidMessageIdException::new),
            Map.entry(IkeNotifyType.INVALID_SPI, InvalidSpiException::new),
            Map.entry(IkeNotifyType.NO_PROPOSAL_CHOSEN, NoProposalChosenException::new),
            Map.entry(IkeNotifyType.INVALID_KE_PAYLOAD, InvalidKePayloadException::new),
            Map.entry(IkeNotifyType.AUTHENTICATION_FAILED, AuthenticationFailedException::new),
            Map.entry(IkeNotifyType.SINGLE_PAIR_REQUIRED, SinglePairRequiredException::new),
            Map.entry(IkeNotifyType.NO_ADDITIONAL_SAS, NoAdditionalSasException::new),
            Map.entry(IkeNotifyType.INTERNAL_ADDRESS_FAILURE, InternalAddressFailureException::new),
            Map.entry(IkeNotifyType.FAILED_CP_REQUIRED, FailedCpRequiredException::new),
            Map.entry(IkeNotifyType.TS_UNACCEPTABLE, TsUnacceptableException::new),
            Map.entry(IkeNotifyType.INVALID_SELECTORS, InvalidSelectorsException::new),
            Map.entry(IkeNotifyType.TEMPORARY_FAILURE, TemporaryFailureException::new),
            Map.entry(IkeNotifyType.CHILD_SA_NOT_FOUND, ChildSaNotFoundException::new));
}
