package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Nonce payload: Ni or Nr.
 *
 * <p>RFC 2409 §5 requires 8 to 256 bytes; the decoder keeps whatever length came, so that a message re-encodes unchanged. Nonces are inputs of SKEYID and KEYMAT.
 *
 * @param nonce the payload body
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.13">RFC 2408 §3.13</a>
 */
public record IkeV1NoncePayload(Bytes nonce) implements IkeV1Payload {

    /** Validates the length. */
    public IkeV1NoncePayload {
        IkeV1Wire.checkLength(nonce, "nonce", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.NONCE;
    }

    @Override
    public int bodyLength() {
        return nonce.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, nonce);
    }

    static IkeV1NoncePayload decode(ByteBuf body) {
        return new IkeV1NoncePayload(IkeV1Wire.readRemaining(body));
    }
}
