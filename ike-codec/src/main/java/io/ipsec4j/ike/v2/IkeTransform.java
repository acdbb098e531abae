package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.algorithm.Algorithm;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.TransformType;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One transform of an SA proposal: a Transform Type, a Transform ID and attributes.
 *
 * <p>On the wire: Last Substruc (0 for the last transform of a proposal, 3 otherwise), a reserved
 * byte, the Transform Length, the Transform Type, a reserved byte, the two-byte Transform ID and the
 * attributes. Unknown types and ids are kept; an attribute type may appear only once (AOSP rejects
 * a repeated Key Length with INVALID_SYNTAX).
 *
 * @param transformType the Transform Type
 * @param id the Transform ID
 * @param attributes the attributes, each type at most once
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.2">RFC 7296 §3.3.2</a>
 */
public record IkeTransform(TransformType transformType, int id, List<IkeTransformAttribute> attributes) {
    /** The Last Substruc value of a transform that is followed by another (RFC 7296 §3.3.2). */
    static final int MORE = 3;

    /** Validates the id range and that attribute types are not repeated. */
    public IkeTransform {
        Objects.requireNonNull(transformType, "transformType");
        IkeWire.checkRange(id, "transform id", 0, 0xFFFF);
        attributes = List.copyOf(attributes);
        int repeated = repeatedAttributeType(attributes);
        if (repeated >= 0) {
            throw new IllegalArgumentException("repeated transform attribute: " + repeated + " in " + transformType
                    + " " + id);
        }
        IkeWire.checkRange(encodedLength(attributes), "transform length", 8, 0xFFFF);
    }

    /** Attribute lists up to this size are checked pairwise, larger ones with a set (no quadratic cost). */
    private static final int PAIRWISE_CHECK_MAX = 8;

    /** Returns an attribute type that occurs twice, or -1; transforms usually carry 0 or 1 attribute. */
    private static int repeatedAttributeType(List<IkeTransformAttribute> attributes) {
        int n = attributes.size();
        if (n <= PAIRWISE_CHECK_MAX) {
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (attributes.get(i).attributeType() == attributes.get(j).attributeType()) {
                        return attributes.get(i).attributeType();
                    }
                }
            }
            return -1;
        }
        Set<Integer> seen = new HashSet<>();
        for (IkeTransformAttribute a : attributes) {
            if (!seen.add(a.attributeType())) {
                return a.attributeType();
            }
        }
        return -1;
    }

    /** Returns the transform for {@code algorithm}, without attributes. */
    public static IkeTransform of(Algorithm algorithm) {
        return new IkeTransform(algorithm.transformType(), algorithm.id(), List.of());
    }

    /**
     * Returns the ENCR transform for {@code encryption}, with a Key Length attribute when the cipher
     * has a variable key length or is unknown to the registry (RFC 7296 §3.3.5).
     */
    public static IkeTransform of(Encryption encryption) {
        boolean withKeyLength = encryption.algorithm().hasVariableKeyLength() || !encryption.algorithm().isKnown();
        return new IkeTransform(TransformType.ENCR, encryption.algorithm().id(),
                withKeyLength ? List.of(IkeTransformAttribute.keyLength(encryption.keyBits())) : List.of());
    }

    static IkeTransform decode(ByteBuf in, boolean last, IkeDecoderLimits limits) throws InvalidSyntaxException {
        IkeWire.require(in, 8, "transform");
        int lastSubstruc = in.readUnsignedByte();
        if (lastSubstruc != (last ? 0 : MORE)) {
            throw IkeWire.syntax("transform last substruc: %d (expected: %d)", lastSubstruc, last ? 0 : MORE);
        }
        in.skipBytes(1); // RESERVED
        int length = in.readUnsignedShort();
        if (length < 8) {
            throw IkeWire.syntax("transform length: %d (expected: >= 8)", length);
        }
        IkeWire.require(in, length - 4, "transform");
        int limit = IkeWire.fence(in, length - 4); // no slice per transform
        try {
            return decodeBody(in, limits);
        } finally {
            in.writerIndex(limit);
        }
    }

    private static IkeTransform decodeBody(ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException {
        TransformType type = TransformType.valueOf(body.readUnsignedByte());
        body.skipBytes(1); // RESERVED
        int id = body.readUnsignedShort();
        if (!body.isReadable()) {
            return new IkeTransform(type, id, List.of());
        }
        List<IkeTransformAttribute> attributes = new ArrayList<>(2);
        while (body.isReadable()) {
            if (attributes.size() == limits.maxAttributes()) {
                throw IkeWire.syntax("transform attributes: more than %d", limits.maxAttributes());
            }
            attributes.add(IkeTransformAttribute.decode(body));
        }
        return new IkeTransform(type, id, IkeWire.immutable(attributes));
    }

    /** Returns the Key Length attribute's value in bits, if the transform has one in TV format. */
    public OptionalInt keyLength() {
        for (IkeTransformAttribute a : attributes) {
            if (a.attributeType() == IkeTransformAttribute.KEY_LENGTH && a.tv()) {
                return OptionalInt.of(a.tvValue());
            }
        }
        return OptionalInt.empty();
    }

    int encodedLength() {
        return encodedLength(attributes);
    }

    private static int encodedLength(List<IkeTransformAttribute> attributes) {
        int length = 8;
        for (int i = 0; i < attributes.size(); i++) { // indexed: no iterator per call
            length += attributes.get(i).encodedLength();
        }
        return length;
    }

    void encode(ByteBuf out, boolean last) {
        out.writeByte(last ? 0 : MORE);
        out.writeByte(0);
        out.writeShort(encodedLength());
        out.writeByte(transformType.code());
        out.writeByte(0);
        out.writeShort(id);
        for (IkeTransformAttribute a : attributes) {
            a.encode(out);
        }
    }
}
