package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import java.util.Objects;

/**
 * One attribute of a CP payload: a type and a value.
 *
 * <p>On the wire: a reserved bit, the 15-bit Attribute Type, a two-byte Length and the Value. A
 * request usually sends the attribute with an empty value; a reply carries an address (4 bytes,
 * or 17 for an IPv6 address with its prefix length), a netmask, a subnet or a string.
 *
 * @param attributeType the Attribute Type
 * @param value the Value
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.15.1">RFC 7296 §3.15.1</a>
 */
public record IkeConfigAttribute(IkeConfigAttributeType attributeType, Bytes value) {

    /** Validates the length. */
    public IkeConfigAttribute {
        Objects.requireNonNull(attributeType, "attributeType");
        IkeWire.checkLength(Objects.requireNonNull(value, "value"), "attribute value", IkeWire.MAX_BODY_LENGTH - 8);
    }

    /** Returns the attribute with an empty value, as a CFG_REQUEST sends it. */
    public static IkeConfigAttribute request(IkeConfigAttributeType type) {
        return new IkeConfigAttribute(type, Bytes.EMPTY);
    }

    /** Returns an attribute whose value is the raw bytes of {@code address}. */
    public static IkeConfigAttribute ofAddress(IkeConfigAttributeType type, IpAddress address) {
        return new IkeConfigAttribute(type, Bytes.of(address.toByteArray()));
    }
}
