package io.ipsec4j.ike.engine;

import io.ipsec4j.interop.HostCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The test JVM's end of a {@link NamespaceUdpRelay} started in a network namespace. */
final class RelayProcess implements AutoCloseable {
    /** A datagram received by the relay on {@code to} from {@code from}. */
    record Received(InetSocketAddress from, InetSocketAddress to, byte[] datagram) {
    }

    private final Process process;
    private final Writer in;
    private final String address;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();

    private RelayProcess(Process process, String address) {
        this.process = process;
        this.address = address;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::read, "relay-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static RelayProcess start(String namespace, String address, int... ports) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(HostCommand.inNamespace(namespace,
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                NamespaceUdpRelay.class.getName(), address)));
        for (int p : ports) {
            cmd.add(Integer.toString(p));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        RelayProcess relay = new RelayProcess(p, address);
        if (relay.ready.poll(60, TimeUnit.SECONDS) == null) {
            relay.close();
            throw new IOException("relay did not start in " + namespace);
        }
        return relay;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(" ");
                if (f.length == 1) {
                    ready.add(line);
                } else if (f.length == 4) {
                    received.add(new Received(new InetSocketAddress(f[1], Integer.parseInt(f[2])),
                            new InetSocketAddress(address, Integer.parseInt(f[0])), HexFormat.of().parseHex(f[3])));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    void send(int localPort, InetSocketAddress to, byte[] datagram) throws IOException {
        in.write(localPort + " " + to.getAddress().getHostAddress() + " " + to.getPort() + " "
                + HexFormat.of().formatHex(datagram) + "\n");
        in.flush();
    }

    Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
