package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Authentication payload: the method and the signature or MIC over the sender's first
 * message, the peer's nonce and the sender's ID.
 *
 * <p>For {@link IkeAuthMethod#DIGITAL_SIGNATURE} (RFC 7427) the Authentication Data starts with a
 * one-byte length and a DER-encoded ASN.1 AlgorithmIdentifier naming the signature algorithm, then
 * the signature; {@link #algorithmIdentifier()} and {@link #signature()} split it, and the decoder
 * rejects a length that runs past the data. Other methods (RSA 1, shared key 2, DSS 3, ECDSA 9–11,
 * NULL 13) carry the value directly. Computing or verifying the value is not the codec's job.
 *
 * @param method the Auth Method
 * @param data the Authentication Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.8">RFC 7296 §3.8</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7427#section-3">RFC 7427 §3</a>
 */
public record IkeAuthPayload(IkeAuthMethod method, Bytes data) implements IkePayload {

    /** Validates the RFC 7427 AlgorithmIdentifier length and the total length. */
    public IkeAuthPayload {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(data, "data");
        if (method.hasAlgorithmIdentifier()) {
            if (data.isEmpty()) {
                throw new IllegalArgumentException(
                        "authentication data length: 0 (expected: >= 1 for " + method + ")");
            }
            int idLength = data.get(0) & 0xFF;
            if (idLength > data.length() - 1) {
                throw new IllegalArgumentException("AlgorithmIdentifier length: " + idLength
                        + " (expected: <= " + (data.length() - 1) + ")");
            }
        }
        IkeWire.checkLength(data, "authentication data", IkeWire.MAX_BODY_LENGTH - 4);
    }

    /**
     * Returns a {@link IkeAuthMethod#DIGITAL_SIGNATURE} payload (RFC 7427 §3).
     *
     * @throws IllegalArgumentException if the AlgorithmIdentifier is longer than 255 bytes
     */
    public static IkeAuthPayload digitalSignature(Bytes algorithmIdentifier, Bytes signature) {
        IkeWire.checkLength(algorithmIdentifier, "AlgorithmIdentifier", 255);
        byte[] b = new byte[1 + algorithmIdentifier.length() + signature.length()];
        b[0] = (byte) algorithmIdentifier.length();
        algorithmIdentifier.copyTo(b, 1);
        signature.copyTo(b, 1 + algorithmIdentifier.length());
        return new IkeAuthPayload(IkeAuthMethod.DIGITAL_SIGNATURE, Bytes.of(b));
    }

    static IkeAuthPayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "AUTH payload");
        IkeAuthMethod method = IkeAuthMethod.valueOf(body.readUnsignedByte());
        body.skipBytes(3); // RESERVED
        return new IkeAuthPayload(method, IkeWire.readRemaining(body));
    }

    /** Returns the DER AlgorithmIdentifier of a DIGITAL_SIGNATURE payload, empty for other methods. */
    public Bytes algorithmIdentifier() {
        if (!method.hasAlgorithmIdentifier()) {
            return Bytes.EMPTY;
        }
        return data.slice(1, 1 + (data.get(0) & 0xFF));
    }

    /** Returns the signature (DIGITAL_SIGNATURE: after the AlgorithmIdentifier) or the whole data. */
    public Bytes signature() {
        if (!method.hasAlgorithmIdentifier()) {
            return data;
        }
        return data.slice(1 + (data.get(0) & 0xFF), data.length());
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.AUTH;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(method.code());
        out.writeMedium(0);
        IkeWire.writeBytes(out, data);
    }
}
