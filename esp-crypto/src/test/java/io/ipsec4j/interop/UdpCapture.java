package io.ipsec4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A tshark capture of UDP inside one namespace; {@link #stop()} returns the datagrams' payloads.
 *
 * <p>Stopping waits for a condition, not for a time: it sends one end-marker datagram (UDP port 9,
 * discard) through the captured interface and waits until tshark has processed it. tshark handles
 * packets in order, so every datagram sent before the marker is in the file when tshark stops.
 * The marker is left out of the returned datagrams.
 */
public final class UdpCapture {
    /** The discard port (RFC 863): no test sends anything else to it. */
    static final int END_MARKER_PORT = 9;

    /** One captured UDP datagram. */
    public static final class Datagram {
        public final String source;
        public final int sourcePort;
        public final String destination;
        public final int destinationPort;
        public final byte[] payload;

        Datagram(String source, int sourcePort, String destination, int destinationPort, byte[] payload) {
            this.source = source;
            this.sourcePort = sourcePort;
            this.destination = destination;
            this.destinationPort = destinationPort;
            this.payload = payload;
        }
    }

    private final StrongSwanPair pair;
    private final StrongSwanPair.Node node;
    private final String iface;
    private final Process tshark;
    private final Path file;
    private final Path log;

    private UdpCapture(StrongSwanPair pair, StrongSwanPair.Node node, String iface, Process tshark, Path file, Path log) {
        this.pair = pair;
        this.node = node;
        this.iface = iface;
        this.tshark = tshark;
        this.file = file;
        this.log = log;
    }

    static UdpCapture start(StrongSwanPair pair, StrongSwanPair.Node node, String iface, Path file)
            throws IOException, InterruptedException {
        Path log = Path.of(file + ".log");
        // -P -l -T fields: besides writing the file, print each packet's port and payload as soon as
        // it is processed, so that stop() can see its end marker go by.
        Process p = HostCommand.start(log, HostCommand.inNamespace(pair.namespace(node), "tshark", "-n", "-i", iface,
                "-f", "udp", "-w", file.toString(), "-P", "-l", "-T", "fields", "-e", "udp.dstport", "-e", "udp.payload"));
        pair.register(p);
        if (Await.poll(Duration.ofSeconds(10), () -> Files.exists(log) && Files.readString(log).contains("Capturing on"))) {
            return new UdpCapture(pair, node, iface, p, file, log);
        }
        throw new IOException("tshark did not start capturing on " + iface + ": " + Files.readString(log));
    }

    /**
     * Stops a capture on the node's veth: the end marker goes to the other node's address. Everything
     * sent before this call is in the returned list.
     */
    public List<Datagram> stop() throws IOException, InterruptedException {
        if (!iface.equals(pair.veth(node))) {
            throw new IllegalStateException("capture on " + iface + ": use stop(destination) with an address routed"
                    + " through it");
        }
        return stop(pair.address(node == StrongSwanPair.Node.A ? StrongSwanPair.Node.B : StrongSwanPair.Node.A));
    }

    /**
     * Sends the end marker from the captured node to {@code destination} (an address the kernel routes
     * through the captured interface), waits until tshark has processed it, stops tshark and reads the
     * UDP datagrams of the capture, the marker left out.
     */
    public List<Datagram> stop(String destination) throws IOException, InterruptedException {
        String marker = "ipsec4j-capture-end-" + Long.toHexString(System.nanoTime());
        String markerHex = HexFormat.of().formatHex(marker.getBytes(StandardCharsets.US_ASCII));
        HostCommand.check(10, HostCommand.inNamespace(pair.namespace(node), "bash", "-c",
                "printf %s " + marker + " > /dev/udp/" + destination + "/" + END_MARKER_PORT));
        Await.until("tshark on " + iface + " to process the end marker sent to " + destination, Duration.ofSeconds(10),
                () -> Files.readString(log).contains(markerHex));
        tshark.destroy();
        tshark.waitFor();
        String out = HostCommand.check(60, "tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=/t",
                "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst", "-e", "udp.dstport", "-e", "udp.payload");
        List<Datagram> datagrams = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 5 || f[1].isEmpty()) {
                continue;
            }
            Datagram d = new Datagram(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                    HexFormat.of().parseHex(f[4].replace(":", "")));
            if (d.destinationPort != END_MARKER_PORT || !HexFormat.of().formatHex(d.payload).equals(markerHex)) {
                datagrams.add(d);
            }
        }
        return datagrams;
    }
}
