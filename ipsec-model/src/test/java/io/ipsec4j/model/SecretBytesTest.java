package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
    @Test
    void toStringShowsOnlyTheLength() {
        SecretBytes key = SecretBytes.of(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(key.toString()).isEqualTo("SecretBytes[4 bytes]").doesNotContainIgnoringCase("dead");
    }

    @Test
    void destroyZeroesAndForbidsFurtherReads() {
        SecretBytes key = SecretBytes.of(new byte[] {1, 2, 3});
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::copyBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    }

    @Test
    void sliceTakesKeyParts() {
        SecretBytes keymat = SecretBytes.of(new byte[] {1, 2, 3, 4});
        assertThat(keymat.slice(2, 4).copyBytes()).containsExactly(3, 4);
        assertThat(keymat.slice(0, 2)).isEqualTo(SecretBytes.of(new byte[] {1, 2}));
    }

    @Test
    void aCopyRacingDestroyIsEitherTheWholeSecretOrRefusedNeverZeroes() {
        // 1 MiB so that a copy and the zeroing take long enough to overlap on every run.
        byte[] value = new byte[1 << 20];
        Arrays.fill(value, (byte) 0xa5);
        List<String> torn = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int trial = 0; trial < 20; trial++) {
                SecretBytes key = SecretBytes.of(value);
                AtomicInteger copies = new AtomicInteger();
                Thread reader = new Thread(() -> {
                    while (true) {
                        byte[] copy;
                        try {
                            copy = key.copyBytes();
                        } catch (IllegalStateException destroyed) {
                            return;
                        }
                        if (!Arrays.equals(copy, value)) {
                            synchronized (torn) {
                                if (torn.size() < 3) {
                                    torn.add("a copy with " + countZeroes(copy) + " zero bytes");
                                }
                            }
                        }
                        copies.incrementAndGet();
                    }
                });
                reader.start();
                while (copies.get() == 0) {
                    Thread.onSpinWait();
                }
                key.destroy();
                reader.join();
            }
        });
        assertThat(torn).isEmpty();
    }

    private static int countZeroes(byte[] a) {
        int n = 0;
        for (byte b : a) {
            n += b == 0 ? 1 : 0;
        }
        return n;
    }
}
