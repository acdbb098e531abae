package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IKEv2 Configuration payload (CP): a request for, or an assignment of, internal addresses and
 * other remote-access settings.
 *
 * <p>The body is the CFG Type, three reserved bytes and the attributes, each a reserved bit, a
 * 15-bit type, a two-byte length and the value.
 *
 * @param cfgType the CFG Type
 * @param attributes the configuration attributes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.15">RFC 7296 §3.15</a>
 */
public record IkeConfigPayload(IkeConfigType cfgType, List<IkeConfigAttribute> attributes) implements IkePayload {

    /** Validates the length. */
    public IkeConfigPayload {
        Objects.requireNonNull(cfgType, "cfgType");
        attributes = List.copyOf(attributes);
        IkeWire.checkRange(bodyLength(attributes), "CP payload body length", 4, IkeWire.MAX_BODY_LENGTH);
    }

    private static int bodyLength(List<IkeConfigAttribute> attributes) {
        int length = 4;
        for (IkeConfigAttribute a : attributes) {
            length += 4 + a.value().length();
        }
        return length;
    }

    static IkeConfigPayload decode(ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "CP payload");
        IkeConfigType type = IkeConfigType.valueOf(body.readUnsignedByte());
        body.skipBytes(3); // RESERVED
        List<IkeConfigAttribute> attributes = new ArrayList<>();
        while (body.isReadable()) {
            if (attributes.size() == limits.maxAttributes()) {
                throw IkeWire.syntax("CP attributes: more than %d", limits.maxAttributes());
            }
            IkeWire.require(body, 4, "configuration attribute");
            // The first bit is reserved: "MUST be zero; MUST be ignored on receipt" (§3.15.1).
            IkeConfigAttributeType attributeType = IkeConfigAttributeType.valueOf(body.readUnsignedShort() & 0x7FFF);
            int length = body.readUnsignedShort();
            Bytes value = IkeWire.readBytes(body, length, "configuration attribute value");
            attributes.add(new IkeConfigAttribute(attributeType, value));
        }
        return new IkeConfigPayload(type, attributes);
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.CONFIGURATION;
    }

    @Override
    public int bodyLength() {
        return bodyLength(attributes);
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(cfgType.code());
        out.writeMedium(0);
        for (IkeConfigAttribute a : attributes) {
            out.writeShort(a.attributeType().code());
            out.writeShort(a.value().length());
            IkeWire.writeBytes(out, a.value());
        }
    }
}
