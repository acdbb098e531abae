package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 EAP payload: one EAP message (RFC 3748), carried opaquely.
 *
 * <p>The codec does not interpret the EAP Code, Identifier, Length and Type fields; an EAP method
 * implementation reads {@link #eapMessage()}.
 *
 * @param eapMessage the complete EAP message
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.16">RFC 7296 §3.16</a>
 */
public record IkeEapPayload(Bytes eapMessage) implements IkePayload {

    /** Validates the length. */
    public IkeEapPayload {
        IkeWire.checkLength(Objects.requireNonNull(eapMessage, "eapMessage"), "EAP message", IkeWire.MAX_BODY_LENGTH);
    }

    static IkeEapPayload decode(ByteBuf body) {
        return new IkeEapPayload(IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.EAP;
    }

    @Override
    public int bodyLength() {
        return eapMessage.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeWire.writeBytes(out, eapMessage);
    }
}
