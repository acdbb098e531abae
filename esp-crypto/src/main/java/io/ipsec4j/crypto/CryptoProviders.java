package io.ipsec4j.crypto;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider implements which primitive; passed explicitly to every factory of this
 * package, never installed with {@code Security.addProvider}.
 *
 * <p>The JDK's providers are used for everything they implement (AES-GCM/CBC/CTR with AES-NI and
 * CLMUL intrinsics, HMAC, the NIST P-curves, X25519/X448). BouncyCastle, as a private provider
 * instance, supplies what JDK 17 lacks: AES-CCM, AES-CMAC, Brainpool, secp192r1/secp224r1 and
 * ML-KEM. ChaCha20-Poly1305 exists in both, and the default takes the faster one for the running
 * JDK ({@link ChaChaImplementation#forRuntime()}). Measured with the benchmarks module
 * ({@code EspChaChaBenchmark}, JMH, 1400-byte packets, one thread, 2-vCPU AMD EPYC), bare
 * implementations, million packets/s seal / open: JDK 17.0.15: JDK 0.232 / 0.213, BouncyCastle
 * 0.180 / 0.182; JDK 25: JDK 0.864 / 0.877 (ChaCha20 and Poly1305 intrinsics), BouncyCastle
 * 0.217 / 0.199. The JDK wins on both, so {@link ChaChaImplementation#JDK} is the default wherever
 * the runtime has the cipher; {@link #withChaCha} switches. JDK 17 buffers the ciphertext of a
 * decryption that does not start at array index 0 (5.9 KB allocated per 1400-byte packet, 20 KB at
 * 9000); the protection stages it at index 0 of a reused array instead (on every JDK before 25, the
 * first without that buffering), so neither implementation allocates in proportion to the packet
 * size.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7634#section-2">RFC 7634 §2</a>
 */
public final class CryptoProviders {

    /** The implementation of ChaCha20-Poly1305. */
    public enum ChaChaImplementation {
        /** {@code Cipher.getInstance("ChaCha20-Poly1305")} from the JDK's SunJCE. */
        JDK,
        /** BouncyCastle's lightweight {@code ChaCha20Poly1305} engine, in place. */
        BOUNCY_CASTLE;

        /**
         * Returns the faster implementation on the running JDK, as measured (see the class comment):
         * {@link #JDK} whenever the runtime offers {@code ChaCha20-Poly1305}, else
         * {@link #BOUNCY_CASTLE}.
         */
        public static ChaChaImplementation forRuntime() {
            try {
                Cipher.getInstance("ChaCha20-Poly1305");
                return JDK;
            } catch (GeneralSecurityException e) {
                return BOUNCY_CASTLE;
            }
        }
    }

    private static final CryptoProviders DEFAULTS =
            new CryptoProviders(null, new BouncyCastleProvider(), ChaChaImplementation.forRuntime());

    private final Provider jdkOverride;
    private final Provider bouncyCastle;
    private final ChaChaImplementation chaCha;

    private CryptoProviders(Provider jdkOverride, Provider bouncyCastle, ChaChaImplementation chaCha) {
        this.jdkOverride = jdkOverride;
        this.bouncyCastle = bouncyCastle;
        this.chaCha = chaCha;
    }

    /**
     * Returns the default choice: JDK providers, one private BouncyCastle instance and the
     * ChaCha20-Poly1305 implementation {@link ChaChaImplementation#forRuntime()} picks.
     */
    public static CryptoProviders defaults() {
        return DEFAULTS;
    }

    /** Returns a copy that uses {@code implementation} for ChaCha20-Poly1305. */
    public CryptoProviders withChaCha(ChaChaImplementation implementation) {
        return new CryptoProviders(jdkOverride, bouncyCastle,
                Objects.requireNonNull(implementation, "implementation"));
    }

    /**
     * Returns a copy that takes JDK-class algorithms (AES, HMAC, ECDH, XDH) from {@code provider}
     * instead of the JDK's default lookup, for example a FIPS or native provider.
     */
    public CryptoProviders withPrimaryProvider(Provider provider) {
        return new CryptoProviders(Objects.requireNonNull(provider, "provider"), bouncyCastle, chaCha);
    }

    /** Returns a copy that uses {@code provider} wherever BouncyCastle is needed. */
    public CryptoProviders withBouncyCastle(Provider provider) {
        return new CryptoProviders(jdkOverride, Objects.requireNonNull(provider, "provider"), chaCha);
    }

    /** Returns the ChaCha20-Poly1305 implementation in use. */
    public ChaChaImplementation chaCha() {
        return chaCha;
    }

    /** Returns the BouncyCastle provider instance (never registered globally). */
    public Provider bouncyCastle() {
        return bouncyCastle;
    }

    /** A JCA factory method taking a provider, such as {@code Mac::getInstance}. */
    @FunctionalInterface
    private interface ProviderLookup<T> {
        T getInstance(String algorithm, Provider provider) throws GeneralSecurityException;
    }

    /** A JCA factory method using the installed providers, such as {@code Mac::getInstance}. */
    @FunctionalInterface
    private interface DefaultLookup<T> {
        T getInstance(String algorithm) throws GeneralSecurityException;
    }

    /**
     * The one place a JCA object is obtained: from BouncyCastle when the algorithm needs it, else
     * from the primary provider if one was set, else from the JDK's default lookup.
     */
    private <T> T instance(String kind, String algorithm, boolean needsBouncyCastle, DefaultLookup<T> byDefault,
            ProviderLookup<T> byProvider) throws CryptoException {
        try {
            if (needsBouncyCastle) {
                return byProvider.getInstance(algorithm, bouncyCastle);
            }
            return jdkOverride == null ? byDefault.getInstance(algorithm) : byProvider.getInstance(algorithm, jdkOverride);
        } catch (GeneralSecurityException e) {
            throw new UnsupportedAlgorithmException("no provider for " + kind + " " + algorithm);
        }
    }

    Cipher cipher(String transformation, boolean needsBouncyCastle) throws CryptoException {
        return instance("cipher", transformation, needsBouncyCastle, Cipher::getInstance, Cipher::getInstance);
    }

    Mac mac(String algorithm, boolean needsBouncyCastle) throws CryptoException {
        return instance("MAC", algorithm, needsBouncyCastle, Mac::getInstance, Mac::getInstance);
    }

    KeyAgreement keyAgreement(String algorithm, boolean needsBouncyCastle) throws CryptoException {
        return instance("key agreement", algorithm, needsBouncyCastle, KeyAgreement::getInstance,
                KeyAgreement::getInstance);
    }

    KeyPairGenerator keyPairGenerator(String algorithm, boolean needsBouncyCastle) throws CryptoException {
        return instance("key pair generator", algorithm, needsBouncyCastle, KeyPairGenerator::getInstance,
                KeyPairGenerator::getInstance);
    }

    KeyFactory keyFactory(String algorithm, boolean needsBouncyCastle) throws CryptoException {
        return instance("key factory", algorithm, needsBouncyCastle, KeyFactory::getInstance, KeyFactory::getInstance);
    }

    AlgorithmParameters algorithmParameters(String algorithm, boolean needsBouncyCastle) throws CryptoException {
        return instance("parameters", algorithm, needsBouncyCastle, AlgorithmParameters::getInstance,
                AlgorithmParameters::getInstance);
    }

    @Override
    public String toString() {
        return "CryptoProviders[primary=" + (jdkOverride == null ? "JDK" : jdkOverride.getName())
                + ", bouncyCastle=" + bouncyCastle.getName() + ", chaCha=" + chaCha + "]";
    }
}
