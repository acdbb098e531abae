package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import java.util.Objects;

/**
 * What the responder of a key exchange sends back and keeps: its Key Exchange Data (its own public
 * value, or the ML-KEM ciphertext) and the shared secret g^ir.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
public final class KeyExchangeResponse {
    private final byte[] publicValue;
    private final SecretBytes sharedSecret;

    KeyExchangeResponse(byte[] publicValue, SecretBytes sharedSecret) {
        this.publicValue = Objects.requireNonNull(publicValue, "publicValue").clone();
        this.sharedSecret = Objects.requireNonNull(sharedSecret, "sharedSecret");
    }

    /** Returns a copy of the responder's Key Exchange Data. */
    public byte[] publicValue() {
        return publicValue.clone();
    }

    /** Returns the shared secret (the caller destroys it when the key schedule is done). */
    public SecretBytes sharedSecret() {
        return sharedSecret;
    }

    @Override
    public String toString() {
        return "KeyExchangeResponse[publicValue=" + publicValue.length + " bytes, sharedSecret=" + sharedSecret + "]";
    }
}
