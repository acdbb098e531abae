package io.ipsec4j.model;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key material that never shows itself: {@code toString()} gives only the length, equality is
 * constant time, and {@link #destroy()} zeroes the bytes (best effort: the JVM may hold copies).
 *
 * <p>Used for SK_* keys, KEYMAT and ESP keys. {@link #copyBytes()} hands out a copy that the
 * caller should zero when done.
 *
 * <p>Thread safety: all methods may be called concurrently. A read racing {@link #destroy()} either
 * returns the whole secret or fails with {@link IllegalStateException}; it never returns bytes that
 * are partly or wholly zeroed.
 */
public final class SecretBytes {
    /** Never leaves this object; also the monitor that makes a copy and the zeroing exclusive. */
    private final byte[] data;
    private volatile boolean destroyed;

    private SecretBytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}; the caller may zero its own array afterwards. */
    public static SecretBytes of(byte[] data) {
        Objects.requireNonNull(data, "data");
        return new SecretBytes(data.clone());
    }

    /** Copies {@code length} bytes of {@code data} from {@code offset}. */
    public static SecretBytes of(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        Objects.checkFromIndexSize(offset, length, data.length);
        return new SecretBytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    public int length() {
        return data.length;
    }

    /** A copy of the key bytes. */
    public byte[] copyBytes() {
        synchronized (data) {
            checkNotDestroyed();
            return data.clone();
        }
    }

    /** The bytes from {@code from} (inclusive) to {@code to} (exclusive), as a new secret. */
    public SecretBytes slice(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        synchronized (data) {
            checkNotDestroyed();
            return new SecretBytes(Arrays.copyOfRange(data, from, to));
        }
    }

    /**
     * Zeroes the bytes; later reads fail with {@link IllegalStateException}. The flag is set before
     * the first byte is zeroed, and a copy in progress finishes first.
     */
    public void destroy() {
        synchronized (data) {
            destroyed = true;
            Arrays.fill(data, (byte) 0);
        }
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("secret bytes were destroyed");
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof SecretBytes && MessageDigest.isEqual(data, ((SecretBytes) other).data));
    }

    @Override
    public int hashCode() {
        return data.length;
    }

    @Override
    public String toString() {
        return "SecretBytes[" + data.length + " bytes]";
    }
}
