package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IKEv2/ESP integrity transform: a keyed MAC truncated to the transform's ICV length, with a
 * constant-time verification.
 *
 * <p>Implements HMAC-MD5-96 (RFC 2403), HMAC-SHA1-96 (RFC 2404), HMAC-SHA2-256-128 / 384-192 /
 * 512-256 (RFC 4868), AES-XCBC-96 (RFC 3566) and AES-CMAC-96 (RFC 4494). The key length must equal
 * {@link IntegrityAlgorithm#keyLengthBytes()}. Not thread-safe; {@link #close()} zeroes what it can.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4868#section-2.6">RFC 4868 §2.6</a>
 */
public final class IntegrityMac implements AutoCloseable {
    private final IntegrityAlgorithm algorithm;
    private final MacEngine engine;
    private final int icvLength;
    private final byte[] full;

    private IntegrityMac(IntegrityAlgorithm algorithm, MacEngine engine) {
        this.algorithm = algorithm;
        this.engine = engine;
        this.icvLength = algorithm.icvLengthBytes();
        this.full = new byte[engine.length()];
    }

    /**
     * Creates the MAC for {@code algorithm} keyed with {@code key}.
     *
     * @throws UnsupportedAlgorithmException for NONE, GMAC (an ENCR transform here) or unknown ids
     * @throws CryptoException if the key length is not the transform's
     */
    public static IntegrityMac create(IntegrityAlgorithm algorithm, SecretBytes key,
            CryptoProviders providers) throws CryptoException {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(providers, "providers");
        if (!isSupported(algorithm)) {
            throw new UnsupportedAlgorithmException("integrity algorithm not implemented: " + algorithm);
        }
        if (key.length() != algorithm.keyLengthBytes()) {
            throw new CryptoException("integrity key length for " + algorithm + ": " + key.length()
                    + " (expected: " + algorithm.keyLengthBytes() + ")");
        }
        byte[] k = key.copyBytes();
        try {
            return new IntegrityMac(algorithm, engineFor(algorithm, k, providers));
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Returns {@code true} for the integrity transforms this class implements. */
    public static boolean isSupported(IntegrityAlgorithm algorithm) {
        return algorithm.jcaMacName() != null
                || algorithm.equals(IntegrityAlgorithm.AES_XCBC_96)
                || algorithm.equals(IntegrityAlgorithm.AES_CMAC_96);
    }

    private static MacEngine engineFor(IntegrityAlgorithm algorithm, byte[] key,
            CryptoProviders providers) throws CryptoException {
        if (algorithm.equals(IntegrityAlgorithm.AES_XCBC_96)) {
            return new AesXcbcMacEngine(providers, key);
        }
        if (algorithm.equals(IntegrityAlgorithm.AES_CMAC_96)) {
            return JcaMacEngine.create(providers, "AESCMAC", true, key, "AES");
        }
        return JcaMacEngine.create(providers, algorithm.jcaMacName(), false, key, algorithm.jcaMacName());
    }

    /** Returns the transform. */
    public IntegrityAlgorithm algorithm() {
        return algorithm;
    }

    /** Returns the truncated ICV length in bytes. */
    public int icvLengthBytes() {
        return icvLength;
    }

    /** Adds {@code length} bytes of {@code data} from {@code offset} to the MAC input. */
    public void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        engine.update(data, offset, length);
    }

    /** Writes the truncated ICV of everything added so far at {@code offset} and resets. */
    public void computeIcv(byte[] out, int offset) {
        Objects.checkFromIndexSize(offset, icvLength, out.length);
        engine.doFinal(full, 0);
        System.arraycopy(full, 0, out, offset, icvLength);
    }

    /** Compares, in constant time, the ICV at {@code icv[offset]} with the computed one, and resets. */
    public boolean verifyIcv(byte[] icv, int offset) {
        Objects.checkFromIndexSize(offset, icvLength, icv.length);
        engine.doFinal(full, 0);
        return ConstantTime.equals(full, 0, icv, offset, icvLength);
    }

    @Override
    public void close() {
        Arrays.fill(full, (byte) 0);
        engine.destroy();
    }

    @Override
    public String toString() {
        return "IntegrityMac[" + algorithm + "]";
    }
}
