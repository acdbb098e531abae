package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * The IKEv2 Nonce payload (Ni, Nr): random data that makes the key schedule fresh.
 *
 * <p>"The size of the Nonce Data MUST be between 16 and 256 octets, inclusive" (RFC 7296 §3.9);
 * both limits are enforced when decoding and when constructing.
 *
 * @param nonce the Nonce Data, 16–256 bytes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.9">RFC 7296 §3.9</a>
 */
public record IkeNoncePayload(Bytes nonce) implements IkePayload {
    /** Smallest nonce, in bytes (RFC 7296 §3.9). */
    public static final int MIN_NONCE_BYTES = 16;
    /** Largest nonce, in bytes (RFC 7296 §3.9). */
    public static final int MAX_NONCE_BYTES = 256;

    /** Validates the nonce length. */
    public IkeNoncePayload {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length() < MIN_NONCE_BYTES || nonce.length() > MAX_NONCE_BYTES) {
            throw new IllegalArgumentException("nonce length: " + nonce.length() + " (expected: "
                    + MIN_NONCE_BYTES + "-" + MAX_NONCE_BYTES + ")");
        }
    }

    static IkeNoncePayload decode(ByteBuf body) {
        return new IkeNoncePayload(IkeWire.readRemaining(body));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.NONCE;
    }

    @Override
    public int bodyLength() {
        return nonce.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        IkeWire.writeBytes(out, nonce);
    }
}
