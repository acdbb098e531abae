package io.ipsec4j.ike.engine;

import io.ipsec4j.model.Bytes;
import java.security.SecureRandom;

/**
 * SPIs and nonces drawn from the session's injected random source.
 *
 * <p>RFC 7296 §2.10: nonces are at least 128 bits and at least half the PRF key size (32 bytes
 * here covers every PRF up to SHA-512's 256-bit half); §2.6: IKE SPIs are non-zero; RFC 4303
 * §2.1: ESP SPIs 1–255 are reserved.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.10">RFC 7296 §2.10</a>
 */
final class IkeRandom {
    static final int NONCE_BYTES = 32;

    private IkeRandom() {
    }

    static long ikeSpi(SecureRandom random) {
        long spi;
        do {
            spi = random.nextLong();
        } while (spi == 0);
        return spi;
    }

    static Bytes nonce(SecureRandom random) {
        byte[] n = new byte[NONCE_BYTES];
        random.nextBytes(n);
        return Bytes.of(n);
    }

    static int childSpi(SecureRandom random) {
        int spi;
        do {
            spi = random.nextInt();
        } while (Integer.compareUnsigned(spi, 256) < 0);
        return spi;
    }

    static Bytes spiBytes(int spi) {
        return Bytes.of((byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi);
    }

    static int spiValue(Bytes spi) {
        return (spi.get(0) & 0xFF) << 24 | (spi.get(1) & 0xFF) << 16 | (spi.get(2) & 0xFF) << 8 | spi.get(3) & 0xFF;
    }
}
