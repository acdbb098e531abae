package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyExchangeTest {
    private static final CryptoProviders P = CryptoProviders.defaults();
    private static final SecureRandom RANDOM = new SecureRandom();

    static List<KeyExchangeMethod> methods() {
        return KeyExchangeMethod.knownValues().stream()
                .filter(m -> m.kind() != KeyExchangeMethod.Kind.NONE)
                .collect(Collectors.toList());
    }

    static List<KeyExchangeMethod> modpMethods() {
        return methods().stream().filter(m -> m.kind() == KeyExchangeMethod.Kind.MODP).collect(Collectors.toList());
    }

    static List<KeyExchangeMethod> curveMethods() {
        return methods().stream().filter(m -> m.kind() == KeyExchangeMethod.Kind.ECP
                || m.kind() == KeyExchangeMethod.Kind.BRAINPOOL).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void initiatorAndResponderAgreeWithRegistrySizes(KeyExchangeMethod method) throws Exception {
        try (KeyExchange initiator = KeyExchange.generate(method, P, RANDOM)) {
            assertThat(initiator.publicValue()).hasSize(method.publicValueLengthBytes());
            KeyExchangeResponse response = KeyExchange.respond(method, initiator.publicValue(), P, RANDOM);
            assertThat(response.publicValue()).hasSize(method.responderPublicValueLengthBytes());
            assertThat(initiator.computeSharedSecret(response.publicValue()))
                    .isEqualTo(response.sharedSecret());
            assertThat(response.toString()).doesNotContainPattern("[0-9a-f]{16}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void peerValuesOfTheWrongLengthAreRejected(KeyExchangeMethod method) throws Exception {
        try (KeyExchange ke = KeyExchange.generate(method, P, RANDOM)) {
            byte[] tooShort = new byte[method.responderPublicValueLengthBytes() - 1];
            assertThatThrownBy(() -> ke.computeSharedSecret(tooShort))
                    .isInstanceOf(InvalidPublicValueException.class).hasMessageContaining("expected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modpMethods")
    void modpGroupParametersAreConsistent(KeyExchangeMethod method) {
        ModpGroup g = ModpGroup.of(method);
        assertThat(g.lengthBytes()).isEqualTo(method.publicValueLengthBytes());
        assertThat(g.p.isProbablePrime(2)).isTrue();
        assertThat(g.q.isProbablePrime(2)).isTrue();
        assertThat(g.g.modPow(g.q, g.p)).isEqualTo(BigInteger.ONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modpMethods")
    void modpRejectsOneAndPMinusOne(KeyExchangeMethod method) throws Exception {
        ModpGroup g = ModpGroup.of(method);
        try (KeyExchange ke = KeyExchange.generate(method, P, RANDOM)) {
            for (BigInteger y : List.of(BigInteger.ONE, g.p.subtract(BigInteger.ONE), g.p, BigInteger.ZERO)) {
                byte[] value = ModpKeyExchange.encode(y, g.lengthBytes());
                assertThatThrownBy(() -> ke.computeSharedSecret(value))
                        .isInstanceOf(InvalidPublicValueException.class).hasMessageContaining("RFC 6989");
            }
        }
    }

    @Test
    void rfc5114GroupRejectsValuesOutsideTheSubgroup() throws Exception {
        ModpGroup g = ModpGroup.of(KeyExchangeMethod.MODP_2048_S256);
        try (KeyExchange ke = KeyExchange.generate(KeyExchangeMethod.MODP_2048_S256, P, RANDOM)) {
            byte[] two = ModpKeyExchange.encode(BigInteger.TWO, g.lengthBytes());
            assertThatThrownBy(() -> ke.computeSharedSecret(two))
                    .isInstanceOf(InvalidPublicValueException.class).hasMessageContaining("subgroup");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curveMethods")
    void pointsOffTheCurveAreRejected(KeyExchangeMethod method) throws Exception {
        try (KeyExchange ke = KeyExchange.generate(method, P, RANDOM)) {
            byte[] value = ke.publicValue();
            value[value.length - 1] ^= 1;
            assertThatThrownBy(() -> ke.computeSharedSecret(value))
                    .isInstanceOf(InvalidPublicValueException.class).hasMessageContaining("curve");
            byte[] ones = new byte[value.length];
            Arrays.fill(ones, (byte) 0xff);
            assertThatThrownBy(() -> ke.computeSharedSecret(ones)).isInstanceOf(InvalidPublicValueException.class);
        }
    }

    @Test
    void x25519RejectsLowOrderPointsThatGiveAnAllZeroSecret() throws Exception {
        for (KeyExchangeMethod m : List.of(KeyExchangeMethod.CURVE25519, KeyExchangeMethod.CURVE448)) {
            try (KeyExchange ke = KeyExchange.generate(m, P, RANDOM)) {
                byte[] zero = new byte[m.publicValueLengthBytes()];
                byte[] one = zero.clone();
                one[0] = 1;
                assertThatThrownBy(() -> ke.computeSharedSecret(zero)).isInstanceOf(InvalidPublicValueException.class);
                assertThatThrownBy(() -> ke.computeSharedSecret(one)).isInstanceOf(InvalidPublicValueException.class);
            }
        }
    }

    /** RFC 7748 §6.1 (X25519 Diffie-Hellman), as used by RFC 8031. */
    @Test
    void x25519MatchesRfc7748() throws Exception {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        KeyExchange a = XdhKeyExchange.fromPrivateScalar(KeyExchangeMethod.CURVE25519, P, alice);
        KeyExchange b = XdhKeyExchange.fromPrivateScalar(KeyExchangeMethod.CURVE25519, P, bob);
        assertThat(a.publicValue()).isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
        assertThat(b.publicValue()).isEqualTo(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
        assertThat(a.computeSharedSecret(b.publicValue()).copyBytes())
                .isEqualTo(hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
    }

    @Test
    void mlKemRejectsEncapsulationKeysFailingTheModulusCheck() throws Exception {
        byte[] ek = new byte[KeyExchangeMethod.ML_KEM_768.publicValueLengthBytes()];
        Arrays.fill(ek, (byte) 0xff);
        assertThatThrownBy(() -> KeyExchange.respond(KeyExchangeMethod.ML_KEM_768, ek, P, RANDOM))
                .isInstanceOf(InvalidPublicValueException.class).hasMessageContaining("modulus");
    }

    @Test
    void unknownMethodsAreUnsupported() {
        assertThatThrownBy(() -> KeyExchange.generate(KeyExchangeMethod.valueOf(1000), P, RANDOM))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
