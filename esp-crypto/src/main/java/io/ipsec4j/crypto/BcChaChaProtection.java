package io.ipsec4j.crypto;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ChaCha20-Poly1305 (RFC 7634) on BouncyCastle's lightweight engine, which streams (the JDK 17
 * cipher buffers the whole ciphertext when decrypting). Nonce = 4-byte salt ‖ 8-byte IV.
 */
final class BcChaChaProtection extends Protection {
    private static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 4;
    private static final int TAG_BYTES = 16;

    /**
     * One engine per direction: BouncyCastle refuses to encrypt under the key and nonce of the
     * engine's previous init, even when that init was a decryption, so a received message whose IV
     * equals our next counter would otherwise make the next seal fail.
     */
    private final ChaCha20Poly1305 sealEngine = new ChaCha20Poly1305();
    private final ChaCha20Poly1305 openEngine = new ChaCha20Poly1305();
    private final KeyParameter key;
    private final byte[] nonce = new byte[SALT_BYTES + COUNTER_IV_BYTES];
    /**
     * BouncyCastle copies its input into a fresh array when input and output overlap, so the engine
     * writes here and the result is copied back: one memcpy instead of an allocation per packet.
     */
    private byte[] scratch = new byte[0];

    BcChaChaProtection(Encryption encryption, byte[] key, byte[] salt) throws CryptoException {
        super(encryption, IntegrityAlgorithm.NONE);
        if (key.length != KEY_BYTES || salt.length != SALT_BYTES) {
            throw new CryptoException("ChaCha20-Poly1305 key/salt length: " + key.length + "/" + salt.length
                    + " (expected: 32/4)");
        }
        this.key = new KeyParameter(key);
        System.arraycopy(salt, 0, nonce, 0, SALT_BYTES);
    }

    @Override
    public int ivLengthBytes() {
        return COUNTER_IV_BYTES;
    }

    @Override
    public int icvLengthBytes() {
        return TAG_BYTES;
    }

    @Override
    public int alignmentBytes() {
        return 1;
    }

    @Override
    public String implementation() {
        return "ChaCha20-Poly1305 (BouncyCastle lightweight)";
    }

    @Override
    void writeIv(byte[] buf, int offset, long counter) {
        writeCounterIv(buf, offset, counter);
    }

    @Override
    public int sealWithIvInsecure(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int plaintextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, plaintextLength);
        System.arraycopy(buf, ivOffset, nonce, SALT_BYTES, COUNTER_IV_BYTES);
        int ptOffset = ivOffset + COUNTER_IV_BYTES;
        try {
            sealEngine.init(true, new AEADParameters(key, TAG_BYTES * 8, nonce));
            sealEngine.processAADBytes(aad, aadOffset, aadLength);
            byte[] out = scratch(plaintextLength + TAG_BYTES);
            int n = sealEngine.processBytes(buf, ptOffset, plaintextLength, out, 0);
            n += sealEngine.doFinal(out, n);
            System.arraycopy(out, 0, buf, ptOffset, n);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new CryptoException("ChaCha20-Poly1305 encryption failed", e);
        }
        return COUNTER_IV_BYTES + plaintextLength + TAG_BYTES;
    }

    @Override
    public int open(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int ciphertextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, ciphertextLength);
        System.arraycopy(buf, ivOffset, nonce, SALT_BYTES, COUNTER_IV_BYTES);
        int ctOffset = ivOffset + COUNTER_IV_BYTES;
        try {
            openEngine.init(false, new AEADParameters(key, TAG_BYTES * 8, nonce));
            openEngine.processAADBytes(aad, aadOffset, aadLength);
            byte[] out = scratch(ciphertextLength + TAG_BYTES);
            int n = openEngine.processBytes(buf, ctOffset, ciphertextLength + TAG_BYTES, out, 0);
            n += openEngine.doFinal(out, n);
            System.arraycopy(out, 0, buf, ctOffset, n);
        } catch (InvalidCipherTextException e) {
            throw new IcvMismatchException();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CryptoException("ChaCha20-Poly1305 decryption failed", e);
        }
        return ciphertextLength;
    }

    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, 2048)];
        }
        return scratch;
    }

    @Override
    public void close() {
        Arrays.fill(scratch, (byte) 0);
        Arrays.fill(key.getKey(), (byte) 0);
        Arrays.fill(nonce, (byte) 0);
    }
}
