package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * One attribute of an SA transform, in TV (fixed two-byte value) or TLV format.
 *
 * <p>The first bit of the attribute (AF) selects the format: 1 for Type/Value, where the two bytes
 * after the 15-bit type are the value; 0 for Type/Length/Value. The only attribute RFC 7296 defines
 * is Key Length (14), in TV format, giving the key size in bits of a variable-length cipher. Other
 * types are kept so that a proposal re-encodes unchanged.
 *
 * @param attributeType the 15-bit Attribute Type
 * @param tv {@code true} for TV format (AF = 1), whose value is exactly two bytes
 * @param value the Attribute Value
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.5">RFC 7296 §3.3.5</a>
 */
public record IkeTransformAttribute(int attributeType, boolean tv, Bytes value) {
    /** The Key Length attribute type (RFC 7296 §3.3.5). */
    public static final int KEY_LENGTH = 14;

    /** Validates the type range and the TV value length. */
    public IkeTransformAttribute {
        IkeWire.checkRange(attributeType, "attribute type", 0, 0x7FFF);
        Objects.requireNonNull(value, "value");
        if (tv && value.length() != 2) {
            throw new IllegalArgumentException("TV attribute value length: " + value.length() + " (expected: 2)");
        }
        IkeWire.checkLength(value, "attribute value", 0xFFFF);
    }

    /** Returns the TV Key Length attribute for a {@code bits}-bit key. */
    public static IkeTransformAttribute keyLength(int bits) {
        IkeWire.checkRange(bits, "key length", 0, 0xFFFF);
        return new IkeTransformAttribute(KEY_LENGTH, true, Bytes.of((byte) (bits >>> 8), (byte) bits));
    }

    static IkeTransformAttribute decode(ByteBuf in) throws InvalidSyntaxException {
        IkeWire.require(in, 4, "transform attribute");
        int afType = in.readUnsignedShort();
        boolean tv = (afType & 0x8000) != 0;
        int type = afType & 0x7FFF;
        if (tv) {
            return new IkeTransformAttribute(type, true, IkeWire.readBytes(in, 2, "transform attribute"));
        }
        int length = in.readUnsignedShort();
        return new IkeTransformAttribute(type, false, IkeWire.readBytes(in, length, "transform attribute value"));
    }

    /** Returns the value of a TV attribute as an unsigned 16-bit number. */
    public int tvValue() {
        if (!tv) {
            throw new IllegalStateException("attribute " + attributeType + " is TLV (expected: TV)");
        }
        return (value.get(0) & 0xFF) << 8 | value.get(1) & 0xFF;
    }

    int encodedLength() {
        return tv ? 4 : 4 + value.length();
    }

    void encode(ByteBuf out) {
        if (tv) {
            out.writeShort(0x8000 | attributeType);
        } else {
            out.writeShort(attributeType);
            out.writeShort(value.length());
        }
        IkeWire.writeBytes(out, value);
    }
}
