package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * IKEv2 error INVALID_KE_PAYLOAD (17): the KE payload uses a group other than the one the responder
 * selected.
 *
 * <p>"The responder indicates its preferred Diffie-Hellman group in the INVALID_KE_PAYLOAD Notify
 * payload" as a two-octet group number; the initiator retries with that group (RFC 7296 §1.2,
 * §1.3). {@link #acceptedKeyExchange()} reads it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public final class InvalidKePayloadException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /** Creates the error naming {@code accepted} as the group to use, for an unprotected message. */
    public InvalidKePayloadException(KeyExchangeMethod accepted) {
        this("KE payload group not accepted (expected: " + Objects.requireNonNull(accepted, "accepted") + ")",
                groupData(accepted), false, null);
    }

    InvalidKePayloadException(String message, Bytes data, boolean integrityProtected, Throwable cause) {
        super(IkeNotifyType.INVALID_KE_PAYLOAD, data, integrityProtected, message, cause);
    }

    static Bytes groupData(KeyExchangeMethod method) {
        return Bytes.of((byte) (method.id() >>> 8), (byte) method.id());
    }

    /** Returns the group the responder wants, if the Notification Data holds the two-byte number. */
    public Optional<KeyExchangeMethod> acceptedKeyExchange() {
        if (errorData().length() != 2) {
            return Optional.empty();
        }
        return Optional.of(KeyExchangeMethod.valueOf(
                (errorData().get(0) & 0xFF) << 8 | (errorData().get(1) & 0xFF)));
    }

    @Override
    InvalidKePayloadException copy(boolean integrityProtected) {
        return new InvalidKePayloadException(getMessage(), errorData(), integrityProtected, this);
    }
}
