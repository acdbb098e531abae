package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An IKE fragment payload (type 132), the IKEv1 fragmentation of Cisco and strongSwan.
 *
 * <p>A message too large for the path (typically with certificates) is cut into pieces; each is
 * sent in its own ISAKMP message whose only payload is this one. The body is a 2-byte Fragment ID
 * shared by the pieces of one message, a 1-byte Fragment Number counted from 1, a flags byte
 * (bit 0: last fragment) and the data. The data of all pieces, in order, is the complete original
 * message, header included. {@link IkeV1Reassembler} puts them back together, with bounds.
 *
 * @param fragmentId the Fragment ID
 * @param number the Fragment Number (1-255)
 * @param flags the flags byte (0x01 = last)
 * @param data the piece of the original message
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.5">RFC 7383 §2.5 (the IKEv2 successor, for the reassembly rules)</a>
 */
public record IkeV1FragmentPayload(int fragmentId, int number, int flags, Bytes data) implements IkeV1Payload {
    /** The last-fragment flag. */
    public static final int FLAG_LAST = 0x01;

    /** Validates the ranges. */
    public IkeV1FragmentPayload {
        IkeV1Wire.checkRange(fragmentId, "fragment id", 0, 0xFFFF);
        IkeV1Wire.checkRange(number, "fragment number", 0, 255);
        IkeV1Wire.checkRange(flags, "fragment flags", 0, 255);
        IkeV1Wire.checkLength(data, "fragment data", IkeV1Wire.MAX_BODY_LENGTH - 4);
    }

    /** Returns {@code true} if this is the last fragment. */
    public boolean last() {
        return (flags & FLAG_LAST) != 0;
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.FRAGMENT;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(fragmentId);
        out.writeByte(number);
        out.writeByte(flags);
        IkeV1Wire.writeBytes(out, data);
    }

    static IkeV1FragmentPayload decode(ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 4, "fragment header");
        int id = body.readUnsignedShort();
        int number = body.readUnsignedByte();
        int flags = body.readUnsignedByte();
        return new IkeV1FragmentPayload(id, number, flags, IkeV1Wire.readRemaining(body));
    }
}
