package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.withHeadroom;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EspSaConcurrencyTest {
    @ParameterizedTest(name = "{0} threads x {1} packets")
    @CsvSource({"2, 2000", "4, 1000", "8, 500"})
    void threadsSealingOnOneSaNeverShareASequenceNumberAndAllOpen(int threads, int packets) throws Exception {
        EspSa[] sa = EspTestSupport.pair(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, true, EspMode.TUNNEL, 4096);
        Set<Long> sequences = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        byte[] payload = new byte[100];
        payload[0] = 0x45;
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < packets; i++) {
                        ByteBuf buf = withHeadroom(payload, 16, 64);
                        sa[0].seal(buf, 4);
                        sequences.add(buf.getUnsignedInt(buf.readerIndex() + 4));
                        sa[1].open(buf);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failures).isEmpty();
        assertThat(sequences).hasSize(threads * packets);
        assertThat(sa[0].lastSequenceNumber()).isEqualTo((long) threads * packets);
    }
}
