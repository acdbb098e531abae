package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A payload of a type this codec does not decode, kept with its body so that it re-encodes unchanged.
 *
 * <p>"If the critical flag is set and the payload type is unrecognized, the message MUST be rejected
 * [...]. If the critical flag is not set and the payload type is unsupported, that payload MUST be
 * ignored" (RFC 7296 §3.2). The decoder therefore only ever returns non-critical unknown payloads;
 * critical ones become an {@link UnsupportedCriticalPayloadException}.
 *
 * @param type the payload type (not one this codec decodes)
 * @param critical the critical bit
 * @param body the payload body, without the generic header
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.2">RFC 7296 §3.2</a>
 */
public record IkeUnknownPayload(IkePayloadType type, boolean critical, Bytes body) implements IkePayload {

    /** Validates that the type is not one this codec decodes, and the length. */
    public IkeUnknownPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (IkePayloadCodec.isDecoded(type) || type.code() == 0) {
            throw new IllegalArgumentException("unknown payload type: " + type
                    + " (expected: a type this codec does not decode)");
        }
        IkeWire.checkLength(body, "payload body", IkeWire.MAX_BODY_LENGTH);
    }

    @Override
    public boolean isCritical() {
        return critical;
    }

    @Override
    public int bodyLength() {
        return body.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeWire.writeBytes(out, body);
    }
}
