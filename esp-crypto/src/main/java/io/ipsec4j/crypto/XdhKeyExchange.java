package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * X25519 and X448 (RFC 7748) as IKEv2 groups 31 and 32 (RFC 8031), from the JDK. Key Exchange Data
 * is the little-endian u-coordinate; an all-zero shared secret is rejected (RFC 8031 §2.1).
 */
final class XdhKeyExchange extends KeyExchange {
    private final CryptoProviders providers;
    private final NamedParameterSpec curve;
    private final int length;
    private PrivateKey privateKey;
    private final byte[] publicValue;

    private XdhKeyExchange(KeyExchangeMethod method, CryptoProviders providers, NamedParameterSpec curve,
            int length, PrivateKey privateKey, byte[] publicValue) {
        super(method);
        this.providers = providers;
        this.curve = curve;
        this.length = length;
        this.privateKey = privateKey;
        this.publicValue = publicValue;
    }

    private static NamedParameterSpec curve(KeyExchangeMethod method) throws UnsupportedAlgorithmException {
        if (method.id() == 31) {
            return NamedParameterSpec.X25519;
        }
        if (method.id() == 32) {
            return NamedParameterSpec.X448;
        }
        throw new UnsupportedAlgorithmException("Montgomery curve not implemented: " + method);
    }

    static XdhKeyExchange generatePair(KeyExchangeMethod method, CryptoProviders providers, SecureRandom random)
            throws CryptoException {
        NamedParameterSpec curve = curve(method);
        int length = method.publicValueLengthBytes();
        try {
            KeyPairGenerator kpg = providers.keyPairGenerator("XDH", false);
            kpg.initialize(curve, random);
            KeyPair pair = kpg.generateKeyPair();
            byte[] pub = littleEndian(((XECPublicKey) pair.getPublic()).getU(), length);
            return new XdhKeyExchange(method, providers, curve, length, pair.getPrivate(), pub);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate " + method + " key pair", e);
        }
    }

    /** For known-answer tests: a fixed scalar; the public value is X(k, base point). */
    static XdhKeyExchange fromPrivateScalar(KeyExchangeMethod method, CryptoProviders providers, byte[] k)
            throws CryptoException {
        NamedParameterSpec curve = curve(method);
        int length = method.publicValueLengthBytes();
        try {
            PrivateKey priv = providers.keyFactory("XDH", false).generatePrivate(new XECPrivateKeySpec(curve, k));
            byte[] base = new byte[length];
            base[0] = (byte) (method.id() == 31 ? 9 : 5);
            XdhKeyExchange tmp = new XdhKeyExchange(method, providers, curve, length, priv, new byte[length]);
            byte[] pub = tmp.computeSharedSecret(base).copyBytes();
            return new XdhKeyExchange(method, providers, curve, length, priv, pub);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot import " + method + " private key", e);
        }
    }

    static byte[] littleEndian(BigInteger u, int length) {
        byte[] be = ModpKeyExchange.encode(u, length);
        byte[] le = new byte[length];
        for (int i = 0; i < length; i++) {
            le[i] = be[length - 1 - i];
        }
        return le;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public SecretBytes computeSharedSecret(byte[] peerValue) throws CryptoException {
        if (privateKey == null) {
            throw new IllegalStateException("key exchange closed");
        }
        checkLength(peerValue, length);
        byte[] be = new byte[length];
        for (int i = 0; i < length; i++) {
            be[i] = peerValue[length - 1 - i];
        }
        if (length == 32) {
            be[0] &= 0x7f; // RFC 7748 §5: X25519 ignores the top bit of the u-coordinate.
        }
        byte[] z = null;
        try {
            PublicKey peer = providers.keyFactory("XDH", false)
                    .generatePublic(new XECPublicKeySpec(curve, new BigInteger(1, be)));
            KeyAgreement ka = providers.keyAgreement("XDH", false);
            ka.init(privateKey);
            ka.doPhase(peer, true);
            z = ka.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new InvalidPublicValueException(method() + " agreement failed (small-order or invalid point)");
        }
        int acc = 0;
        for (byte b : z) {
            acc |= b;
        }
        try {
            if (acc == 0) {
                throw new InvalidPublicValueException(method() + " shared secret is all zero (RFC 8031 §2.1)");
            }
            return SecretBytes.of(z);
        } finally {
            Arrays.fill(z, (byte) 0);
        }
    }

    @Override
    public void close() {
        privateKey = null;
    }
}
