package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtectionTest {
    private static final CryptoProviders P = CryptoProviders.defaults();

    @Test
    void keyMaterialOfTheWrongLengthIsRejectedBeforeUse() {
        assertThatThrownBy(() -> Protection.create(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE,
                SecretBytes.of(new byte[16]), null, P))
                .isInstanceOf(CryptoException.class).hasMessageContaining("16 (expected: 20, key plus salt)");
        assertThatThrownBy(() -> Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128,
                SecretBytes.of(new byte[16]), SecretBytes.of(new byte[20]), P))
                .isInstanceOf(CryptoException.class).hasMessageContaining("20 (expected: 32)");
    }

    @Test
    void aeadWithIntegrityAndCbcWithoutIntegrityAreRejected() {
        assertThatThrownBy(() -> Protection.create(Encryption.AES128_GCM_16, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(new byte[20]), SecretBytes.of(new byte[20]), P))
                .isInstanceOf(CryptoException.class).hasMessageContaining("expected: NONE");
        assertThatThrownBy(() -> Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.NONE,
                SecretBytes.of(new byte[16]), null, P))
                .isInstanceOf(CryptoException.class).hasMessageContaining("integrity NONE");
    }

    @Test
    void unimplementedAlgorithmsAreTyped() {
        Encryption camellia = Encryption.of(EncryptionAlgorithm.CAMELLIA_CBC, 128);
        assertThatThrownBy(() -> Protection.create(camellia, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(new byte[16]), SecretBytes.of(new byte[20]), P))
                .isInstanceOf(UnsupportedAlgorithmException.class).hasMessageContaining("CAMELLIA_CBC");
    }

    @Test
    void cbcCiphertextThatIsNotBlockAlignedFailsOnlyAfterTheIcv() throws Exception {
        try (Protection p = Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(new byte[16]), SecretBytes.of(new byte[20]), P)) {
            byte[] buf = new byte[16 + 20 + 12];
            assertThatThrownBy(() -> p.open(new byte[0], 0, 0, buf, 0, 20, null))
                    .isInstanceOf(IcvMismatchException.class).hasMessage("integrity check value mismatch");
            assertThatThrownBy(() -> p.seal(new byte[0], 0, 0, buf, 0, 20, null, 1))
                    .isInstanceOf(CryptoException.class).hasMessageContaining("multiple of 16");
        }
    }

    @Test
    void cbcIvsAreUnpredictableAndCounterIvsAreTheCounter() throws Exception {
        byte[] a = new byte[16 + 16 + 12];
        byte[] b = new byte[16 + 16 + 12];
        try (Protection p = Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(new byte[16]), SecretBytes.of(new byte[20]), P)) {
            p.seal(new byte[0], 0, 0, a, 0, 16, null, 1);
            p.seal(new byte[0], 0, 0, b, 0, 16, null, 2);
        }
        assertThat(Arrays.copyOf(a, 16)).isNotEqualTo(Arrays.copyOf(b, 16));
        assertThat(Arrays.copyOf(a, 8)).isNotEqualTo(new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        byte[] g = new byte[8 + 4 + 16];
        try (Protection p = Protection.create(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE,
                SecretBytes.of(new byte[20]), null, P)) {
            p.seal(new byte[0], 0, 0, g, 0, 4, null, 0x0102030405060708L);
        }
        assertThat(Arrays.copyOf(g, 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void descriptionsNameTheImplementationButNoKey() throws Exception {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x5a);
        try (Protection p = Protection.create(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE,
                SecretBytes.of(key), null, P)) {
            assertThat(p.implementation()).contains("AES/GCM/NoPadding");
            assertThat(p.toString()).doesNotContain("5a5a").doesNotContain("5A5A");
        }
        try (Protection p = Protection.create(Encryption.of(EncryptionAlgorithm.AES_GCM_8, 128),
                IntegrityAlgorithm.NONE, SecretBytes.of(key), null, P)) {
            assertThat(p.implementation()).contains("BC");
            assertThat(p.icvLengthBytes()).isEqualTo(8);
        }
    }

    /**
     * Regression: BouncyCastle's ChaCha20 and GCM and the JDK's ChaCha20 remember the nonce of
     * their last init in either direction; a (forged) message carrying the IV of our next seal, or
     * a message opened twice, made the next seal or open fail. Every AEAD suite, both ChaCha20
     * implementations.
     */
    @Test
    void openingAMessageWithOurNextIvBreaksNeitherTheNextSealNorTheNextOpen() throws Exception {
        Encryption[] suites = {Encryption.AES128_GCM_16, Encryption.of(EncryptionAlgorithm.AES_GCM_8, 128),
                Encryption.of(EncryptionAlgorithm.AES_CCM_16, 128), Encryption.of(EncryptionAlgorithm.NULL_AUTH_AES_GMAC, 128),
                Encryption.CHACHA20_POLY1305};
        for (CryptoProviders providers : new CryptoProviders[] {P.withChaCha(CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE),
                P.withChaCha(CryptoProviders.ChaChaImplementation.JDK)}) {
            for (Encryption enc : suites) {
                try (Protection p = Protection.create(enc, IntegrityAlgorithm.NONE,
                        SecretBytes.of(new byte[enc.keyMaterialLengthBytes()]), null, providers)) {
                    int icv = enc.algorithm().icvLengthBytes();
                    byte[] forged = new byte[8 + 32 + icv];
                    forged[7] = 2; // IV = counter 2, which we seal with next
                    assertThatThrownBy(() -> p.open(new byte[0], 0, 0, forged, 0, 32, null))
                            .as(enc + " " + providers).isInstanceOf(IcvMismatchException.class);
                    byte[] buf = new byte[8 + 32 + icv];
                    assertThat(p.seal(new byte[0], 0, 0, buf, 0, 32, null, 2))
                            .as(enc + " " + providers).isEqualTo(8 + 32 + icv);
                    byte[] copy = buf.clone();
                    assertThat(p.open(new byte[0], 0, 0, buf, 0, 32, null)).isEqualTo(32);
                    assertThat(p.open(new byte[0], 0, 0, copy, 0, 32, null))
                            .as("opened twice: " + enc + " " + providers).isEqualTo(32);
                }
            }
        }
    }
}
