package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IKEv2 Certificate Request payload: which certificate encoding, and which authorities, the
 * sender trusts.
 *
 * <p>For {@link IkeCertEncoding#X509_SIGNATURE} the Certification Authority field is a concatenation
 * of SHA-1 hashes (20 bytes each) of the trusted CAs' SubjectPublicKeyInfo; {@link #caKeyHashes()}
 * splits it.
 *
 * @param encoding the Certificate Encoding
 * @param authorities the Certification Authority field
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.7">RFC 7296 §3.7</a>
 */
public record IkeCertReqPayload(IkeCertEncoding encoding, Bytes authorities) implements IkePayload {
    /** Length of one CA public key hash (SHA-1), RFC 7296 §3.7. */
    public static final int CA_KEY_HASH_BYTES = 20;

    /** Validates the length. */
    public IkeCertReqPayload {
        Objects.requireNonNull(encoding, "encoding");
        IkeWire.checkLength(Objects.requireNonNull(authorities, "authorities"), "certification authority",
                IkeWire.MAX_BODY_LENGTH - 1);
    }

    static IkeCertReqPayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 1, "CERTREQ payload");
        return new IkeCertReqPayload(IkeCertEncoding.valueOf(body.readUnsignedByte()), IkeWire.readRemaining(body));
    }

    /**
     * Returns the 20-byte CA key hashes; empty when the field is not a whole number of hashes.
     */
    public List<Bytes> caKeyHashes() {
        List<Bytes> hashes = new ArrayList<>();
        if (authorities.length() % CA_KEY_HASH_BYTES != 0) {
            return List.of();
        }
        for (int i = 0; i < authorities.length(); i += CA_KEY_HASH_BYTES) {
            hashes.add(authorities.slice(i, i + CA_KEY_HASH_BYTES));
        }
        return List.copyOf(hashes);
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.CERTREQ;
    }

    @Override
    public int bodyLength() {
        return 1 + authorities.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(encoding.code());
        IkeWire.writeBytes(out, authorities);
    }
}
