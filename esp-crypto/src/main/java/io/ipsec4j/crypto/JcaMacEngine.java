package io.ipsec4j.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/** A {@link MacEngine} over a JCA {@link Mac} (HMAC from the JDK, AES-CMAC from BouncyCastle). */
final class JcaMacEngine implements MacEngine {
    private final Mac mac;

    JcaMacEngine(Mac mac, byte[] key, String keyAlgorithm) throws CryptoException {
        this.mac = mac;
        if (key.length == 0) {
            throw new CryptoException("MAC key length: 0 (expected: > 0)");
        }
        try {
            mac.init(new SecretKeySpec(key, keyAlgorithm));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot initialise " + mac.getAlgorithm() + " with a "
                    + key.length + "-byte key", e);
        }
    }

    static JcaMacEngine create(CryptoProviders providers, String algorithm, boolean bc, byte[] key,
            String keyAlgorithm) throws CryptoException {
        return new JcaMacEngine(providers.mac(algorithm, bc), key, keyAlgorithm);
    }

    @Override
    public int length() {
        return mac.getMacLength();
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public void doFinal(byte[] out, int offset) {
        try {
            mac.doFinal(out, offset);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("MAC output: " + (out.length - offset)
                    + " bytes of room (expected: >= " + mac.getMacLength() + ")", e);
        }
    }

    @Override
    public void destroy() {
        // Re-keying with zeros overwrites the provider's key schedule where it keeps one.
        try {
            byte[] zero = new byte[Math.max(16, mac.getMacLength())];
            mac.init(new SecretKeySpec(zero, mac.getAlgorithm()));
            Arrays.fill(zero, (byte) 0);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            mac.reset();
        }
    }
}
