package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * An ISAKMP Attribute payload of a transaction exchange: mode config and XAUTH.
 *
 * <p>The type says what the message is (1 REQUEST, 2 REPLY, 3 SET, 4 ACK), the identifier pairs a
 * reply with its request, and the attributes use the data attribute format of RFC 2408 §3.3
 * (INTERNAL_IP4_ADDRESS = 1, XAUTH_USER_NAME = 16521, ...). Attributes are kept as they came.
 *
 * @param cfgType the attribute message type
 * @param identifier the identifier
 * @param attributes the attributes, in wire order
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-dukes-ike-mode-cfg-02#section-3.2">draft-dukes-ike-mode-cfg §3.2</a>
 */
public record IkeV1AttributePayload(int cfgType, int identifier, List<IkeV1DataAttribute> attributes)
        implements IkeV1Payload {
    /** Type REQUEST. */
    public static final int REQUEST = 1;
    /** Type REPLY. */
    public static final int REPLY = 2;
    /** Type SET. */
    public static final int SET = 3;
    /** Type ACK. */
    public static final int ACK = 4;

    /** Validates the ranges. */
    public IkeV1AttributePayload {
        IkeV1Wire.checkRange(cfgType, "attribute message type", 0, 255);
        IkeV1Wire.checkRange(identifier, "identifier", 0, 0xFFFF);
        attributes = List.copyOf(attributes);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.ATTRIBUTE;
    }

    @Override
    public int bodyLength() {
        return 4 + IkeV1AttributeList.length(attributes);
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(cfgType);
        out.writeByte(0);
        out.writeShort(identifier);
        IkeV1AttributeList.encodeAll(attributes, out);
    }

    static IkeV1AttributePayload decode(ByteBuf body, IkeDecoderLimits limits) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 4, "attribute payload type and identifier");
        int type = body.readUnsignedByte();
        body.skipBytes(1);
        int identifier = body.readUnsignedShort();
        return new IkeV1AttributePayload(type, identifier, IkeV1AttributeList.decodeAll(body, limits, "attribute payload"));
    }
}
