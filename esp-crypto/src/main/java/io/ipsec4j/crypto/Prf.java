package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IKEv2 pseudorandom function and its prf+ expansion.
 *
 * <p>HMAC PRFs (RFC 2104, RFC 4868) take keys of any length. PRF-AES128-XCBC (RFC 4434 §2) and
 * PRF-AES128-CMAC (RFC 4615 §3) take a 128-bit key: a shorter key is padded with zero bytes, a
 * longer one is first reduced with the same PRF under an all-zero key. prf+ (RFC 7296 §2.13) is
 * T1 | T2 | … with Tn = prf(K, Tn-1 | S | n), at most 255 blocks. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.13">RFC 7296 §2.13</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4434#section-2">RFC 4434 §2</a>
 */
public final class Prf {
    /** prf+ counts its blocks in one octet (RFC 7296 §2.13). */
    public static final int MAX_PRF_PLUS_BLOCKS = 255;

    private static final int AES_KEY_BYTES = 16;

    private final PrfAlgorithm algorithm;
    private final CryptoProviders providers;

    private Prf(PrfAlgorithm algorithm, CryptoProviders providers) {
        this.algorithm = algorithm;
        this.providers = providers;
    }

    /**
     * Returns the PRF for {@code algorithm}.
     *
     * @throws UnsupportedAlgorithmException for HMAC-Tiger and unknown ids
     */
    public static Prf create(PrfAlgorithm algorithm, CryptoProviders providers)
            throws UnsupportedAlgorithmException {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(providers, "providers");
        if (algorithm.jcaMacName() == null && !algorithm.hasFixedKeyLength()) {
            throw new UnsupportedAlgorithmException("PRF not implemented: " + algorithm);
        }
        return new Prf(algorithm, providers);
    }

    /** Returns the transform. */
    public PrfAlgorithm algorithm() {
        return algorithm;
    }

    /** Returns the output length in bytes. */
    public int outputLengthBytes() {
        return algorithm.outputLengthBytes();
    }

    /** Returns prf(key, data[0] | data[1] | …). */
    public byte[] compute(byte[] key, byte[]... data) throws CryptoException {
        Objects.requireNonNull(key, "key");
        MacEngine engine = engine(key);
        try {
            for (byte[] d : data) {
                engine.update(d, 0, d.length);
            }
            byte[] out = new byte[engine.length()];
            engine.doFinal(out, 0);
            return out;
        } finally {
            engine.destroy();
        }
    }

    /**
     * Returns the first {@code length} bytes of prf+(key, seed).
     *
     * @throws IllegalArgumentException if more than 255 blocks would be needed
     */
    public SecretBytes prfPlus(byte[] key, byte[] seed, int length) throws CryptoException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(seed, "seed");
        int block = outputLengthBytes();
        int blocks = (length + block - 1) / block;
        if (length < 0 || blocks > MAX_PRF_PLUS_BLOCKS) {
            throw new IllegalArgumentException("prf+ length: " + length + " (expected: 0-"
                    + MAX_PRF_PLUS_BLOCKS * block + " for " + algorithm + ")");
        }
        byte[] out = new byte[blocks * block];
        byte[] counter = new byte[1];
        MacEngine engine = engine(key);
        try {
            for (int i = 0; i < blocks; i++) {
                if (i > 0) {
                    engine.update(out, (i - 1) * block, block);
                }
                engine.update(seed, 0, seed.length);
                counter[0] = (byte) (i + 1);
                engine.update(counter, 0, 1);
                engine.doFinal(out, i * block);
            }
            return SecretBytes.of(out, 0, length);
        } finally {
            Arrays.fill(out, (byte) 0);
            engine.destroy();
        }
    }

    private MacEngine engine(byte[] key) throws CryptoException {
        if (!algorithm.hasFixedKeyLength()) {
            return JcaMacEngine.create(providers, algorithm.jcaMacName(), false, key,
                    algorithm.jcaMacName());
        }
        byte[] k = aesPrfKey(key);
        try {
            return aesEngine(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /**
     * The key rules: RFC 4434 §2 (XCBC) pads shorter keys with zeros and reduces longer ones;
     * RFC 4615 §3 (CMAC) reduces every key that is not exactly 128 bits.
     */
    private byte[] aesPrfKey(byte[] key) throws CryptoException {
        if (key.length == AES_KEY_BYTES) {
            return key.clone();
        }
        if (key.length < AES_KEY_BYTES && algorithm.equals(PrfAlgorithm.AES128_XCBC)) {
            return Arrays.copyOf(key, AES_KEY_BYTES);
        }
        MacEngine zeroKeyed = aesEngine(new byte[AES_KEY_BYTES]);
        zeroKeyed.update(key, 0, key.length);
        byte[] reduced = new byte[AES_KEY_BYTES];
        zeroKeyed.doFinal(reduced, 0);
        return reduced;
    }

    private MacEngine aesEngine(byte[] key16) throws CryptoException {
        if (algorithm.equals(PrfAlgorithm.AES128_XCBC)) {
            return new AesXcbcMacEngine(providers, key16);
        }
        return JcaMacEngine.create(providers, "AESCMAC", true, key16, "AES");
    }

    @Override
    public String toString() {
        return "Prf[" + algorithm + "]";
    }
}
