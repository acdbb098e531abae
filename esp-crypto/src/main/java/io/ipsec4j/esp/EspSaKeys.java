package io.ipsec4j.esp;

import io.ipsec4j.model.SecretBytes;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The keys of one ESP SA: the encryption key material (key ‖ salt) and the integrity key (empty
 * for AEAD algorithms). Never printed.
 *
 * <p>One {@code EspSaKeys} keys at most one outbound {@link EspSa}: a second one would count its
 * sequence numbers from the same start and so repeat AES-GCM, CCM and ChaCha20 nonces ("for a
 * given key, the IV MUST NOT repeat", RFC 4106 §3.1), and the peer would drop its packets as
 * replays. Any number of inbound SAs may use the same keys. To re-create an outbound SA from
 * persisted state, build new keys and pass the next sequence number
 * ({@link EspSaBuilder#nextOutboundSequenceNumber}).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4106#section-3.1">RFC 4106 §3.1</a>
 */
public final class EspSaKeys {
    private final SecretBytes encryptionKey;
    private final SecretBytes integrityKey;
    /** Set once an outbound SA was built from these keys. */
    private final AtomicBoolean outboundKeyed = new AtomicBoolean();

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

    /** Claims these keys for an outbound SA; {@code false} if an outbound SA already has them. */
    boolean claimOutbound() {
        return outboundKeyed.compareAndSet(false, true);
    }

    /** Gives the claim back when the outbound SA could not be built. */
    void releaseOutbound() {
        outboundKeyed.set(false);
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
