package io.ipsec4j.interop;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;

/**
 * A tiny UDP sender run inside a network namespace ({@code ip netns exec ns java … UdpTool}):
 * {@code UdpTool <srcAddr> <srcPort> <dstAddr> <dstPort> <hexPayload>…} sends one datagram per
 * payload from the bound source. Only ever used with addresses inside the test's namespaces.
 */
public final class UdpTool {
    private UdpTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: UdpTool srcAddr srcPort dstAddr dstPort hexPayload...");
        }
        try (DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(args[2]), Integer.parseInt(args[3]));
            for (int i = 4; i < args.length; i++) {
                byte[] payload = HexFormat.of().parseHex(args[i]);
                socket.send(new DatagramPacket(payload, payload.length, target));
                Thread.sleep(20);
            }
        }
    }
}
