package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-512/768/1024 (FIPS 203) as IKEv2 key exchange methods 35–37, on BouncyCastle's
 * lightweight API (JDK 17 has no ML-KEM). The initiator sends its encapsulation key, the responder
 * the ciphertext; the shared secret is the 32-byte KEM secret.
 */
final class MlKemKeyExchange extends KeyExchange {
    /** FIPS 203: q = 3329; each 384-byte chunk of ek holds 256 12-bit coefficients. */
    private static final int Q = 3329;
    private static final int POLY_BYTES = 384;

    private MLKEMPrivateKeyParameters privateKey;
    private final byte[] publicValue;

    private MlKemKeyExchange(KeyExchangeMethod method, MLKEMPrivateKeyParameters privateKey, byte[] publicValue) {
        super(method);
        this.privateKey = privateKey;
        this.publicValue = publicValue;
    }

    static MLKEMParameters parameters(KeyExchangeMethod method) throws UnsupportedAlgorithmException {
        switch (method.id()) {
            case 35: return MLKEMParameters.ml_kem_512;
            case 36: return MLKEMParameters.ml_kem_768;
            case 37: return MLKEMParameters.ml_kem_1024;
            default: throw new UnsupportedAlgorithmException("ML-KEM parameter set not implemented: " + method);
        }
    }

    static MlKemKeyExchange generatePair(KeyExchangeMethod method, SecureRandom random) throws CryptoException {
        MLKEMKeyPairGenerator kpg = new MLKEMKeyPairGenerator();
        kpg.init(new MLKEMKeyGenerationParameters(random, parameters(method)));
        AsymmetricCipherKeyPair pair = kpg.generateKeyPair();
        byte[] ek = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
        return new MlKemKeyExchange(method, (MLKEMPrivateKeyParameters) pair.getPrivate(), ek);
    }

    static KeyExchangeResponse encapsulate(KeyExchangeMethod method, byte[] ek, SecureRandom random)
            throws CryptoException {
        MLKEMParameters params = parameters(method);
        if (ek.length != method.publicValueLengthBytes()) {
            throw new InvalidPublicValueException("ML-KEM encapsulation key length for " + method + ": "
                    + ek.length + " (expected: " + method.publicValueLengthBytes() + ")");
        }
        checkModulus(ek, params.getK());
        SecretWithEncapsulation swe;
        try {
            swe = new MLKEMGenerator(random).generateEncapsulated(new MLKEMPublicKeyParameters(params, ek));
        } catch (IllegalArgumentException e) {
            throw new InvalidPublicValueException("ML-KEM encapsulation key rejected for " + method);
        }
        byte[] secret = swe.getSecret();
        try {
            return new KeyExchangeResponse(swe.getEncapsulation(), SecretBytes.of(secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** FIPS 203 §7.2 modulus check: every coefficient of t̂ decodes below q. */
    private static void checkModulus(byte[] ek, int k) throws InvalidPublicValueException {
        for (int i = 0; i + 2 < k * POLY_BYTES; i += 3) {
            int b0 = ek[i] & 0xff;
            int b1 = ek[i + 1] & 0xff;
            int b2 = ek[i + 2] & 0xff;
            int c0 = b0 | ((b1 & 0x0f) << 8);
            int c1 = (b1 >>> 4) | (b2 << 4);
            if (c0 >= Q || c1 >= Q) {
                throw new InvalidPublicValueException("ML-KEM encapsulation key fails the modulus check (FIPS 203 §7.2)");
            }
        }
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public SecretBytes computeSharedSecret(byte[] ciphertext) throws CryptoException {
        if (privateKey == null) {
            throw new IllegalStateException("key exchange closed");
        }
        checkLength(ciphertext, method().responderPublicValueLengthBytes());
        byte[] secret = new MLKEMExtractor(privateKey).extractSecret(ciphertext);
        try {
            return SecretBytes.of(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public void close() {
        privateKey = null;
    }
}
