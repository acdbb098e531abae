package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Key Exchange payload: the sender's Diffie-Hellman public value g^x.
 *
 * <p>The value is as long as the group's prime (MODP) or point encoding; the group itself is negotiated in the SA payload, not named here. Its bytes are inputs of the phase 1 IV and of HASH_I / HASH_R.
 *
 * @param keyExchangeData the payload body
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.7">RFC 2408 §3.7</a>
 */
public record IkeV1KePayload(Bytes keyExchangeData) implements IkeV1Payload {

    /** Validates the length. */
    public IkeV1KePayload {
        IkeV1Wire.checkLength(keyExchangeData, "keyExchangeData", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.KE;
    }

    @Override
    public int bodyLength() {
        return keyExchangeData.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, keyExchangeData);
    }

    static IkeV1KePayload decode(ByteBuf body) {
        return new IkeV1KePayload(IkeV1Wire.readRemaining(body));
    }
}
