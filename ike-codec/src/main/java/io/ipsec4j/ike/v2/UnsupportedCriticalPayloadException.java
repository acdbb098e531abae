package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * IKEv2 error UNSUPPORTED_CRITICAL_PAYLOAD (1): payloads marked critical have types the receiver
 * does not understand.
 *
 * <p>"If the critical flag is set and the payload type is unrecognized, the message MUST be rejected
 * and the response to the IKE request containing that payload MUST include a Notify payload
 * UNSUPPORTED_CRITICAL_PAYLOAD, indicating an unsupported critical payload was included. In that
 * Notify payload, the Notification Data contains the one-octet payload type" (RFC 7296 §3.2). The
 * decoder collects every such type of a message; the Notify carries the first.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.2">RFC 7296 §3.2</a>
 */
public final class UnsupportedCriticalPayloadException extends IkeErrorNotifyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for {@code payloadTypes} (at least one), found in an unprotected message.
     */
    public UnsupportedCriticalPayloadException(List<IkePayloadType> payloadTypes) {
        this("unsupported critical payloads: " + payloadTypes, firstType(payloadTypes), false, null);
    }

    UnsupportedCriticalPayloadException(String message, Bytes data, boolean integrityProtected,
            Throwable cause) {
        super(IkeNotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, data, integrityProtected, message, cause);
    }

    private static Bytes firstType(List<IkePayloadType> types) {
        Objects.requireNonNull(types, "payloadTypes");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("payloadTypes: empty (expected: at least one)");
        }
        return Bytes.of((byte) types.get(0).code());
    }

    /** Returns the unsupported payload types found (from a received Notify: each data byte). */
    public List<IkePayloadType> payloadTypes() {
        List<IkePayloadType> types = new ArrayList<>();
        for (int i = 0; i < errorData().length(); i++) {
            types.add(IkePayloadType.valueOf(errorData().get(i) & 0xFF));
        }
        return List.copyOf(types);
    }

    @Override
    UnsupportedCriticalPayloadException copy(boolean integrityProtected) {
        return new UnsupportedCriticalPayloadException(getMessage(), errorData(), integrityProtected, this);
    }
}
