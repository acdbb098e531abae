package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;

/**
 * An ISAKMP Certificate Request payload: the certificate type wanted and an acceptable authority (a DN, or empty).
 *
 * @param encoding the Certificate Encoding (RFC 2408 §3.10)
 * @param data the Certificate Authority
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.10">RFC 2408 §3.10</a>
 */
public record IkeV1CertRequestPayload(int encoding, Bytes data) implements IkeV1Payload {

    /** Validates the ranges. */
    public IkeV1CertRequestPayload {
        IkeV1Wire.checkRange(encoding, "certificate encoding", 0, 255);
        IkeV1Wire.checkLength(data, "certificate data", IkeV1Wire.MAX_BODY_LENGTH - 1);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.CERT_REQUEST;
    }

    @Override
    public int bodyLength() {
        return 1 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(encoding);
        IkeV1Wire.writeBytes(out, data);
    }

    static IkeV1CertRequestPayload decode(ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 1, "certificate encoding");
        return new IkeV1CertRequestPayload(body.readUnsignedByte(), IkeV1Wire.readRemaining(body));
    }
}
