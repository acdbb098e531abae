package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Encrypted and Authenticated payload (SK), as an opaque encrypted body.
 *
 * <p>The generic header's Next Payload field names the first payload inside the encrypted body,
 * kept as {@link #firstPayloadType()}. The body is IV ‖ ciphertext (payloads, padding, pad length) ‖
 * integrity checksum; decrypting it needs the IKE SA's keys and is done outside this codec. An SK
 * payload must be the last payload of a message (RFC 7296 §3.14).
 *
 * @param firstPayloadType the type of the first inner payload (0 for an empty INFORMATIONAL)
 * @param encrypted IV, ciphertext and ICV
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.14">RFC 7296 §3.14</a>
 */
public record IkeSkPayload(IkePayloadType firstPayloadType, Bytes encrypted) implements IkePayload {

    /** Validates the length. */
    public IkeSkPayload {
        Objects.requireNonNull(firstPayloadType, "firstPayloadType");
        IkeWire.checkLength(Objects.requireNonNull(encrypted, "encrypted"), "encrypted body", IkeWire.MAX_BODY_LENGTH);
    }

    static IkeSkPayload decode(IkePayloadType first, ByteBuf body) {
        return new IkeSkPayload(first, IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.ENCRYPTED;
    }

    @Override
    public int bodyLength() {
        return encrypted.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeWire.writeBytes(out, encrypted);
    }
}
