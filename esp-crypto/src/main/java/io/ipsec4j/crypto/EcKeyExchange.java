package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * ECDH over prime curves: NIST P-256/384/521 from the JDK (RFC 5903), P-192/P-224 (RFC 5114) and
 * Brainpool (RFC 6954) from BouncyCastle, which JDK 17 no longer ships. Key Exchange Data is x ‖ y,
 * each padded to the field length; the shared secret is x (RFC 5903 §7).
 */
final class EcKeyExchange extends KeyExchange {
    private final CryptoProviders providers;
    private final boolean bc;
    private final ECParameterSpec params;
    private final int fieldBytes;
    private PrivateKey privateKey;
    private final byte[] publicValue;

    private EcKeyExchange(KeyExchangeMethod method, CryptoProviders providers, boolean bc,
            ECParameterSpec params, PrivateKey privateKey, ECPoint publicPoint) {
        super(method);
        this.providers = providers;
        this.bc = bc;
        this.params = params;
        this.fieldBytes = (params.getCurve().getField().getFieldSize() + 7) / 8;
        this.privateKey = privateKey;
        this.publicValue = new byte[2 * fieldBytes];
        put(publicPoint.getAffineX(), publicValue, 0);
        put(publicPoint.getAffineY(), publicValue, fieldBytes);
    }

    /** The curve name both the JDK and BouncyCastle accept, or {@code null}. */
    static String curveName(KeyExchangeMethod method) {
        switch (method.id()) {
            case 19: return "secp256r1";
            case 20: return "secp384r1";
            case 21: return "secp521r1";
            case 25: return "secp192r1";
            case 26: return "secp224r1";
            case 27: return "brainpoolP224r1";
            case 28: return "brainpoolP256r1";
            case 29: return "brainpoolP384r1";
            case 30: return "brainpoolP512r1";
            default: return null;
        }
    }

    /** JDK 17 implements only the three RFC 5903 curves. */
    private static boolean needsBouncyCastle(KeyExchangeMethod method) {
        return method.id() > 21;
    }

    static EcKeyExchange generatePair(KeyExchangeMethod method, CryptoProviders providers, SecureRandom random)
            throws CryptoException {
        String name = name(method);
        boolean bc = needsBouncyCastle(method);
        try {
            KeyPairGenerator kpg = providers.keyPairGenerator("EC", bc);
            kpg.initialize(new ECGenParameterSpec(name), random);
            KeyPair pair = kpg.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            return new EcKeyExchange(method, providers, bc, pub.getParams(), pair.getPrivate(), pub.getW());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate " + method + " key pair", e);
        }
    }

    /** For known-answer tests: a fixed private scalar (the public point is derived with BouncyCastle math). */
    static EcKeyExchange fromPrivateScalar(KeyExchangeMethod method, CryptoProviders providers, BigInteger s)
            throws CryptoException {
        String name = name(method);
        boolean bc = needsBouncyCastle(method);
        try {
            AlgorithmParameters ap = providers.algorithmParameters("EC", bc);
            ap.init(new ECGenParameterSpec(name));
            ECParameterSpec params = ap.getParameterSpec(ECParameterSpec.class);
            PrivateKey priv = providers.keyFactory("EC", bc).generatePrivate(new ECPrivateKeySpec(s, params));
            org.bouncycastle.math.ec.ECPoint q = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName(name)
                    .getG().multiply(s).normalize();
            ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return new EcKeyExchange(method, providers, bc, params, priv, w);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot import " + method + " private key", e);
        }
    }

    private static String name(KeyExchangeMethod method) throws UnsupportedAlgorithmException {
        String name = curveName(method);
        if (name == null) {
            throw new UnsupportedAlgorithmException("ECP group not implemented: " + method);
        }
        return name;
    }

    private void put(BigInteger v, byte[] out, int offset) {
        byte[] enc = ModpKeyExchange.encode(v, fieldBytes);
        System.arraycopy(enc, 0, out, offset, fieldBytes);
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
        checkLength(peerValue, 2 * fieldBytes);
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(peerValue, 0, fieldBytes));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(peerValue, fieldBytes, 2 * fieldBytes));
        validate(x, y);
        byte[] z = null;
        try {
            KeyFactory kf = providers.keyFactory("EC", bc);
            PublicKey peer = kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
            KeyAgreement ka = providers.keyAgreement("ECDH", bc);
            ka.init(privateKey);
            ka.doPhase(peer, true);
            z = ka.generateSecret();
            byte[] fixed = ModpKeyExchange.encode(new BigInteger(1, z), fieldBytes);
            try {
                return SecretBytes.of(fixed);
            } finally {
                Arrays.fill(fixed, (byte) 0);
            }
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new InvalidPublicValueException("ECDH with the peer's " + getMethodName() + " point failed");
        } finally {
            if (z != null) {
                Arrays.fill(z, (byte) 0);
            }
        }
    }

    private String getMethodName() {
        return method().toString();
    }

    /** RFC 6989 §2.3 / RFC 5903 §7: coordinates in the field and the point on the curve. */
    private void validate(BigInteger x, BigInteger y) throws InvalidPublicValueException {
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new InvalidPublicValueException("ECP point coordinate not below the field prime");
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        if (!lhs.equals(rhs)) {
            throw new InvalidPublicValueException("ECP point not on the curve of " + method());
        }
    }

    @Override
    public void close() {
        privateKey = null;
    }
}
