package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * Authenticated protection of one message in place: an AEAD algorithm, or a cipher followed by an
 * integrity MAC (encrypt-then-MAC), with the IV carried in the message.
 *
 * <p>Both ESP (RFC 4303 §2) and the IKEv2 SK payload (RFC 7296 §3.14, RFC 5282) lay a protected
 * message out the same way, which is the layout this class works on:
 *
 * <pre>
 *   aad (authenticated only)  |  IV  |  plaintext → ciphertext  |  ICV
 *                                ^ivOffset
 * </pre>
 *
 * For AEAD algorithms {@code aad} is the associated data and the nonce is salt ‖ IV (GCM, GMAC and
 * ChaCha20-Poly1305: 4-byte salt, RFC 4106 §4, RFC 4543 §3.1, RFC 7634 §2; CCM: 3-byte salt,
 * RFC 4309 §4). GMAC encrypts nothing: aad, IV and payload are all authenticated (RFC 4543 §3.2).
 * For encrypt-then-MAC suites the ICV covers {@code aad ‖ IV ‖ ciphertext ‖ macSuffix}, where the
 * optional {@code macSuffix} carries the ESN high-order bits (RFC 4303 §3.3.2.2.1); it is ignored for
 * AEAD (ESP puts the ESN into the AAD instead). {@code aad} may be a region of the same array before
 * the IV. The ICV of encrypt-then-MAC suites is verified before anything is decrypted.
 *
 * <p>IVs: {@link #seal} derives the IV from a caller-supplied counter that must be unique per key
 * (ESP uses the 64-bit sequence number): counter modes use it directly (unique, RFC 4106 §3.1);
 * CBC encrypts it under a random per-instance AES key, which makes it unpredictable (NIST SP
 * 800-38A Appendix C). {@link #sealWithIvInsecure} takes an IV already in the buffer, for tests
 * against published vectors only.
 *
 * <p>Instances are not thread-safe (they own JCA {@code Cipher}/{@code Mac} objects); create one per
 * thread or pool them. {@link #close()} zeroes the key copies this instance holds (best effort).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2">RFC 4303 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5282#section-5">RFC 5282 §5</a>
 */
public abstract class Protection implements AutoCloseable {
    /** The IV of counter-based modes (CTR, GCM, CCM, GMAC, ChaCha20-Poly1305) is 8 bytes. */
    public static final int COUNTER_IV_BYTES = 8;

    private final Encryption encryption;
    private final IntegrityAlgorithm integrity;

    Protection(Encryption encryption, IntegrityAlgorithm integrity) {
        this.encryption = encryption;
        this.integrity = integrity;
    }

    /**
     * Creates the protection for {@code encryption} (+ {@code integrity} unless AEAD).
     *
     * @param encryptionKeyMaterial key ‖ salt, {@link Encryption#keyMaterialLengthBytes()} bytes
     * @param integrityKey the integrity key, or {@code null} for AEAD algorithms
     * @throws UnsupportedAlgorithmException for algorithms this module does not implement
     * @throws CryptoException for wrong key sizes or an invalid combination
     */
    public static Protection create(Encryption encryption, IntegrityAlgorithm integrity,
            SecretBytes encryptionKeyMaterial, SecretBytes integrityKey, CryptoProviders providers)
            throws CryptoException {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(encryptionKeyMaterial, "encryptionKeyMaterial");
        Objects.requireNonNull(providers, "providers");
        EncryptionAlgorithm alg = encryption.algorithm();
        if (!isSupported(alg)) {
            throw new UnsupportedAlgorithmException("encryption algorithm not implemented: " + alg);
        }
        if (encryptionKeyMaterial.length() != encryption.keyMaterialLengthBytes()) {
            throw new CryptoException("key material length for " + encryption + ": "
                    + encryptionKeyMaterial.length() + " (expected: "
                    + encryption.keyMaterialLengthBytes() + ", key plus salt)");
        }
        if (alg.isAead()) {
            if (!integrity.equals(IntegrityAlgorithm.NONE)) {
                throw new CryptoException("integrity " + integrity + " with AEAD " + alg
                        + " (expected: NONE, RFC 7296 §3.3)");
            }
        } else if (integrity.equals(IntegrityAlgorithm.NONE)) {
            throw new CryptoException("integrity NONE with " + alg
                    + " (expected: an integrity transform; encryption without integrity is not offered)");
        } else {
            Objects.requireNonNull(integrityKey, "integrityKey");
        }
        byte[] km = encryptionKeyMaterial.copyBytes();
        try {
            int keyLen = encryption.keyBits() / 8;
            byte[] key = Arrays.copyOf(km, keyLen);
            byte[] salt = Arrays.copyOfRange(km, keyLen, km.length);
            try {
                if (alg.isAead()) {
                    if (alg.equals(EncryptionAlgorithm.CHACHA20_POLY1305)
                            && providers.chaCha() == CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE) {
                        return new BcChaChaProtection(encryption, key, salt);
                    }
                    return new JcaAeadProtection(encryption, key, salt, providers);
                }
                return new EncryptThenMacProtection(encryption, integrity, key, salt,
                        IntegrityMac.create(integrity, integrityKey, providers), providers);
            } finally {
                Arrays.fill(key, (byte) 0);
                Arrays.fill(salt, (byte) 0);
            }
        } finally {
            Arrays.fill(km, (byte) 0);
        }
    }

    /** Returns {@code true} for the encryption transforms this module implements. */
    public static boolean isSupported(EncryptionAlgorithm algorithm) {
        return algorithm.equals(EncryptionAlgorithm.AES_CBC)
                || algorithm.equals(EncryptionAlgorithm.AES_CTR)
                || algorithm.equals(EncryptionAlgorithm.TRIPLE_DES)
                || algorithm.equals(EncryptionAlgorithm.NULL)
                || algorithm.equals(EncryptionAlgorithm.AES_GCM_8)
                || algorithm.equals(EncryptionAlgorithm.AES_GCM_12)
                || algorithm.equals(EncryptionAlgorithm.AES_GCM_16)
                || algorithm.equals(EncryptionAlgorithm.AES_CCM_8)
                || algorithm.equals(EncryptionAlgorithm.AES_CCM_12)
                || algorithm.equals(EncryptionAlgorithm.AES_CCM_16)
                || algorithm.equals(EncryptionAlgorithm.NULL_AUTH_AES_GMAC)
                || algorithm.equals(EncryptionAlgorithm.CHACHA20_POLY1305);
    }

    /** Returns the encryption transform and key size. */
    public final Encryption encryption() {
        return encryption;
    }

    /** Returns the integrity transform ({@link IntegrityAlgorithm#NONE} for AEAD). */
    public final IntegrityAlgorithm integrity() {
        return integrity;
    }

    /** Returns {@code true} for combined-mode (AEAD) algorithms. */
    public final boolean isAead() {
        return encryption.isAead();
    }

    /** Returns the length of the IV carried in each message. */
    public abstract int ivLengthBytes();

    /** Returns the ICV length in bytes. */
    public abstract int icvLengthBytes();

    /** Returns the cipher's block size that plaintext lengths must be a multiple of (1 for stream modes). */
    public abstract int alignmentBytes();

    /** Returns a description of the implementation chosen, e.g. {@code "AES/GCM/NoPadding (SunJCE)"}. */
    public abstract String implementation();

    /**
     * Writes a fresh IV derived from {@code ivCounter} at {@code buf[ivOffset]}, then encrypts the
     * {@code plaintextLength} bytes after it in place and writes the ICV after them.
     *
     * @param ivCounter a value never used before with this key (ESP: the sequence number)
     * @param macSuffix bytes authenticated after the ciphertext by encrypt-then-MAC suites, or null
     * @return IV + ciphertext + ICV length
     */
    public final int seal(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int plaintextLength, byte[] macSuffix, long ivCounter) throws CryptoException {
        checkRegion(buf, ivOffset, plaintextLength);
        writeIv(buf, ivOffset, ivCounter);
        return sealWithIvInsecure(aad, aadOffset, aadLength, buf, ivOffset, plaintextLength, macSuffix);
    }

    /**
     * Like {@link #seal} but with the IV the caller already wrote at {@code buf[ivOffset]}. Reusing
     * an IV breaks counter-mode confidentiality and integrity: for known-answer tests only.
     */
    public abstract int sealWithIvInsecure(byte[] aad, int aadOffset, int aadLength, byte[] buf,
            int ivOffset, int plaintextLength, byte[] macSuffix) throws CryptoException;

    /**
     * Verifies and decrypts in place the message whose IV is at {@code buf[ivOffset]}, followed by
     * {@code ciphertextLength} bytes of ciphertext and the ICV.
     *
     * @return the plaintext length; the plaintext starts at {@code ivOffset + ivLengthBytes()}
     * @throws IcvMismatchException if the ICV does not verify (nothing is decrypted for
     *         encrypt-then-MAC suites)
     * @throws CryptoException if the ciphertext length does not fit the cipher's block size
     */
    public abstract int open(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int ciphertextLength, byte[] macSuffix) throws CryptoException;

    abstract void writeIv(byte[] buf, int offset, long counter) throws CryptoException;

    final void checkRegion(byte[] buf, int ivOffset, int length) {
        Objects.checkFromIndexSize(ivOffset, ivLengthBytes() + length + icvLengthBytes(), buf.length);
    }

    static void writeCounterIv(byte[] buf, int offset, long counter) {
        for (int i = 0; i < COUNTER_IV_BYTES; i++) {
            buf[offset + i] = (byte) (counter >>> (56 - 8 * i));
        }
    }

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + encryption + ", " + integrity + ", " + implementation() + "]";
    }
}
