package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Signature payload: SIG_I or SIG_R of phase 1 with signature authentication.
 *
 * <p>The value is the signature over HASH_I or HASH_R with the algorithm the authentication method names.
 *
 * @param signature the payload body
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.12">RFC 2408 §3.12</a>
 */
public record IkeV1SignaturePayload(Bytes signature) implements IkeV1Payload {

    /** Validates the length. */
    public IkeV1SignaturePayload {
        IkeV1Wire.checkLength(signature, "signature", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.SIGNATURE;
    }

    @Override
    public int bodyLength() {
        return signature.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, signature);
    }

    static IkeV1SignaturePayload decode(ByteBuf body) {
        return new IkeV1SignaturePayload(IkeV1Wire.readRemaining(body));
    }
}
