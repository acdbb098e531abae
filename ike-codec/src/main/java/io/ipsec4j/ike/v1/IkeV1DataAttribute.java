package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * An ISAKMP data attribute, in either of its two forms.
 *
 * <p>The high bit of the first two bytes is the Attribute Format: set, the attribute is basic (TV)
 * and its two-byte value follows the type; clear, a two-byte length and a variable value follow
 * (TLV). Which form a sender chose is kept, so that a message re-encodes byte for byte; a life
 * duration, for instance, may come as TV or as a TLV of 4 bytes (RFC 2407 §4.5). The meaning of the
 * type depends on where the attribute sits: {@link IkeV1Phase1Attributes} in a phase 1 transform,
 * {@link IkeV1IpsecAttributes} in a phase 2 one, a mode config type in an ATTRIBUTE payload.
 *
 * @param type the attribute type, 0-32767
 * @param basic {@code true} for the TV form (value of exactly two bytes)
 * @param value the value
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.3">RFC 2408 §3.3</a>
 */
public record IkeV1DataAttribute(int type, boolean basic, Bytes value) {
    /** The Attribute Format bit: basic (TV) form (RFC 2408 §3.3). */
    static final int AF_BIT = 0x8000;

    /** Validates the type and the value length of the form. */
    public IkeV1DataAttribute {
        IkeV1Wire.checkRange(type, "attribute type", 0, 0x7FFF);
        Objects.requireNonNull(value, "value");
        if (basic && value.length() != 2) {
            throw new IllegalArgumentException("basic attribute value length: " + value.length() + " (expected: 2)");
        }
        IkeV1Wire.checkLength(value, "attribute value", 0xFFFF);
    }

    /** Returns a basic (TV) attribute. */
    public static IkeV1DataAttribute basic(int type, int value) {
        IkeV1Wire.checkRange(value, "basic attribute value", 0, 0xFFFF);
        return new IkeV1DataAttribute(type, true, Bytes.of((byte) (value >>> 8), (byte) value));
    }

    /** Returns a variable (TLV) attribute. */
    public static IkeV1DataAttribute variable(int type, Bytes value) {
        return new IkeV1DataAttribute(type, false, value);
    }

    /**
     * Returns an attribute holding {@code value}: basic if it fits 16 bits, else a 4-byte or 8-byte
     * TLV (the form strongSwan uses for long life durations).
     */
    public static IkeV1DataAttribute number(int type, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("attribute value: " + value + " (expected: >= 0)");
        }
        if (value <= 0xFFFF) {
            return basic(type, (int) value);
        }
        int n = value <= 0xFFFF_FFFFL ? 4 : 8;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[n - 1 - i] = (byte) (value >>> (8 * i));
        }
        return variable(type, Bytes.of(b));
    }

    /**
     * Returns the value as an unsigned number.
     *
     * @throws IllegalStateException if the value is longer than 8 bytes or exceeds {@link Long#MAX_VALUE}
     */
    public long longValue() {
        int start = 0;
        while (start < value.length() && value.get(start) == 0) {
            start++;
        }
        int n = value.length() - start;
        if (n > 8 || n == 8 && value.get(start) < 0) {
            throw new IllegalStateException("attribute " + type + " value of " + value.length()
                    + " bytes does not fit a long");
        }
        long v = 0;
        for (int i = start; i < value.length(); i++) {
            v = v << 8 | (value.get(i) & 0xFF);
        }
        return v;
    }

    /** Returns the encoded length: 4 for TV, 4 + value for TLV. */
    int encodedLength() {
        return basic ? 4 : 4 + value.length();
    }

    void encode(ByteBuf out) {
        if (basic) {
            out.writeShort(AF_BIT | type);
        } else {
            out.writeShort(type);
            out.writeShort(value.length());
        }
        IkeV1Wire.writeBytes(out, value);
    }

    /** Reads one attribute. */
    static IkeV1DataAttribute decode(ByteBuf in) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(in, 4, "data attribute");
        int t = in.readUnsignedShort();
        if ((t & AF_BIT) != 0) {
            return new IkeV1DataAttribute(t & 0x7FFF, true, IkeV1Wire.readBytes(in, 2, "attribute value"));
        }
        int length = in.readUnsignedShort();
        return new IkeV1DataAttribute(t, false, IkeV1Wire.readBytes(in, length, "attribute " + t + " value"));
    }
}
