package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A payload of a type this codec does not decode, kept with its body so that it re-encodes unchanged.
 *
 * <p>ISAKMP has no critical bit: "If the Next Payload field is unknown ... INVALID-PAYLOAD-TYPE"
 * is a receiver's policy (RFC 2408 §5.2); a codec keeps the payload and lets the caller decide.
 *
 * @param type the payload type (not one this codec decodes)
 * @param body the body, without the generic header
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.2">RFC 2408 §3.2</a>
 */
public record IkeV1UnknownPayload(IkeV1PayloadType type, Bytes body) implements IkeV1Payload {

    /** Validates that the type is not one this codec decodes, and the length. */
    public IkeV1UnknownPayload {
        Objects.requireNonNull(type, "type");
        if (IkeV1PayloadCodec.isDecoded(type) || type.code() == 0) {
            throw new IllegalArgumentException("unknown payload type: " + type
                    + " (expected: a type this codec does not decode)");
        }
        IkeV1Wire.checkLength(body, "payload body", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public int bodyLength() {
        return body.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, body);
    }
}
