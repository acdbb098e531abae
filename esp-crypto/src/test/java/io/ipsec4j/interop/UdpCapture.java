package io.ipsec4j.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A tshark capture of UDP inside one namespace; {@link #stop()} returns the datagrams' payloads. */
public final class UdpCapture {
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

    private final Process tshark;
    private final Path file;

    private UdpCapture(Process tshark, Path file) {
        this.tshark = tshark;
        this.file = file;
    }

    static UdpCapture start(StrongSwanPair pair, StrongSwanPair.Node node, String iface, Path file)
            throws IOException, InterruptedException {
        Path log = Path.of(file + ".log");
        Process p = HostCommand.start(log, HostCommand.inNamespace(pair.namespace(node), "tshark", "-n", "-i", iface,
                "-f", "udp", "-w", file.toString()));
        pair.register(p);
        if (Await.poll(Duration.ofSeconds(10), () -> Files.exists(log) && Files.readString(log).contains("Capturing on"))) {
            return new UdpCapture(p, file);
        }
        throw new IOException("tshark did not start capturing on " + iface + ": " + Files.readString(log));
    }

    /** Stops tshark (by pid) and reads the UDP payloads of the capture. */
    public List<Datagram> stop() throws IOException, InterruptedException {
        Thread.sleep(300);
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
            datagrams.add(new Datagram(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                    HexFormat.of().parseHex(f[4].replace(":", ""))));
        }
        return datagrams;
    }
}
