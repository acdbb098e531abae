package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Certificate payload: one certificate or revocation list in the given encoding.
 *
 * <p>For {@link IkeCertEncoding#X509_SIGNATURE} the data is a DER-encoded X.509 certificate; the
 * codec does not parse it.
 *
 * @param encoding the Certificate Encoding
 * @param data the Certificate Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.6">RFC 7296 §3.6</a>
 */
public record IkeCertPayload(IkeCertEncoding encoding, Bytes data) implements IkePayload {

    /** Validates the length. */
    public IkeCertPayload {
        Objects.requireNonNull(encoding, "encoding");
        IkeWire.checkLength(Objects.requireNonNull(data, "data"), "certificate data", IkeWire.MAX_BODY_LENGTH - 1);
    }

    static IkeCertPayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 1, "CERT payload");
        return new IkeCertPayload(IkeCertEncoding.valueOf(body.readUnsignedByte()), IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.CERT;
    }

    @Override
    public int bodyLength() {
        return 1 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(encoding.code());
        IkeWire.writeBytes(out, data);
    }
}
