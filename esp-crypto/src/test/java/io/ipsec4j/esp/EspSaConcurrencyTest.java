package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.withHeadroom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
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

    /** One outbound/inbound pair with its own keys, and whether its close() has returned. */
    private static final class Generation {
        final int id;
        final EspSa out;
        final EspSa in;
        final AtomicInteger opened = new AtomicInteger();
        volatile boolean closeReturned;

        Generation(int id) throws Exception {
            this.id = id;
            EspSaKeys keys = EspTestSupport.randomKeys(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, id);
            // Replay window larger than all packets of the test: reordering can never push one out.
            out = EspSa.builder().spi(0x1000 + id).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_GCM_16)
                    .keys(keys).esn(true).build();
            in = EspSa.builder().spi(0x1000 + id).direction(EspDirection.INBOUND).encryption(Encryption.AES128_GCM_16)
                    .keys(keys).esn(true).replayWindow(1 << 16).build();
        }

        void close() {
            out.close();
            in.close();
            closeReturned = true;
        }
    }

    @Test
    void closingAndReplacingSasUnderTrafficFailsOnlyTypedNeverRepeatsANonceAndSealsNothingAfterClose()
            throws Exception {
        // More threads than the context pool keeps, so contexts are also created while close() runs.
        int threads = 3 * Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        int packetsPerThread = 400;
        int generations = 40;
        // Each generation carries this much traffic before it is closed (bounds the test, not a timing).
        int opensPerGeneration = threads * packetsPerThread / (2 * generations);
        AtomicReference<Generation> current = new AtomicReference<>(new Generation(0));
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        List<String> violations = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        byte[] payload = new byte[60];
        payload[0] = 0x45;
        payload[3] = 60;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < packetsPerThread; i++) {
                            sealAndOpen(current.get(), payload, nonces, violations, opened);
                        }
                    } catch (Throwable e) {
                        violate(violations, "worker: " + e);
                    }
                });
                workers.add(w);
                w.start();
            }
            start.countDown();
            for (int g = 1; g <= generations && workers.stream().anyMatch(Thread::isAlive); g++) {
                Generation old = current.get();
                while (old.opened.get() < opensPerGeneration && workers.stream().anyMatch(Thread::isAlive)) {
                    Thread.onSpinWait();
                }
                Generation next = new Generation(g);
                // Alternate: close before or after the switch, so traffic meets both orders.
                if (g % 2 == 0) {
                    old.close();
                    current.set(next);
                } else {
                    current.set(next);
                    old.close();
                }
            }
            for (Thread w : workers) {
                w.join();
            }
        });
        assertThat(violations).isEmpty();
        assertThat(opened.get()).isGreaterThanOrEqualTo(opensPerGeneration);
        assertThat(nonces).hasSizeGreaterThanOrEqualTo(opened.get());
    }

    /** Seals and opens one packet on {@code g}; only {@link EspSaExpiredException} is an allowed failure. */
    private static void sealAndOpen(Generation g, byte[] payload, Set<String> nonces, List<String> violations,
            AtomicInteger opened) {
        ByteBuf buf = withHeadroom(payload, 16, 64);
        boolean closedBeforeSeal = g.closeReturned;
        try {
            g.out.seal(buf, EspNextHeader.IPV4);
        } catch (EspSaExpiredException e) {
            return;
        } catch (Throwable e) {
            violate(violations, "seal of generation " + g.id + ": " + e);
            return;
        }
        if (closedBeforeSeal) {
            violate(violations, "generation " + g.id + " sealed a packet after close() returned");
        }
        // The AES-GCM nonce is the key's salt and the 8-byte IV after SPI and sequence number.
        byte[] iv = new byte[8];
        buf.getBytes(buf.readerIndex() + 8, iv);
        if (!nonces.add(g.id + ":" + HexFormat.of().formatHex(iv))) {
            violate(violations, "generation " + g.id + " repeated nonce " + HexFormat.of().formatHex(iv));
        }
        boolean closedBeforeOpen = g.closeReturned;
        try {
            g.in.open(buf);
        } catch (EspSaExpiredException e) {
            return;
        } catch (Throwable e) {
            violate(violations, "open of generation " + g.id + ": " + e);
            return;
        }
        if (closedBeforeOpen) {
            violate(violations, "generation " + g.id + " opened a packet after close() returned");
        }
        g.opened.incrementAndGet();
        opened.incrementAndGet();
    }

    private static void violate(List<String> violations, String what) {
        synchronized (violations) {
            if (violations.size() < 10) {
                violations.add(what);
            }
        }
    }
}
