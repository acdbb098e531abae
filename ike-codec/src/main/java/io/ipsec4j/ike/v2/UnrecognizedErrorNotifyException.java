package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;

/**
 * An IKEv2 error Notify whose type has no dedicated exception class, such as
 * UNACCEPTABLE_ADDRESSES (40) or an error type registered after this library.
 *
 * <p>RFC 7296 requires that an unrecognised error type in a response be treated as a failure of the
 * request; this class keeps the number and data so that the failure can be reported.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class UnrecognizedErrorNotifyException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error of {@code type} with {@code data}, found in an unprotected message.
     *
     * @throws IllegalArgumentException if {@code type} is a status type
     */
    public UnrecognizedErrorNotifyException(IkeNotifyType type, String message, Bytes data) {
        this(checkError(type), message, data, false, null);
    }

    UnrecognizedErrorNotifyException(IkeNotifyType type, String message, Bytes data,
            boolean integrityProtected, Throwable cause) {
        super(type, data, integrityProtected, message, cause);
    }

    private static IkeNotifyType checkError(IkeNotifyType type) {
        if (!type.isError()) {
            throw new IllegalArgumentException(
                    "notify type: " + type + " (expected: an error type, < 16384)");
        }
        return type;
    }

    @Override
    UnrecognizedErrorNotifyException copy(boolean integrityProtected) {
        return new UnrecognizedErrorNotifyException(notifyType(), getMessage(), errorData(),
                integrityProtected, this);
    }
}
