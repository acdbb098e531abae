package io.ipsec4j.model.algorithm;

import java.util.Objects;

/**
 * An encryption transform as proposed: an {@link EncryptionAlgorithm} together with its key size.
 *
 * <p>In IKEv2 the key size of a variable-length cipher travels in the transform's Key Length
 * attribute (RFC 7296 §3.3.5), so {@code AES-CBC-128} and {@code AES-CBC-256} are different
 * transforms of one proposal. For fixed-key ciphers the key size is the algorithm's only size (3DES
 * 192, ChaCha20-Poly1305 256, NULL 0). The key size is checked against
 * {@link EncryptionAlgorithm#keySizesBits()}; an algorithm this registry does not know accepts any
 * size from 1 to 65535 bits (the attribute is 16 bits). {@link #toString()} is the strongSwan keyword.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.5">RFC 7296 §3.3.5</a>
 */
public final class Encryption {

    /** The Key Length attribute is a 16-bit TV attribute (RFC 7296 §3.3.5). */
    static final int MAX_KEY_BITS = 0xFFFF;

    /** AES-CBC with a 128-bit key ({@code aes128}). */
    public static final Encryption AES128_CBC = new Encryption(EncryptionAlgorithm.AES_CBC, 128);
    /** AES-CBC with a 256-bit key ({@code aes256}). */
    public static final Encryption AES256_CBC = new Encryption(EncryptionAlgorithm.AES_CBC, 256);
    /** AES-GCM, 16-byte ICV, 128-bit key ({@code aes128gcm16}). */
    public static final Encryption AES128_GCM_16 = new Encryption(EncryptionAlgorithm.AES_GCM_16, 128);
    /** AES-GCM, 16-byte ICV, 256-bit key ({@code aes256gcm16}). */
    public static final Encryption AES256_GCM_16 = new Encryption(EncryptionAlgorithm.AES_GCM_16, 256);
    /** ChaCha20-Poly1305, 256-bit key ({@code chacha20poly1305}). */
    public static final Encryption CHACHA20_POLY1305 =
            new Encryption(EncryptionAlgorithm.CHACHA20_POLY1305, 256);
    /** Triple DES ({@code 3des}). */
    public static final Encryption TRIPLE_DES = new Encryption(EncryptionAlgorithm.TRIPLE_DES, 192);
    /** ESP NULL encryption ({@code null}). */
    public static final Encryption NULL = new Encryption(EncryptionAlgorithm.NULL, 0);

    private final EncryptionAlgorithm algorithm;
    private final int keyBits;

    private Encryption(EncryptionAlgorithm algorithm, int keyBits) {
        this.algorithm = algorithm;
        this.keyBits = keyBits;
    }

    /**
     * Returns the transform {@code algorithm} with a {@code keyBits} key.
     *
     * @throws IllegalArgumentException if the algorithm does not allow that key size
     */
    public static Encryption of(EncryptionAlgorithm algorithm, int keyBits) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm.isKnown()) {
            if (!algorithm.keySizesBits().contains(keyBits)) {
                throw new IllegalArgumentException("key size for " + algorithm + ": " + keyBits
                        + " bits (expected: one of " + algorithm.keySizesBits() + ")");
            }
        } else if (keyBits < 1 || keyBits > MAX_KEY_BITS) {
            throw new IllegalArgumentException("key size for " + algorithm + ": " + keyBits
                    + " bits (expected: 1-" + MAX_KEY_BITS + ")");
        }
        return new Encryption(algorithm, keyBits);
    }

    /**
     * Returns the transform with the algorithm's default (smallest) key size.
     *
     * @throws IllegalArgumentException for an unknown algorithm, which has no default size
     */
    public static Encryption of(EncryptionAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.isKnown()) {
            throw new IllegalArgumentException(
                    "key size for " + algorithm + ": none given (expected: 1-" + MAX_KEY_BITS
                            + ", an unknown algorithm has no default)");
        }
        return of(algorithm, algorithm.defaultKeySizeBits());
    }

    /** Returns the algorithm. */
    public EncryptionAlgorithm algorithm() {
        return algorithm;
    }

    /** Returns the key size in bits (0 for NULL). */
    public int keyBits() {
        return keyBits;
    }

    /** Returns {@code true} if the algorithm is AEAD (then no integrity transform is negotiated). */
    public boolean isAead() {
        return algorithm.isAead();
    }

    /** Returns the keying material the transform consumes: key plus salt, in bytes. */
    public int keyMaterialLengthBytes() {
        return algorithm.keyMaterialLengthBytes(keyBits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encryption
                && ((Encryption) o).keyBits == keyBits
                && ((Encryption) o).algorithm.equals(algorithm);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + keyBits;
    }

    /** Returns the strongSwan keyword, for example {@code aes256gcm16}. */
    @Override
    public String toString() {
        return StrongSwanKeywords.keyword(this);
    }
}
