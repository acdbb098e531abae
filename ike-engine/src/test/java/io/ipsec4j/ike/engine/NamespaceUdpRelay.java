package io.ipsec4j.ike.engine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Test tool run inside a network namespace: binds UDP ports on one address and relays datagrams
 * over stdin/stdout, so that the engine in the test JVM talks to a peer in another namespace.
 * Stdout lines: {@code localPort srcAddr srcPort hex}; stdin lines: {@code localPort dstAddr dstPort hex}.
 */
public final class NamespaceUdpRelay {
    private NamespaceUdpRelay() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(args[0]);
        DatagramSocket[] sockets = new DatagramSocket[args.length - 1];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        for (int i = 1; i < args.length; i++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, Integer.parseInt(args[i])));
            sockets[i - 1] = s;
            Thread t = new Thread(() -> receive(s, out));
            t.setDaemon(true);
            t.start();
        }
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.trim().split(" ");
            if (f.length != 4) {
                continue;
            }
            int localPort = Integer.parseInt(f[0]);
            byte[] payload = HexFormat.of().parseHex(f[3]);
            for (DatagramSocket s : sockets) {
                if (s.getLocalPort() == localPort) {
                    s.send(new DatagramPacket(payload, payload.length,
                            new InetSocketAddress(InetAddress.getByName(f[1]), Integer.parseInt(f[2]))));
                }
            }
        }
    }

    private static void receive(DatagramSocket s, PrintStream out) {
        byte[] buf = new byte[65535];
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                String hex = HexFormat.of().formatHex(p.getData(), p.getOffset(), p.getLength());
                synchronized (out) {
                    out.println(s.getLocalPort() + " " + p.getAddress().getHostAddress() + " " + p.getPort() + " " + hex);
                }
            }
        } catch (Exception e) {
            // the socket closes when the test ends the process
        }
    }
}
