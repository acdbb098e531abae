package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A NAT Discovery payload: HASH(CKY-I | CKY-R | IP | Port) of one end of the path.
 *
 * <p>RFC 3947 numbers it 20; peers that speak only the drafts send 130. The type is kept so that a
 * message re-encodes unchanged.
 *
 * @param type {@link IkeV1PayloadType#NAT_D} or {@link IkeV1PayloadType#NAT_D_DRAFT}
 * @param hash the hash
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3.2">RFC 3947 §3.2</a>
 */
public record IkeV1NatDPayload(IkeV1PayloadType type, Bytes hash) implements IkeV1Payload {

    /** Validates the type and the length. */
    public IkeV1NatDPayload {
        Objects.requireNonNull(type, "type");
        if (!type.equals(IkeV1PayloadType.NAT_D) && !type.equals(IkeV1PayloadType.NAT_D_DRAFT)) {
            throw new IllegalArgumentException("NAT-D type: " + type + " (expected: 20 or 130)");
        }
        IkeV1Wire.checkLength(hash, "hash", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public int bodyLength() {
        return hash.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, hash);
    }
}
