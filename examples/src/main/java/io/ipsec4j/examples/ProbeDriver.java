package io.ipsec4j.examples;

import io.ipsec4j.ike.probe.IkeProbe;
import io.ipsec4j.ike.probe.IkeProbeResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The socket half of an {@link IkeProbe}: one connected JDK {@link DatagramChannel} and a
 * {@link Selector}, a few dozen lines that a controller replaces with its own event loop.
 *
 * <p>The channel is connected to the responder, so the kernel drops datagrams from anyone else;
 * an ICMP port unreachable is treated like silence. The probe is built once the local address is
 * known (its NAT_DETECTION hashes need it).
 */
public final class ProbeDriver {
    private static final int MAX_DATAGRAM = 65_535;

    private ProbeDriver() {}

    /**
     * Probes {@code remote} from an ephemeral port and returns the result when the probe finishes.
     *
     * @param probeFactory builds the probe from (local address) with the remote fixed by the caller
     */
    public static IkeProbeResult run(InetSocketAddress remote, Function<InetSocketAddress, IkeProbe> probeFactory,
            Clock clock) throws IOException {
        return run(remote, probeFactory, clock, (sent, datagram) -> { });
    }

    /** Sees every datagram the driver sends ({@code sent} true) or receives, in order. */
    @FunctionalInterface
    public interface Recorder {
        void record(boolean sent, byte[] datagram) throws IOException;
    }

    /** As {@link #run(InetSocketAddress, Function, Clock)}, showing every datagram to {@code recorder}. */
    public static IkeProbeResult run(InetSocketAddress remote, Function<InetSocketAddress, IkeProbe> probeFactory,
            Clock clock, Recorder recorder) throws IOException {
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.connect(remote);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            IkeProbe probe = probeFactory.apply(local);
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
            send(channel, probe.tick(clock.instant()), recorder);
            while (!probe.isFinished()) {
                Instant next = probe.nextTick().orElse(clock.instant());
                long waitMillis = Math.max(1, Duration.between(clock.instant(), next).toMillis());
                selector.select(waitMillis);
                selector.selectedKeys().clear();
                for (byte[] datagram = receive(channel, buffer); datagram != null; datagram = receive(channel, buffer)) {
                    recorder.record(false, datagram);
                    send(channel, probe.handleDatagram(datagram, clock.instant()), recorder);
                }
                send(channel, probe.tick(clock.instant()), recorder);
            }
            return probe.result();
        }
    }

    private static byte[] receive(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        try {
            if (channel.receive(buffer) == null) {
                return null;
            }
        } catch (PortUnreachableException e) {
            return null; // nobody listens: the probe's timeout counts it as silence
        }
        buffer.flip();
        byte[] datagram = new byte[buffer.remaining()];
        buffer.get(datagram);
        return datagram;
    }

    private static void send(DatagramChannel channel, List<byte[]> datagrams, Recorder recorder) throws IOException {
        for (byte[] d : datagrams) {
            recorder.record(true, d);
            try {
                channel.write(ByteBuffer.wrap(d));
            } catch (PortUnreachableException e) {
                // an earlier request bounced; this one is still counted by the probe
            }
        }
    }
}
