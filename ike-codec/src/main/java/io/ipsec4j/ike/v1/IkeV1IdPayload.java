package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * An ISAKMP Identification payload of the IPsec DOI: ID type, protocol, port and data.
 *
 * <p>In phase 1 it names the peer (IDii / IDir: an address, FQDN, user FQDN, DN or key ID; protocol
 * and port are 0 or UDP/500). In quick mode the optional client IDs (IDci / IDcr) name the traffic
 * of the SA: an address, a subnet (address and mask) or a range, with an IP protocol and port. The
 * body (without the generic header) is an input of HASH_I / HASH_R.
 *
 * @param idType the ID Type
 * @param protocolId the IP protocol, 0 for any
 * @param port the port, 0 for any
 * @param data the identification data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.2">RFC 2407 §4.6.2</a>
 */
public record IkeV1IdPayload(IkeV1IdType idType, int protocolId, int port, Bytes data) implements IkeV1Payload {

    /** Validates the ranges. */
    public IkeV1IdPayload {
        Objects.requireNonNull(idType, "idType");
        IkeV1Wire.checkRange(protocolId, "protocol id", 0, 255);
        IkeV1Wire.checkRange(port, "port", 0, 0xFFFF);
        IkeV1Wire.checkLength(data, "identification data", IkeV1Wire.MAX_BODY_LENGTH - 4);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.ID;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(idType.code());
        out.writeByte(protocolId);
        out.writeShort(port);
        IkeV1Wire.writeBytes(out, data);
    }

    static IkeV1IdPayload decode(ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 4, "ID type, protocol and port");
        IkeV1IdType type = IkeV1IdType.valueOf(body.readUnsignedByte());
        int protocol = body.readUnsignedByte();
        int port = body.readUnsignedShort();
        return new IkeV1IdPayload(type, protocol, port, IkeV1Wire.readRemaining(body));
    }
}
