package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import org.junit.jupiter.api.Test;

class PrfTest {
    private static final CryptoProviders P = CryptoProviders.defaults();

    @Test
    void prfPlusIsLimitedTo255Blocks() throws Exception {
        Prf prf = Prf.create(PrfAlgorithm.HMAC_SHA1, P);
        assertThat(prf.prfPlus(new byte[20], new byte[8], 255 * 20).length()).isEqualTo(5100);
        assertThatThrownBy(() -> prf.prfPlus(new byte[20], new byte[8], 255 * 20 + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 0-5100");
    }

    @Test
    void prfPlusPrefixesAgree() throws Exception {
        Prf prf = Prf.create(PrfAlgorithm.HMAC_SHA2_256, P);
        byte[] longer = prf.prfPlus(new byte[32], new byte[] {1, 2, 3}, 100).copyBytes();
        byte[] shorter = prf.prfPlus(new byte[32], new byte[] {1, 2, 3}, 33).copyBytes();
        assertThat(java.util.Arrays.copyOf(longer, 33)).isEqualTo(shorter);
    }

    @Test
    void unimplementedPrfsAndMacsAreTyped() {
        assertThatThrownBy(() -> Prf.create(PrfAlgorithm.HMAC_TIGER, P))
                .isInstanceOf(UnsupportedAlgorithmException.class).hasMessageContaining("HMAC_TIGER");
        assertThatThrownBy(() -> IntegrityMac.create(IntegrityAlgorithm.AES_128_GMAC, SecretBytes.of(new byte[16]), P))
                .isInstanceOf(UnsupportedAlgorithmException.class);
    }

    @Test
    void integrityKeysMustHaveTheTransformsLength() {
        assertThatThrownBy(() -> IntegrityMac.create(IntegrityAlgorithm.HMAC_SHA2_256_128, SecretBytes.of(new byte[20]), P))
                .isInstanceOf(CryptoException.class).hasMessageContaining("20 (expected: 32)");
    }
}
