package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.capture.PcapUdpReader;
import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.ike.v1.IkeV1KePayload;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageDecoder;
import io.ipsec4j.ike.v1.IkeV1WiresharkKeys;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeWiresharkKeyRow;
import io.ipsec4j.ike.v2.IkeWiresharkKeys;
import io.ipsec4j.interop.CharonLog;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.interop.UdpCapture;
import io.ipsec4j.model.SecretBytes;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Two charons (esp-crypto's {@link StrongSwanPair}, no children of its own) loading the swanctl.conf
 * of a doctor scenario per node, with short retransmission timeouts; A (192.0.2.1, 10.1.0.1)
 * initiates, B (192.0.2.2, 10.2.0.1) responds; tshark captures on A's veth.
 */
final class DoctorLivePair implements AutoCloseable {
    /** One end's configuration. */
    record Side(int version, String ikeProposal, String espProposal, String localId, String remoteId, String psk,
            String localTs, String remoteTs, String remoteAddress, String extra) {}

    private final StrongSwanPair pair;
    private UdpCapture capture;

    DoctorLivePair() throws Exception {
        pair = new StrongSwanPair(List.of()).strongswanConfExtra(String.join("\n", "  retransmit_timeout = 1",
                "  retransmit_base = 1", "  retransmit_tries = 2", "  install_routes = no"));
        boolean started = false;
        try {
            pair.start();
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.A), "ip", "addr", "add", "10.1.0.1/32", "dev", "lo"));
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.B), "ip", "addr", "add", "10.2.0.1/32", "dev", "lo"));
            // 198.51.100.0/24 goes to B, which does not forward: the "unreachable peer" scenario.
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.A), "ip", "route", "add", "198.51.100.0/24",
                    "via", "192.0.2.2"));
            started = true;
        } finally {
            if (!started) {
                pair.close();
            }
        }
    }

    static String conf(Node node, Side s) {
        String local = node == Node.A ? "192.0.2.1" : "192.0.2.2";
        return "connections {\n  doc {\n    version = " + s.version() + "\n    local_addrs = " + local + "\n"
                + "    remote_addrs = " + s.remoteAddress() + "\n    proposals = " + s.ikeProposal() + "\n"
                + "    encap = yes\n" + s.extra() + "\n"
                + "    local {\n      auth = psk\n      id = " + s.localId() + "\n    }\n"
                + "    remote {\n      auth = psk\n      id = " + s.remoteId() + "\n    }\n"
                + "    children {\n      c {\n        local_ts = " + s.localTs() + "\n        remote_ts = " + s.remoteTs()
                + "\n        esp_proposals = " + s.espProposal() + "\n      }\n    }\n  }\n}\n"
                + "secrets {\n  ike-doc {\n    id-1 = " + s.localId() + "\n    id-2 = " + s.remoteId() + "\n    secret = "
                + s.psk() + "\n  }\n}\n";
    }

    private String uri(Node node) {
        return "unix://" + pair.directory().resolve(node.name()).resolve("charon.vici");
    }

    String[] swanctl(Node node, String... args) {
        List<String> cmd = new ArrayList<>(List.of("swanctl"));
        cmd.addAll(List.of(args));
        cmd.add("--uri");
        cmd.add(uri(node));
        return HostCommand.inNamespace(pair.namespace(node), cmd.toArray(new String[0]));
    }

    void load(Node node, Side side) throws Exception {
        Path file = pair.directory().resolve(node.name()).resolve("doctor-swanctl.conf");
        Files.writeString(file, conf(node, side), StandardCharsets.UTF_8);
        HostCommand.check(20, swanctl(node, "--load-all", "--file", file.toString()));
    }

    void startCapture(String name) throws Exception {
        capture = pair.capture(Node.A, pair.veth(Node.A), name);
    }

    /** Stops tshark and returns the capture file's bytes (pcapng, as tshark wrote it). */
    byte[] stopCapture(String name) throws Exception {
        capture.stop();
        return Files.readAllBytes(pair.directory().resolve(name + ".pcapng"));
    }

    HostCommand.Result initiate() throws Exception {
        return HostCommand.run(60, swanctl(Node.A, "--initiate", "--child", "c", "--timeout", "30"));
    }

    HostCommand.Result rekey() throws Exception {
        return HostCommand.run(30, swanctl(Node.A, "--rekey", "--child", "c"));
    }

    String namespace(Node node) {
        return pair.namespace(node);
    }

    String log(Node node) throws Exception {
        Path log = pair.directory().resolve(node.name()).resolve("charon.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /**
     * An ikev2_decryption_table (aes256-sha256 proposals only) for the IKE SAs whose IKE_SA_INIT
     * succeeded, in order, from A's logged SK_e/SK_a dumps: what strongSwan's save-keys plugin writes.
     */
    List<IkeWiresharkKeyRow> keyTable(byte[] capture) throws Exception {
        CharonLog log = pair.log(Node.A);
        List<byte[]> ei = dumps(log, "Sk_ei secret");
        List<byte[]> er = dumps(log, "Sk_er secret");
        List<byte[]> ai = dumps(log, "Sk_ai secret");
        List<byte[]> ar = dumps(log, "Sk_ar secret");
        StringBuilder table = new StringBuilder();
        IkeMessageDecoder decoder = new IkeMessageDecoder();
        List<IkeMessage> inits = new ArrayList<>();
        for (UdpDatagram d : PcapUdpReader.read(capture)) {
            if (d.kind() != UdpDatagram.Kind.IKE || d.ikeMessage()[17] != 0x20) {
                continue;
            }
            IkeMessage m = decoder.decode(Unpooled.wrappedBuffer(d.ikeMessage()));
            if (m.header().exchangeType().equals(IkeExchangeType.IKE_SA_INIT) && m.header().response()
                    && m.payload(IkeKePayload.class).isPresent()) {
                inits.add(m);
            }
        }
        // The log holds the dumps of every scenario so far: this capture's SAs are the last ones.
        int n = ei.size() - inits.size();
        for (IkeMessage m : inits) {
            if (n >= 0) {
                HexFormat h = HexFormat.of();
                table.append(String.format("%016x,%016x,%s,%s,\"AES-CBC-256 [RFC3602]\",%s,%s,\"HMAC_SHA2_256_128 [RFC4868]\"%n",
                        m.header().initiatorSpi(), m.header().responderSpi(), h.formatHex(ei.get(n)), h.formatHex(er.get(n)),
                        h.formatHex(ai.get(n)), h.formatHex(ar.get(n))));
            }
            n++;
        }
        return IkeWiresharkKeys.readIkev2DecryptionTable(table.toString());
    }

    /**
     * An ikev1_decryption_table for the ISAKMP SAs whose key exchange completed (message 4 seen), in
     * order, from A's logged "encryption key Ka" dumps: what strongSwan's save-keys plugin writes.
     */
    String ikev1KeyTable(byte[] capture) throws Exception {
        List<byte[]> ka = dumps(pair.log(Node.A), "encryption key Ka");
        IkeV1MessageDecoder decoder = new IkeV1MessageDecoder();
        List<Long> cookies = new ArrayList<>();
        for (UdpDatagram d : PcapUdpReader.read(capture)) {
            if (d.kind() != UdpDatagram.Kind.IKE || d.ikeMessage()[17] != 0x10) {
                continue;
            }
            IkeV1Message m = decoder.decode(Unpooled.wrappedBuffer(d.ikeMessage()));
            if (!m.header().encrypted() && m.payload(IkeV1KePayload.class).isPresent()
                    && d.source().getHostAddress().equals("192.0.2.2") && !cookies.contains(m.header().initiatorCookie())) {
                cookies.add(m.header().initiatorCookie());
            }
        }
        StringBuilder table = new StringBuilder(IkeWiresharkKeys.HEADER).append('\n');
        int n = ka.size() - cookies.size();
        for (long cookie : cookies) {
            if (n >= 0) {
                table.append(IkeV1WiresharkKeys.ikev1DecryptionRowWithKeys(cookie, SecretBytes.of(ka.get(n)))).append('\n');
            }
            n++;
        }
        return table.toString();
    }

    /**
     * Drops, on {@code node}'s veth egress, the UDP datagrams whose source port is {@code sourcePort}
     * (an htb class whose pfifo holds 0 packets, chosen by a u32 filter: no nft/iptables here).
     */
    void dropUdpFrom(Node node, int sourcePort) throws Exception {
        String dev = pair.veth(node);
        String ns = pair.namespace(node);
        HostCommand.check(10, HostCommand.inNamespace(ns, "tc", "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb",
                "default", "10"));
        HostCommand.check(10, HostCommand.inNamespace(ns, "tc", "class", "add", "dev", dev, "parent", "1:", "classid",
                "1:10", "htb", "rate", "10gbit"));
        HostCommand.check(10, HostCommand.inNamespace(ns, "tc", "class", "add", "dev", dev, "parent", "1:", "classid",
                "1:20", "htb", "rate", "10gbit"));
        HostCommand.check(10, HostCommand.inNamespace(ns, "tc", "qdisc", "add", "dev", dev, "parent", "1:20", "handle",
                "20:", "pfifo", "limit", "0"));
        HostCommand.check(10, HostCommand.inNamespace(ns, "tc", "filter", "add", "dev", dev, "parent", "1:", "protocol",
                "ip", "prio", "1", "u32", "match", "ip", "protocol", "17", "0xff", "match", "ip", "sport",
                Integer.toString(sourcePort), "0xffff", "flowid", "1:20"));
    }

    /** Removes {@link #dropUdpFrom}'s qdisc, if any. */
    void undrop(Node node) throws Exception {
        HostCommand.run(10, HostCommand.inNamespace(pair.namespace(node), "tc", "qdisc", "del", "dev", pair.veth(node),
                "root"));
    }

    /**
     * Makes {@code node} drop every IPv4 fragment (its reassembly memory limits set to 0, so no
     * fragment queue is created), or restores the kernel's defaults (4 MB / 3 MB).
     */
    void ipFragments(Node node, boolean reassemble) throws Exception {
        String high = "net.ipv4.ipfrag_high_thresh";
        String low = "net.ipv4.ipfrag_low_thresh";
        for (String[] kv : reassemble ? new String[][] {{high, "4194304"}, {low, "3145728"}}
                : new String[][] {{low, "0"}, {high, "0"}}) {
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(node), "sh", "-c", "echo " + kv[1] + " > /proc/sys/"
                    + kv[0].replace('.', '/')));
        }
    }

    /**
     * Routes 10.2.0.1 (on A) and 10.1.0.1 (on B) into kernel-libipsec's TUN device, or removes the
     * routes ({@code install_routes = no} here, so that only the ESP scenario has them).
     */
    void routeThroughTunnel(boolean add) throws Exception {
        for (Node node : Node.values()) {
            String[] cmd = HostCommand.inNamespace(pair.namespace(node), "ip", "route", add ? "add" : "del",
                    node == Node.A ? "10.2.0.1/32" : "10.1.0.1/32", "dev", "ipsec0", "src",
                    node == Node.A ? "10.1.0.1" : "10.2.0.1");
            if (add) {
                HostCommand.check(10, cmd);
            } else {
                HostCommand.run(10, cmd);
            }
        }
    }

    String listSas(Node node) throws Exception {
        return HostCommand.run(20, swanctl(node, "--list-sas", "--noblock")).output;
    }

    /** Sends UDP datagrams from A's 10.1.0.1 to B's 10.2.0.1 (into the tunnel when a CHILD_SA is up). */
    void sendThroughTunnel(int count) throws Exception {
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(("doctor datagram " + i).getBytes(StandardCharsets.US_ASCII));
        }
        pair.sendUdp(Node.A, "10.1.0.1", 40000, "10.2.0.1", 9, payloads);
    }

    private static List<byte[]> dumps(CharonLog log, String label) {
        return log.dumps().stream().filter(d -> d.label.equals(label)).map(d -> d.bytes).toList();
    }

    @Override
    public void close() throws Exception {
        pair.close();
    }
}
