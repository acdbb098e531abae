package io.ipsec4j.crypto;

import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jcajce.spec.AEADParameterSpec;

/**
 * AEAD protection over a JCA {@link Cipher}: AES-GCM with 12/16-byte ICV and GMAC (JDK), AES-GCM-8
 * and AES-CCM (BouncyCastle: SunJCE has no 64-bit GCM tags and no CCM) and ChaCha20-Poly1305 (JDK,
 * when selected in {@link CryptoProviders}).
 */
final class JcaAeadProtection extends Protection {
    private enum Mode { GCM, GMAC, CCM, CHACHA }

    private final Mode mode;
    private final Cipher cipher;
    /** JDK ChaCha20 refuses a re-init with the previous key and nonce, so decryption has its own. */
    private final Cipher decryptCipher;
    /** The nonce of the last decryption (ChaCha20-Poly1305 on the JDK only). */
    private final byte[] lastOpenNonce;
    private final SecretKeySpec key;
    private final byte[] keyBytes;
    private final byte[] nonce;
    private final int saltLength;
    private final int icvLength;
    private final byte[] empty = new byte[0];
    private boolean bcGcm;
    /**
     * ChaCha20-Poly1305 on JDK 17-24 reads the ciphertext in place only when it starts at index 0 of
     * its array; at any other offset its decryption copies it into a growing buffer (5.9 KB per
     * 1400-byte packet, 20 KB at 9000 bytes). The ciphertext is therefore staged here, at index 0:
     * one copy, no allocation once the array fits the largest packet.
     */
    private byte[] openStaging = new byte[0];

    /** From JDK 25 on, the JDK's ChaCha20-Poly1305 decrypts at any array offset without buffering. */
    private static final boolean CHACHA_NEEDS_STAGING = Runtime.version().feature() < 25;

    /** SunJCE's GCM rejects tags shorter than 96 bits. */
    private static final int MIN_JDK_GCM_TAG_BYTES = 12;

    JcaAeadProtection(Encryption encryption, byte[] key, byte[] salt, CryptoProviders providers)
            throws CryptoException {
        super(encryption, IntegrityAlgorithm.NONE);
        EncryptionAlgorithm alg = encryption.algorithm();
        this.icvLength = alg.icvLengthBytes();
        this.saltLength = alg.saltLengthBytes();
        if (salt.length != saltLength) {
            throw new CryptoException("salt length for " + alg + ": " + salt.length + " (expected: "
                    + saltLength + ")");
        }
        this.nonce = new byte[saltLength + COUNTER_IV_BYTES];
        System.arraycopy(salt, 0, nonce, 0, saltLength);
        this.keyBytes = key.clone();
        this.lastOpenNonce = new byte[nonce.length];
        String transformation;
        boolean needsBouncyCastle = false;
        if (alg.equals(EncryptionAlgorithm.CHACHA20_POLY1305)) {
            mode = Mode.CHACHA;
            transformation = "ChaCha20-Poly1305";
            this.key = new SecretKeySpec(key, "ChaCha20");
        } else if (alg.equals(EncryptionAlgorithm.NULL_AUTH_AES_GMAC)) {
            mode = Mode.GMAC;
            transformation = "AES/GCM/NoPadding";
            this.key = new SecretKeySpec(key, "AES");
        } else if (alg.equals(EncryptionAlgorithm.AES_CCM_8) || alg.equals(EncryptionAlgorithm.AES_CCM_12)
                || alg.equals(EncryptionAlgorithm.AES_CCM_16)) {
            mode = Mode.CCM;
            transformation = "AES/CCM/NoPadding";
            needsBouncyCastle = true;
            this.key = new SecretKeySpec(key, "AES");
        } else {
            mode = Mode.GCM;
            // The JDK's GCM only accepts tags of 96 bits and more; AES-GCM-8 goes to BouncyCastle.
            bcGcm = icvLength < MIN_JDK_GCM_TAG_BYTES;
            transformation = "AES/GCM/NoPadding";
            needsBouncyCastle = bcGcm;
            this.key = new SecretKeySpec(key, "AES");
        }
        // One Cipher per direction: JDK ChaCha20 and BouncyCastle GCM remember the nonce of their
        // last init, whatever its direction, and refuse to encrypt under it again.
        cipher = providers.cipher(transformation, needsBouncyCastle);
        decryptCipher = providers.cipher(transformation, needsBouncyCastle);
    }

    @Override
    public int ivLengthBytes() {
        return COUNTER_IV_BYTES;
    }

    @Override
    public int icvLengthBytes() {
        return icvLength;
    }

    @Override
    public int alignmentBytes() {
        return 1;
    }

    @Override
    public String implementation() {
        return cipher.getAlgorithm() + " (" + cipher.getProvider().getName() + ")";
    }

    @Override
    void writeIv(byte[] buf, int offset, long counter) {
        writeCounterIv(buf, offset, counter);
    }

    private AlgorithmParameterSpec spec() {
        switch (mode) {
            case CHACHA:
                return new IvParameterSpec(nonce);
            case CCM:
                return new AEADParameterSpec(nonce, icvLength * 8);
            case GCM:
                return bcGcm ? new AEADParameterSpec(nonce, icvLength * 8) : new GCMParameterSpec(icvLength * 8, nonce);
            default:
                return new GCMParameterSpec(icvLength * 8, nonce);
        }
    }

    @Override
    public int sealWithIvInsecure(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int plaintextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, plaintextLength);
        System.arraycopy(buf, ivOffset, nonce, saltLength, COUNTER_IV_BYTES);
        int ptOffset = ivOffset + COUNTER_IV_BYTES;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, spec());
            cipher.updateAAD(aad, aadOffset, aadLength);
            if (mode == Mode.GMAC) {
                cipher.updateAAD(buf, ivOffset, COUNTER_IV_BYTES + plaintextLength);
                cipher.doFinal(empty, 0, 0, buf, ptOffset + plaintextLength);
            } else {
                cipher.doFinal(buf, ptOffset, plaintextLength, buf, ptOffset);
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException(encryption() + " encryption failed", e);
        }
        return COUNTER_IV_BYTES + plaintextLength + icvLength;
    }

    @Override
    public int open(byte[] aad, int aadOffset, int aadLength, byte[] buf, int ivOffset,
            int ciphertextLength, byte[] macSuffix) throws CryptoException {
        checkRegion(buf, ivOffset, ciphertextLength);
        System.arraycopy(buf, ivOffset, nonce, saltLength, COUNTER_IV_BYTES);
        int ctOffset = ivOffset + COUNTER_IV_BYTES;
        try {
            Cipher c = decryptCipher;
            if (mode == Mode.CHACHA && Arrays.equals(nonce, lastOpenNonce)) {
                // The JDK's ChaCha20-Poly1305 refuses to re-initialise with the previous key and
                // nonce even for decryption; a forged message with the IV of the next genuine one
                // would otherwise make the genuine one undecryptable. Step to another nonce first.
                lastOpenNonce[lastOpenNonce.length - 1] ^= 1;
                c.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(lastOpenNonce));
            }
            System.arraycopy(nonce, 0, lastOpenNonce, 0, nonce.length);
            c.init(Cipher.DECRYPT_MODE, key, spec());
            c.updateAAD(aad, aadOffset, aadLength);
            if (mode == Mode.GMAC) {
                c.updateAAD(buf, ivOffset, COUNTER_IV_BYTES + ciphertextLength);
                c.doFinal(buf, ctOffset + ciphertextLength, icvLength, buf, ctOffset);
            } else if (mode == Mode.CHACHA && CHACHA_NEEDS_STAGING && ctOffset != 0) {
                int n = ciphertextLength + icvLength;
                byte[] staged = openStaging(n);
                System.arraycopy(buf, ctOffset, staged, 0, n);
                c.doFinal(staged, 0, n, buf, ctOffset);
            } else {
                c.doFinal(buf, ctOffset, ciphertextLength + icvLength, buf, ctOffset);
            }
        } catch (AEADBadTagException e) {
            throw new IcvMismatchException();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(encryption() + " decryption failed", e);
        }
        return ciphertextLength;
    }

    private byte[] openStaging(int size) {
        if (openStaging.length < size) {
            openStaging = new byte[Math.max(size, 2048)];
        }
        return openStaging;
    }

    @Override
    public void close() {
        Arrays.fill(openStaging, (byte) 0);
        Arrays.fill(keyBytes, (byte) 0);
        Arrays.fill(nonce, (byte) 0);
    }
}
