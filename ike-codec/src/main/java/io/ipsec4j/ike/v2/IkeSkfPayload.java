package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Encrypted and Authenticated Fragment payload (SKF), as an opaque encrypted body.
 *
 * <p>A message too large for one datagram is split into fragments, each an SK-like payload preceded
 * by a two-byte Fragment Number (from 1) and a two-byte Total Fragments. Only the first fragment's
 * Next Payload names the first inner payload; the others carry 0 (RFC 7383 §2.5). Reassembly and
 * decryption happen outside this codec. Like SK, an SKF payload must be last.
 *
 * @param firstPayloadType the Next Payload field (the first inner payload type, or 0)
 * @param fragmentNumber the Fragment Number, 1 to {@code totalFragments}
 * @param totalFragments the Total Fragments, 1–65535
 * @param encrypted IV, ciphertext and ICV
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.5">RFC 7383 §2.5</a>
 */
public record IkeSkfPayload(IkePayloadType firstPayloadType, int fragmentNumber, int totalFragments,
        Bytes encrypted) implements IkePayload {

    /** Validates the fragment numbering and the length. */
    public IkeSkfPayload {
        Objects.requireNonNull(firstPayloadType, "firstPayloadType");
        IkeWire.checkRange(totalFragments, "total fragments", 1, 0xFFFF);
        IkeWire.checkRange(fragmentNumber, "fragment number", 1, totalFragments);
        IkeWire.checkLength(Objects.requireNonNull(encrypted, "encrypted"), "encrypted body",
                IkeWire.MAX_BODY_LENGTH - 4);
    }

    static IkeSkfPayload decode(IkePayloadType first, ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "SKF payload");
        int number = body.readUnsignedShort();
        int total = body.readUnsignedShort();
        return new IkeSkfPayload(first, number, total, IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.ENCRYPTED_FRAGMENT;
    }

    @Override
    public int bodyLength() {
        return 4 + encrypted.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(fragmentNumber);
        out.writeShort(totalFragments);
        IkeWire.writeBytes(out, encrypted);
    }
}
