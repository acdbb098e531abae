package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Per-thread crypto state of an SA without ThreadLocals: a small lock-free array of
 * {@link Context}s (a {@link Protection} plus scratch space). A thread takes a context, uses it and
 * puts it back; in steady state nothing is allocated. Contexts are created on demand when all are
 * busy, and closed when the pool is full or closed.
 *
 * <p>Closing: {@link #close()} marks the pool closed, closes the idle contexts and then destroys the
 * keys; a context in use is closed when it is released. Creating a context and destroying the keys
 * exclude each other (a lock taken only on those two slow paths), and no context is created once
 * the pool is closed, so no context is ever keyed from destroyed (zeroed) keys.
 */
final class EspContextPool {
    /** A {@link Protection} with the small per-packet scratch arrays it needs. */
    static final class Context {
        final Protection protection;
        /** SPI ‖ ESN high ‖ ESN low: the AEAD AAD with ESN (RFC 4106 §5). */
        final byte[] aad = new byte[12];
        /** ESN high bits appended to the ICV input of encrypt-then-MAC suites (RFC 4303 §3.3.2.2.1). */
        final byte[] esnHigh = new byte[4];
        /** Staging area for direct (off-heap) buffers, grown once to the largest packet seen. */
        byte[] staging = new byte[0];

        Context(Protection protection) {
            this.protection = protection;
        }

        byte[] staging(int size) {
            if (staging.length < size) {
                staging = new byte[Math.max(size, 2048)];
            }
            return staging;
        }
    }

    private final Encryption encryption;
    private final IntegrityAlgorithm integrity;
    private final SecretBytes encryptionKey;
    private final SecretBytes integrityKey;
    private final CryptoProviders providers;
    private final AtomicReferenceArray<Context> slots;
    /** Held while a context reads the keys and while {@link #close()} destroys them. */
    private final Object keyLock = new Object();
    private volatile boolean closed;

    EspContextPool(Encryption encryption, IntegrityAlgorithm integrity, SecretBytes encryptionKey,
            SecretBytes integrityKey, CryptoProviders providers) throws CryptoException {
        this.encryption = encryption;
        this.integrity = integrity;
        this.encryptionKey = encryptionKey;
        this.integrityKey = integrityKey;
        this.providers = providers;
        this.slots = new AtomicReferenceArray<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        // Creating the first context now validates keys and algorithms at SA construction.
        slots.set(0, create());
    }

    /** Returns a new context, or {@code null} once the pool is closed. */
    private Context create() throws CryptoException {
        synchronized (keyLock) {
            if (closed) {
                return null;
            }
            return new Context(Protection.create(encryption, integrity, encryptionKey,
                    encryption.isAead() ? null : integrityKey, providers));
        }
    }

    /**
     * Takes an idle context or creates one; returns {@code null} once the pool is closed and no idle
     * context is left. The caller {@link #release}s what it got.
     */
    Context acquire() throws CryptoException {
        int n = slots.length();
        int start = (int) (Thread.currentThread().getId() % n);
        for (int i = 0; i < n; i++) {
            Context c = slots.getAndSet((start + i) % n, null);
            if (c != null) {
                return c;
            }
        }
        return create();
    }

    void release(Context context) {
        if (!closed) {
            int n = slots.length();
            int start = (int) (Thread.currentThread().getId() % n);
            for (int i = 0; i < n; i++) {
                if (slots.compareAndSet((start + i) % n, null, context)) {
                    if (closed) {
                        drain();
                    }
                    return;
                }
            }
        }
        context.protection.close();
    }

    Protection sample() throws CryptoException {
        Context c = acquire();
        try {
            return c.protection;
        } finally {
            release(c);
        }
    }

    void close() {
        closed = true;
        drain();
        synchronized (keyLock) {
            encryptionKey.destroy();
            integrityKey.destroy();
        }
    }

    private void drain() {
        for (int i = 0; i < slots.length(); i++) {
            Context c = slots.getAndSet(i, null);
            if (c != null) {
                c.protection.close();
            }
        }
    }
}
