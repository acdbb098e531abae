package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Hash payload: HASH_I / HASH_R of phase 1, HASH(1)-(3) of quick mode, HASH(1) of an informational exchange.
 *
 * <p>The value is a PRF output of the negotiated hash (20 bytes for SHA-1); {@link IkeV1Hashes} computes and checks them.
 *
 * @param hash the payload body
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.11">RFC 2408 §3.11</a>
 */
public record IkeV1HashPayload(Bytes hash) implements IkeV1Payload {

    /** Validates the length. */
    public IkeV1HashPayload {
        IkeV1Wire.checkLength(hash, "hash", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.HASH;
    }

    @Override
    public int bodyLength() {
        return hash.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, hash);
    }

    static IkeV1HashPayload decode(ByteBuf body) {
        return new IkeV1HashPayload(IkeV1Wire.readRemaining(body));
    }
}
