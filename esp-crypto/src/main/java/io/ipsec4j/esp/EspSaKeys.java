package io.ipsec4j.esp;

import io.ipsec4j.model.SecretBytes;
import java.util.Objects;

/**
 * The keys of one ESP SA: the encryption key material (key ‖ salt) and the integrity key (empty
 * for AEAD algorithms). Never printed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 */
public final class EspSaKeys {
    private final SecretBytes encryptionKey;
    private final SecretBytes integrityKey;

    private EspSaKeys(SecretBytes encryptionKey, SecretBytes integrityKey) {
        this.encryptionKey = encryptionKey;
        this.integrityKey = integrityKey;
    }

    /** Returns keys from {@code encryptionKey} (key ‖ salt) and {@code integrityKey} (empty for AEAD). */
    public static EspSaKeys of(SecretBytes encryptionKey, SecretBytes integrityKey) {
        return new EspSaKeys(Objects.requireNonNull(encryptionKey, "encryptionKey"),
                Objects.requireNonNull(integrityKey, "integrityKey"));
    }

    /** Returns the encryption key material: key ‖ salt. */
    public SecretBytes encryptionKey() {
        return encryptionKey;
    }

    /** Returns the integrity key (zero-length for AEAD algorithms). */
    public SecretBytes integrityKey() {
        return integrityKey;
    }

    /** Zeroes both keys. */
    public void destroy() {
        encryptionKey.destroy();
        integrityKey.destroy();
    }

    @Override
    public String toString() {
        return "EspSaKeys[encryption=" + encryptionKey.length() + " bytes, integrity=" + integrityKey.length() + " bytes]";
    }
}
