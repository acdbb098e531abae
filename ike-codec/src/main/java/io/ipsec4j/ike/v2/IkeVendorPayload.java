package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Vendor ID payload: an opaque constant announcing an implementation or an extension.
 *
 * <p>Typically a hash of a vendor string; receivers ignore Vendor IDs they do not recognise.
 *
 * @param vendorId the Vendor ID bytes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.12">RFC 7296 §3.12</a>
 */
public record IkeVendorPayload(Bytes vendorId) implements IkePayload {

    /** Validates the length. */
    public IkeVendorPayload {
        IkeWire.checkLength(Objects.requireNonNull(vendorId, "vendorId"), "vendor ID", IkeWire.MAX_BODY_LENGTH);
    }

    static IkeVendorPayload decode(ByteBuf body) {
        return new IkeVendorPayload(IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.VENDOR_ID;
    }

    @Override
    public int bodyLength() {
        return vendorId.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeWire.writeBytes(out, vendorId);
    }
}
