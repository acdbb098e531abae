package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Key Exchange payload: the key exchange method (group) and this side's public value.
 *
 * <p>The body is the two-byte Diffie-Hellman Group Num (a Transform ID of type KE), two reserved
 * bytes and the Key Exchange Data (for MODP groups the public value padded to the prime's length,
 * for ECP groups x ‖ y, for ML-KEM the encapsulation key or ciphertext). The length of the data is
 * not checked against the group here: a KE of an unexpected size is answered by the exchange logic.
 *
 * @param method the key exchange method
 * @param data the Key Exchange Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.4">RFC 7296 §3.4</a>
 */
public record IkeKePayload(KeyExchangeMethod method, Bytes data) implements IkePayload {

    /** Validates the length. */
    public IkeKePayload {
        Objects.requireNonNull(method, "method");
        IkeWire.checkLength(Objects.requireNonNull(data, "data"), "key exchange data", IkeWire.MAX_BODY_LENGTH - 4);
    }

    static IkeKePayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "KE payload");
        KeyExchangeMethod method = KeyExchangeMethod.valueOf(body.readUnsignedShort());
        body.skipBytes(2); // RESERVED: "MUST be sent as zero; MUST be ignored on receipt" (§3.4)
        return new IkeKePayload(method, IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.KE;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeShort(method.id());
        out.writeShort(0);
        IkeWire.writeBytes(out, data);
    }
}
