package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Vendor ID payload: an opaque value announcing an extension or implementation.
 *
 * <p>Most are MD5 hashes of a string; {@link IkeV1VendorIds} names the ones peers really send (NAT-T, DPD, XAUTH, Cisco Unity, fragmentation, strongSwan, Microsoft). Unknown ones are kept.
 *
 * @param vendorId the payload body
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.16">RFC 2408 §3.16</a>
 */
public record IkeV1VendorIdPayload(Bytes vendorId) implements IkeV1Payload {

    /** Validates the length. */
    public IkeV1VendorIdPayload {
        IkeV1Wire.checkLength(vendorId, "vendorId", IkeV1Wire.MAX_BODY_LENGTH);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.VENDOR_ID;
    }

    @Override
    public int bodyLength() {
        return vendorId.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeV1Wire.writeBytes(out, vendorId);
    }

    static IkeV1VendorIdPayload decode(ByteBuf body) {
        return new IkeV1VendorIdPayload(IkeV1Wire.readRemaining(body));
    }
}
