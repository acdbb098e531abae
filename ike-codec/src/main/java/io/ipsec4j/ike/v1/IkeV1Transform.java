package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;

/**
 * An ISAKMP Transform payload: one complete suite of a proposal, as a transform ID and attributes.
 *
 * <p>Unlike IKEv2, an IKEv1 transform is a whole suite: in phase 1 the transform ID is KEY_IKE and
 * the attributes name encryption, hash, authentication method, group and lifetime; in phase 2 the
 * transform ID is the ESP algorithm and the attributes the rest. A transform is carried inside a
 * Proposal with its own generic header (Next Payload 3 or 0).
 *
 * @param number the Transform # (1-255)
 * @param transformId the Transform-Id
 * @param attributes the SA attributes, in wire order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.6">RFC 2408 §3.6</a>
 */
public record IkeV1Transform(int number, int transformId, List<IkeV1DataAttribute> attributes) {
    /** Transform #, Transform-Id, RESERVED2. */
    private static final int FIXED = 4;

    /** Validates the ranges. */
    public IkeV1Transform {
        IkeV1Wire.checkRange(number, "transform number", 0, 255);
        IkeV1Wire.checkRange(transformId, "transform id", 0, 255);
        attributes = List.copyOf(attributes);
    }

    /** Returns the first attribute of {@code type}. */
    public Optional<IkeV1DataAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** Returns the encoded length with the generic header. */
    int encodedLength() {
        return IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED + IkeV1AttributeList.length(attributes);
    }

    void encode(boolean last, ByteBuf out) {
        int length = encodedLength();
        if (length > IkeV1Wire.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("transform length: " + length + " (expected: <= 65535)");
        }
        out.writeByte(last ? 0 : IkeV1PayloadType.TRANSFORM.code());
        out.writeByte(0);
        out.writeShort(length);
        out.writeByte(number);
        out.writeByte(transformId);
        out.writeShort(0);
        IkeV1AttributeList.encodeAll(attributes, out);
    }

    static IkeV1Transform decode(ByteBuf in, boolean last, IkeDecoderLimits limits)
            throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(in, IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED, "transform");
        int next = in.readUnsignedByte();
        int expectedNext = last ? 0 : IkeV1PayloadType.TRANSFORM.code();
        if (next != expectedNext) {
            throw IkeV1Wire.malformed("transform next payload: %d (expected: %d)", next, expectedNext);
        }
        in.skipBytes(1);
        int length = in.readUnsignedShort();
        if (length < IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED || length - 4 > in.readableBytes()) {
            throw IkeV1Wire.malformed("transform length: %d (expected: 8-%d)", length, in.readableBytes() + 4);
        }
        ByteBuf body = in.readSlice(length - IkeV1Wire.GENERIC_HEADER_LENGTH);
        int number = body.readUnsignedByte();
        int id = body.readUnsignedByte();
        body.skipBytes(2);
        List<IkeV1DataAttribute> attributes = IkeV1AttributeList.decodeAll(body, limits, "transform");
        return new IkeV1Transform(number, id, attributes);
    }
}
