package io.ipsec4j.crypto;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/** Finite-field Diffie-Hellman over the MODP groups (RFC 2409, RFC 3526, RFC 5114). */
final class ModpKeyExchange extends KeyExchange {
    /** Private exponents have at least this many bits, and twice the group's strength. */
    private static final int MIN_EXPONENT_BITS = 256;

    private final ModpGroup group;
    private BigInteger x;
    private final byte[] publicValue;

    private ModpKeyExchange(KeyExchangeMethod method, ModpGroup group, BigInteger x) {
        super(method);
        this.group = group;
        this.x = x;
        this.publicValue = encode(group.g.modPow(x, group.p), group.lengthBytes());
    }

    static ModpKeyExchange generatePair(KeyExchangeMethod method, SecureRandom random) throws CryptoException {
        ModpGroup group = group(method);
        BigInteger x;
        if (group.smallSubgroup) {
            // x in [2, q-2]: exponents live in the prime-order subgroup (RFC 5114 §2).
            BigInteger range = group.q.subtract(BigInteger.valueOf(3));
            do {
                x = new BigInteger(group.q.bitLength(), random);
            } while (x.compareTo(range) >= 0);
            x = x.add(BigInteger.TWO);
        } else {
            int bits = Math.min(group.p.bitLength() - 2,
                    Math.max(MIN_EXPONENT_BITS, 2 * method.securityStrengthBits()));
            do {
                x = new BigInteger(bits, random);
            } while (x.bitLength() < 2);
        }
        return new ModpKeyExchange(method, group, x);
    }

    /** For known-answer tests: a fixed private exponent. */
    static ModpKeyExchange fromPrivateExponent(KeyExchangeMethod method, BigInteger x) throws CryptoException {
        return new ModpKeyExchange(method, group(method), x);
    }

    private static ModpGroup group(KeyExchangeMethod method) throws UnsupportedAlgorithmException {
        ModpGroup group = ModpGroup.of(method);
        if (group == null) {
            throw new UnsupportedAlgorithmException("MODP group not implemented: " + method);
        }
        return group;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public SecretBytes computeSharedSecret(byte[] peerValue) throws CryptoException {
        if (x == null) {
            throw new IllegalStateException("key exchange closed");
        }
        checkLength(peerValue, group.lengthBytes());
        BigInteger y = new BigInteger(1, peerValue);
        BigInteger pMinusOne = group.p.subtract(BigInteger.ONE);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(pMinusOne) >= 0) {
            throw new InvalidPublicValueException("MODP public value outside 1 < y < p-1 (RFC 6989 §2.1)");
        }
        if (group.smallSubgroup && !y.modPow(group.q, group.p).equals(BigInteger.ONE)) {
            throw new InvalidPublicValueException(
                    "MODP public value not in the prime-order subgroup (RFC 6989 §2.2)");
        }
        BigInteger z = y.modPow(x, group.p);
        if (z.compareTo(BigInteger.ONE) <= 0 || z.equals(pMinusOne)) {
            throw new InvalidPublicValueException("degenerate MODP shared secret");
        }
        byte[] encoded = encode(z, group.lengthBytes());
        try {
            return SecretBytes.of(encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** Big-endian, left-padded with zeros to the prime's length (RFC 7296 §2.14). */
    static byte[] encode(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        Arrays.fill(raw, (byte) 0);
        return out;
    }

    @Override
    public void close() {
        // BigInteger is immutable: dropping the reference is all that can be done.
        x = null;
    }
}
