package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * A NAT Original Address payload of quick mode: the address a peer behind a NAT sees itself as.
 *
 * <p>The body is an ID type (IPv4 or IPv6 address), three reserved bytes and the address. RFC 3947
 * numbers it 21; the drafts 131. The type is kept.
 *
 * @param type {@link IkeV1PayloadType#NAT_OA} or {@link IkeV1PayloadType#NAT_OA_DRAFT}
 * @param idType the ID type of the address
 * @param address the address bytes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5.2">RFC 3947 §5.2</a>
 */
public record IkeV1NatOaPayload(IkeV1PayloadType type, IkeV1IdType idType, Bytes address) implements IkeV1Payload {

    /** Validates the type and the length. */
    public IkeV1NatOaPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idType, "idType");
        if (!type.equals(IkeV1PayloadType.NAT_OA) && !type.equals(IkeV1PayloadType.NAT_OA_DRAFT)) {
            throw new IllegalArgumentException("NAT-OA type: " + type + " (expected: 21 or 131)");
        }
        IkeV1Wire.checkLength(address, "address", IkeV1Wire.MAX_BODY_LENGTH - 4);
    }

    @Override
    public int bodyLength() {
        return 4 + address.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(idType.code());
        out.writeMedium(0);
        IkeV1Wire.writeBytes(out, address);
    }

    static IkeV1NatOaPayload decode(IkeV1PayloadType type, ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 4, "NAT-OA ID type");
        IkeV1IdType idType = IkeV1IdType.valueOf(body.readUnsignedByte());
        body.skipBytes(3);
        return new IkeV1NatOaPayload(type, idType, IkeV1Wire.readRemaining(body));
    }
}
