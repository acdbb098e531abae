package io.ipsec4j.crypto;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cipher (AES-CBC RFC 3602, 3DES-CBC RFC 2451, AES-CTR RFC 3686, NULL RFC 2410) followed by an
 * {@link IntegrityMac} over aad ‖ IV ‖ ciphertext ‖ macSuffix. The ICV is verified before the
 * ciphertext is touched.
 */
final class EncryptThenMacProtection extends Protection {
    private enum Mode { CBC, CTR, NULL }

    private static final int AES_BLOCK = 16;
    private static final int CTR_NONCE_BYTES = 4;

    private final Mode mode;
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] keyBytes;
    private final IntegrityMac mac;
    private final int ivLength;
    private final int blockSize;
    /** CBC: a random AES key that turns counters into unpredictable IVs. */
    private final Cipher ivCipher;
    private final byte[] ivBlock = new byte[AES_BLOCK];
    /** CTR: nonce ‖ IV ‖ 00000001 (RFC 3686 §4). */
    private final byte[] counterBlock = new byte[AES_BLOCK];
    /**
     * SunJCE's CipherCore copies its input into a fresh array when input and output are the same
     * region, so the cipher writes here and the result is copied back (no allocation per packet).
     */
    private byte[] scratch = new byte[0];

    EncryptThenMacProtection(Encryption encryption, IntegrityAlgorithm integrity, byte[] key,
            byte[] salt, IntegrityMac mac, CryptoProviders providers) throws CryptoException {
        super(encryption, integrity);
        EncryptionAlgorithm alg = encryption.algorithm();
        this.mac = mac;
        this.keyBytes = key.clone();
        try {
            if (alg.equals(EncryptionAlgorithm.NULL)) {
                mode = Mode.NULL;
                cipher = null;
                this.key = null;
                ivCipher = null;
                ivLength = 0;
                blockSize = 1;
            } else if (alg.equals(EncryptionAlgorithm.AES_CTR)) {
                mode = Mode.CTR;
                cipher = providers.cipher("AES/CTR/NoPadding", false);
                this.key = new SecretKeySpec(key, "AES");
                ivCipher = null;
                ivLength = COUNTER_IV_BYTES;
                blockSize = 1;
                System.arraycopy(salt, 0, counterBlock, 0, CTR_NONCE_BYTES);
                counterBlock[AES_BLOCK - 1] = 1;
            } else {
                mode = Mode.CBC;
                boolean des = alg.equals(EncryptionAlgorithm.TRIPLE_DES);
                cipher = providers.cipher(des ? "DESede/CBC/NoPadding" : "AES/CBC/NoPadding", false);
                this.key = new SecretKeySpec(key, des ? "DESede" : "AES");
                blockSize = alg.blockSizeBytes();
                ivLength = alg.ivLengthBytes();
                byte[] ivKey = new byte[AES_BLOCK];
                new SecureRandom().nextBytes(ivKey);
                ivCipher = providers.cipher("AES/ECB/NoPadding", false);
                ivCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ivKey, "AES"));
                Arrays.fill(ivKey, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot initialise " + alg, e);
        }
    }

    @Override
    public int ivLengthBytes() {
        return ivLength;
    }

    @Override
    public int icvLengthBytes() {
        return mac.icvLengthBytes();
    }

    @Override
    public int alignmentBytes() {
        return blockSize;
    }

    @Override
    public String implementation() {
        String c = cipher == null ? "NULL" : cipher.getAlgorithm() + " (" + cipher.getProvider().getName() + ")";
        return c + " + " + mac.algorithm();
    }

    @Override
    void writeIv(byte[] buf, int offset, long counter) throws CryptoException {
        if (mode == Mode.CTR) {
            writeCounterIv(buf, offset, counter);
        } else if (mode == Mode.CBC) {
            writeCounterIv(ivBlock, 0, counter);
            Arrays.fill(ivBlock, COUNTER_IV_BYTES, AES_BLOCK, (byte) 0);
            try {
                ivCipher.update(ivBlock, 0, AES_BLOCK, ivBlock, 0);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("IV generation failed", e);
            }
            System.arraycopy(ivBlock, 0, buf, offset, ivLength);
        }
    }

    private void initCipher(int opmode, byte[] buf, int ivOffset) throws GeneralSecurityException {
        if (mode == Mode.CTR) {
            System.arraycopy(buf, ivOffset, counterBlock, CTR_NONCE_BYTES, COUNTER_IV_BYTES);
            cipher.init(opmode, key, new IvParameterSpec(counterBlock));
        } else {
            cipher.init(opmode, key, new IvParameterSpec(buf, ivOffset, ivLength));
        }
    }

    private void crypt(byte[] buf, int offset, int length) throws GeneralSecurityException {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2048)];
        }
        int n = cipher.doFinal(buf, offset, length, scratch, 0);
        System.arraycopy(scratch, 0, buf, offset, n);
    }

    private void checkAlignment(int length) throws CryptoException {
        if (length % blockSize != 0) {
            throw new CryptoException("ciphertext length for " + encryption() + ": " + length
                    + " (expected: a multiple of " + blockSize + ")");
        }
    }

    @Override
    public int sealWithIvInsecure(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int plaintextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, plaintextLength);
        checkAlignment(plaintextLength);
        int ptOffset = ivOffset + ivLength;
        if (mode != Mode.NULL) {
            try {
                initCipher(Cipher.ENCRYPT_MODE, buf, ivOffset);
                crypt(buf, ptOffset, plaintextLength);
            } catch (GeneralSecurityException e) {
                throw new CryptoException(encryption() + " encryption failed", e);
            }
        }
        mac.update(aad, aadOffset, aadLength);
        mac.update(buf, ivOffset, ivLength + plaintextLength);
        if (macSuffix != null) {
            mac.update(macSuffix, 0, macSuffix.length);
        }
        mac.computeIcv(buf, ptOffset + plaintextLength);
        return ivLength + plaintextLength + mac.icvLengthBytes();
    }

    @Override
    public int open(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int ciphertextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, ciphertextLength);
        int ctOffset = ivOffset + ivLength;
        mac.update(aad, aadOffset, aadLength);
        mac.update(buf, ivOffset, ivLength + ciphertextLength);
        if (macSuffix != null) {
            mac.update(macSuffix, 0, macSuffix.length);
        }
        if (!mac.verifyIcv(buf, ctOffset + ciphertextLength)) {
            throw new IcvMismatchException();
        }
        // Only authentic ciphertext reaches the cipher (RFC 4303 §3.4.4.1).
        checkAlignment(ciphertextLength);
        if (mode != Mode.NULL) {
            try {
                initCipher(Cipher.DECRYPT_MODE, buf, ivOffset);
                crypt(buf, ctOffset, ciphertextLength);
            } catch (GeneralSecurityException e) {
                throw new CryptoException(encryption() + " decryption failed", e);
            }
        }
        return ciphertextLength;
    }

    @Override
    public void close() {
        Arrays.fill(keyBytes, (byte) 0);
        Arrays.fill(ivBlock, (byte) 0);
        Arrays.fill(scratch, (byte) 0);
        mac.close();
    }
}
