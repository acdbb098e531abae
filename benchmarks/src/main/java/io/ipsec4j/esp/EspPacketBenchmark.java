package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the ESP packet benchmarks share: an outbound and an inbound SA with the same keys (the inbound
 * one without replay window), a work buffer with the SA's headroom, {@value #PACKETS} packets sealed
 * ahead, and the measured library calls {@code seal} ({@link EspSa#seal} of a {@code size}-byte
 * payload in place) and {@code open} (one pre-sealed packet copied into the work buffer, then
 * {@link EspSa#open} in place). Subclasses add their bare baselines on the same bytes.
 */
@State(Scope.Thread)
public abstract class EspPacketBenchmark extends EspBenchmarkBase {
    static final int PACKETS = 64;

    EspSa outbound;
    EspSa inbound;
    ByteBuf work;
    int headroom;
    /** The payload size the SAs were set up with. */
    int payloadSize;
    /** Payload, padding and trailer: what a bare cipher encrypts. */
    int plaintextLength;
    private byte[][] sealed;
    private int next;
    private long counter;

    /** Builds both SAs and seals {@value #PACKETS} packets of {@code size} random payload bytes. */
    void setUpSas(Encryption encryption, IntegrityAlgorithm integrity, EspSaKeys keys, CryptoProviders providers,
            int size, Random random) throws EspException, io.ipsec4j.crypto.CryptoException {
        outbound = EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND).encryption(encryption)
                .integrity(integrity).keys(keys).providers(providers).build();
        inbound = EspSa.builder().spi(0x1000).direction(EspDirection.INBOUND).encryption(encryption)
                .integrity(integrity).keys(keys).providers(providers).replayWindow(0).build();
        payloadSize = size;
        headroom = outbound.headroomBytes();
        work = Unpooled.buffer(headroom + size + outbound.maxTrailerBytes());
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        sealed = new byte[PACKETS][];
        for (int i = 0; i < PACKETS; i++) {
            work.clear().writerIndex(headroom).readerIndex(headroom);
            work.writeBytes(payload);
            outbound.seal(work, 4);
            sealed[i] = new byte[work.readableBytes()];
            work.getBytes(work.readerIndex(), sealed[i]);
        }
        plaintextLength = sealed[0].length - headroom - outbound.icvLengthBytes();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        outbound.close();
        inbound.close();
        work.release();
    }

    @Benchmark
    public ByteBuf seal() throws EspException {
        work.setIndex(headroom, headroom + payloadSize);
        outbound.seal(work, 4);
        return work;
    }

    @Benchmark
    public int open() throws EspException {
        byte[] packet = nextPacket();
        work.setIndex(0, packet.length);
        return inbound.open(work);
    }

    /** Copies the next pre-sealed packet to the start of the work buffer's array and returns it. */
    byte[] nextPacket() {
        byte[] packet = sealed[next];
        next = (next + 1) & (PACKETS - 1);
        System.arraycopy(packet, 0, work.array(), work.arrayOffset(), packet.length);
        return packet;
    }

    /** Writes the next counter as the 8-byte IV after the ESP header; returns the work buffer's array. */
    byte[] writeNextIv() {
        byte[] a = work.array();
        int off = work.arrayOffset();
        counter++;
        for (int i = 0; i < 8; i++) {
            a[off + 8 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        return a;
    }
}
