package io.ipsec4j.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ChaCha20-Poly1305 seals and opens ESP-shaped messages (IV after an 8-byte header, so the
 * ciphertext never starts at array index 0) without allocating in proportion to the packet size:
 * a 9000-byte packet costs no more than a 64-byte one (issue 10 §4). Allocation is counted with the
 * JVM's per-thread allocation counter, not timed.
 */
class ChaChaAllocationTest {
    private static final int HEADER = 8;
    private static final int ROUNDS = 2_000;

    @ParameterizedTest
    @EnumSource(CryptoProviders.ChaChaImplementation.class)
    void allocationDoesNotGrowWithThePacketSize(CryptoProviders.ChaChaImplementation impl) throws Exception {
        long small = bytesPerRoundTrip(impl, 64);
        long large = bytesPerRoundTrip(impl, 9000);
        assertThat(large).as("bytes allocated per seal+open of 9000 vs 64 bytes").isLessThan(small + 512);
        // The constant part is the JDK cipher's per-nonce init: 3,856 B on JDK 17 and 4,648 B on
        // JDK 25, the same at 64 and 9000 bytes (BouncyCastle: 864 B). The bound catches the 6-20 KB
        // per packet the JDK path had before.
        assertThat(large).as("bytes allocated per seal+open of 9000 bytes").isLessThan(6144);
    }

    private static long bytesPerRoundTrip(CryptoProviders.ChaChaImplementation impl, int size) throws Exception {
        byte[] km = new byte[36];
        new Random(1).nextBytes(km);
        CryptoProviders providers = CryptoProviders.defaults().withChaCha(impl);
        try (Protection seal = Protection.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                SecretBytes.of(km), null, providers);
                Protection open = Protection.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                        SecretBytes.of(km), null, providers)) {
            byte[] buf = new byte[HEADER + 8 + size + 16];
            long counter = 1;
            for (int i = 0; i < ROUNDS; i++) { // warm-up: scratch arrays reach their size, code compiles
                roundTrip(seal, open, buf, size, counter++);
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < ROUNDS; i++) {
                roundTrip(seal, open, buf, size, counter++);
            }
            return (threads.getCurrentThreadAllocatedBytes() - before) / ROUNDS;
        }
    }

    private static void roundTrip(Protection seal, Protection open, byte[] buf, int size, long counter)
            throws CryptoException {
        seal.seal(buf, 0, HEADER, buf, HEADER, size, null, counter);
        open.open(buf, 0, HEADER, buf, HEADER, size, null);
    }
}
