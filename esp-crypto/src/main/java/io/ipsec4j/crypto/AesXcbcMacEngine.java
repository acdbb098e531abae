package io.ipsec4j.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-XCBC-MAC (RFC 3566) over an AES/ECB cipher from the primary provider; the JDK has no XCBC.
 * Output is the full 16-byte MAC; callers truncate (AES-XCBC-96) or not (PRF-AES128-XCBC).
 */
final class AesXcbcMacEngine implements MacEngine {
    static final int BLOCK = 16;

    private final Cipher k1;
    private final byte[] k2 = new byte[BLOCK];
    private final byte[] k3 = new byte[BLOCK];
    private final byte[] state = new byte[BLOCK];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;

    AesXcbcMacEngine(CryptoProviders providers, byte[] key) throws CryptoException {
        if (key.length != BLOCK) {
            throw new CryptoException("AES-XCBC key length: " + key.length + " (expected: 16)");
        }
        try {
            Cipher k = providers.cipher("AES/ECB/NoPadding", false);
            k.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] k1Bytes = k.doFinal(filled((byte) 1));
            byte[] k2Bytes = k.doFinal(filled((byte) 2));
            byte[] k3Bytes = k.doFinal(filled((byte) 3));
            System.arraycopy(k2Bytes, 0, k2, 0, BLOCK);
            System.arraycopy(k3Bytes, 0, k3, 0, BLOCK);
            k1 = providers.cipher("AES/ECB/NoPadding", false);
            k1.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k1Bytes, "AES"));
            Arrays.fill(k1Bytes, (byte) 0);
            Arrays.fill(k2Bytes, (byte) 0);
            Arrays.fill(k3Bytes, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot initialise AES-XCBC", e);
        }
    }

    private static byte[] filled(byte b) {
        byte[] block = new byte[BLOCK];
        Arrays.fill(block, b);
        return block;
    }

    @Override
    public int length() {
        return BLOCK;
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (buffered == BLOCK) {
                // A full block is only processed once more data proves it is not the last one.
                xorInto(state, buffer);
                encryptState();
                buffered = 0;
            }
            int n = Math.min(BLOCK - buffered, end - pos);
            System.arraycopy(data, pos, buffer, buffered, n);
            buffered += n;
            pos += n;
        }
    }

    @Override
    public void doFinal(byte[] out, int offset) {
        if (buffered == BLOCK) {
            xorInto(state, buffer);
            xorInto(state, k2);
        } else {
            buffer[buffered] = (byte) 0x80;
            Arrays.fill(buffer, buffered + 1, BLOCK, (byte) 0);
            xorInto(state, buffer);
            xorInto(state, k3);
        }
        encryptState();
        System.arraycopy(state, 0, out, offset, BLOCK);
        Arrays.fill(state, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
        buffered = 0;
    }

    private void encryptState() {
        try {
            k1.update(state, 0, BLOCK, state, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block encryption failed", e);
        }
    }

    private static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < BLOCK; i++) {
            target[i] ^= other[i];
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(k2, (byte) 0);
        Arrays.fill(k3, (byte) 0);
        Arrays.fill(state, (byte) 0);
        Arrays.fill(buffer, (byte) 0);
    }
}
