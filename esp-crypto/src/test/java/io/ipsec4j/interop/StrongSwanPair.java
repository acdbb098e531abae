package io.ipsec4j.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two charon daemons in two network namespaces joined by a veth pair (IKE-ESP-REFERENCE §10): node
 * A (initiator, 192.0.2.1, subnets 10.1.0.n) and node B (responder, 192.0.2.2, subnets 10.2.0.n),
 * ESP through kernel-libipsec (UDP-encapsulated on port 4500), one CHILD_SA per {@link Child}
 * between 10.1.0.n and 10.2.0.n, and a level-4 charon log per node. Every address lives inside the
 * namespaces this class creates; {@link #close()} stops what it started (by pid) and deletes them.
 *
 * <p>Reusable by the IKE tests: {@link #log(Node)} gives the parsed key dumps, {@link #capture} the
 * UDP payloads on A's veth, {@link #strongswanConfExtra} and {@link #connectionExtra} add settings.
 */
public final class StrongSwanPair implements AutoCloseable {
    /** The two nodes. */
    public enum Node { A, B }

    /** A CHILD_SA to negotiate: its name, strongSwan ESP proposal and subnet index n (1–250). */
    public static final class Child {
        public final String name;
        public final String espProposal;
        public final int index;

        public Child(String name, String espProposal, int index) {
            this.name = Objects.requireNonNull(name, "name");
            this.espProposal = Objects.requireNonNull(espProposal, "espProposal");
            if (index < 1 || index > 250) {
                throw new IllegalArgumentException("child index: " + index + " (expected: 1-250)");
            }
            this.index = index;
        }

        public String initiatorAddress() {
            return "10.1.0." + index;
        }

        public String responderAddress() {
            return "10.2.0." + index;
        }

        @Override
        public String toString() {
            return name + "(" + espProposal + ")";
        }
    }

    /** The IKE proposal used unless changed. */
    public static final String DEFAULT_IKE_PROPOSAL = "aes256-sha256-x25519";
    public static final String PSK = "ipsec4j-interop-test-psk";
    private static final Pattern SA_COUNTERS = Pattern.compile(
            "in\\s+([0-9a-f]{8})(?:_i)?[^,]*,\\s+(\\d+) bytes,\\s+(\\d+) packets");

    private final Path dir;
    private final String nsA;
    private final String nsB;
    private final List<Child> children;
    private final List<Process> processes = new ArrayList<>();
    private String ikeProposal = DEFAULT_IKE_PROPOSAL;
    private String strongswanConfExtra = "";
    private String connectionExtra = "";
    private boolean namespacesCreated;

    /** Prepares (does not start) a pair negotiating {@code children}. */
    public StrongSwanPair(List<Child> children) throws IOException {
        this.children = List.copyOf(children);
        long tag = ProcessHandle.current().pid() % 100_000;
        this.nsA = "i4j" + tag + "a";
        this.nsB = "i4j" + tag + "b";
        this.dir = Files.createTempDirectory("ipsec4j-interop-");
    }

    /** Sets the IKE proposal (before {@link #start()}). */
    public StrongSwanPair ikeProposal(String proposal) {
        this.ikeProposal = proposal;
        return this;
    }

    /** Adds lines inside {@code charon { … }} of both strongswan.conf files (before {@link #start()}). */
    public StrongSwanPair strongswanConfExtra(String lines) {
        this.strongswanConfExtra = lines;
        return this;
    }

    /** Adds lines inside the connection of both swanctl.conf files (before {@link #start()}). */
    public StrongSwanPair connectionExtra(String lines) {
        this.connectionExtra = lines;
        return this;
    }

    public String namespace(Node node) {
        return node == Node.A ? nsA : nsB;
    }

    public Path directory() {
        return dir;
    }

    public String address(Node node) {
        return node == Node.A ? "192.0.2.1" : "192.0.2.2";
    }

    private String vici(Node node) {
        return "unix://" + dir.resolve(node.name()).resolve("charon.vici");
    }

    /** Creates the namespaces, writes the configuration, starts both charons and loads it. */
    public void start() throws IOException, InterruptedException {
        HostCommand.check(10, "ip", "netns", "add", nsA);
        namespacesCreated = true;
        HostCommand.check(10, "ip", "netns", "add", nsB);
        String vethA = nsA.substring(0, Math.min(nsA.length(), 14)) + "v";
        String vethB = nsB.substring(0, Math.min(nsB.length(), 14)) + "v";
        HostCommand.check(10, "ip", "link", "add", vethA, "netns", nsA, "type", "veth", "peer", "name", vethB,
                "netns", nsB);
        for (Node node : Node.values()) {
            String ns = namespace(node);
            String veth = node == Node.A ? vethA : vethB;
            HostCommand.check(10, HostCommand.inNamespace(ns, "ip", "addr", "add", address(node) + "/24", "dev", veth));
            HostCommand.check(10, HostCommand.inNamespace(ns, "ip", "link", "set", veth, "up"));
            HostCommand.check(10, HostCommand.inNamespace(ns, "ip", "link", "set", "lo", "up"));
            for (Child c : children) {
                String a = node == Node.A ? c.initiatorAddress() : c.responderAddress();
                HostCommand.check(10, HostCommand.inNamespace(ns, "ip", "addr", "add", a + "/32", "dev", "lo"));
            }
            Path nodeDir = Files.createDirectories(dir.resolve(node.name()));
            Files.writeString(nodeDir.resolve("strongswan.conf"), strongswanConf(nodeDir), StandardCharsets.UTF_8);
            Files.writeString(nodeDir.resolve("swanctl.conf"), swanctlConf(node), StandardCharsets.UTF_8);
            processes.add(HostCommand.start(nodeDir.resolve("charon.out"), HostCommand.inNamespace(ns, "unshare", "-m",
                    "sh", "-c", "mount -t tmpfs none /run && STRONGSWAN_CONF=" + nodeDir.resolve("strongswan.conf")
                            + " exec " + InteropEnvironment.CHARON)));
        }
        for (Node node : Node.values()) {
            Path socket = dir.resolve(node.name()).resolve("charon.vici");
            Await.poll(Duration.ofSeconds(5), () -> Files.exists(socket));
            HostCommand.check(20, HostCommand.inNamespace(namespace(node), "swanctl", "--load-all", "--file",
                    dir.resolve(node.name()).resolve("swanctl.conf").toString(), "--uri", vici(node)));
        }
    }

    /** The veth interface of {@code node}, for captures. */
    public String veth(Node node) {
        String ns = namespace(node);
        return ns.substring(0, Math.min(ns.length(), 14)) + "v";
    }

    /** Initiates every CHILD_SA from A. */
    public void initiateAll() throws IOException, InterruptedException {
        for (Child c : children) {
            HostCommand.check(30, HostCommand.inNamespace(nsA, "swanctl", "--initiate", "--child", c.name, "--uri",
                    vici(Node.A)));
        }
    }

    /** Sends UDP datagrams inside {@code node}'s namespace (a JVM runs {@link UdpTool} there). */
    public void sendUdp(Node node, String src, int srcPort, String dst, int dstPort, List<byte[]> payloads)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(HostCommand.inNamespace(namespace(node),
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                UdpTool.class.getName(), src, Integer.toString(srcPort), dst, Integer.toString(dstPort))));
        for (byte[] p : payloads) {
            cmd.add(HexFormat.of().formatHex(p));
        }
        HostCommand.check(60, cmd.toArray(new String[0]));
    }

    /** Starts a tshark capture of UDP on {@code interfaceName} inside {@code node}. */
    public UdpCapture capture(Node node, String interfaceName, String name) throws IOException, InterruptedException {
        return UdpCapture.start(this, node, interfaceName, dir.resolve(name + ".pcapng"));
    }

    void register(Process p) {
        processes.add(p);
    }

    /** Returns the parsed charon log of {@code node}. */
    public CharonLog log(Node node) throws IOException {
        return CharonLog.read(dir.resolve(node.name()).resolve("charon.log"));
    }

    /** Returns the output of {@code swanctl --list-sas --noblock} on {@code node}. */
    public String listSas(Node node) throws IOException, InterruptedException {
        return HostCommand.check(20, HostCommand.inNamespace(namespace(node), "swanctl", "--list-sas", "--noblock",
                "--uri", vici(node)));
    }

    /** Returns {bytes, packets} of {@code node}'s inbound SA with {@code spi} from {@code swanctl --list-sas}. */
    public long[] inboundCounters(Node node, int spi) throws IOException, InterruptedException {
        String out = HostCommand.check(20, HostCommand.inNamespace(namespace(node), "swanctl", "--list-sas", "--uri",
                vici(node)));
        Matcher m = SA_COUNTERS.matcher(out);
        String want = String.format("%08x", spi);
        while (m.find()) {
            if (m.group(1).equals(want)) {
                return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            }
        }
        throw new IOException("no inbound SA " + want + " in swanctl --list-sas:\n" + out);
    }

    private String strongswanConf(Path nodeDir) {
        return String.join("\n",
                "charon {",
                "  load_modular = no",
                "  load = random nonce aes sha1 sha2 md5 hmac gcm chapoly curve25519 gmp openssl kdf xcbc cmac ctr ccm"
                        + " pem pkcs1 x509 pubkey kernel-libipsec kernel-netlink socket-default vici",
                "  install_routes = yes",
                strongswanConfExtra,
                "  filelog {",
                "    log {",
                "      path = " + nodeDir.resolve("charon.log"),
                "      default = 1",
                "      ike = 4",
                "      chd = 4",
                "      flush_line = yes",
                "    }",
                "  }",
                "  plugins {",
                "    vici {",
                "      socket = unix://" + nodeDir.resolve("charon.vici"),
                "    }",
                "    kernel-libipsec {",
                "      load = yes",
                "    }",
                "  }",
                "}", "");
    }

    private String swanctlConf(Node node) {
        boolean a = node == Node.A;
        StringBuilder sb = new StringBuilder();
        sb.append("connections {\n  interop {\n    version = 2\n")
                .append("    local_addrs = ").append(address(node)).append('\n')
                .append("    remote_addrs = ").append(address(a ? Node.B : Node.A)).append('\n')
                .append("    proposals = ").append(ikeProposal).append('\n')
                .append("    encap = yes\n")
                .append(connectionExtra).append('\n')
                .append("    local {\n      auth = psk\n      id = ").append(a ? "a" : "b").append("@interop.test\n    }\n")
                .append("    remote {\n      auth = psk\n      id = ").append(a ? "b" : "a").append("@interop.test\n    }\n")
                .append("    children {\n");
        for (Child c : children) {
            sb.append("      ").append(c.name).append(" {\n")
                    .append("        local_ts = ").append(a ? c.initiatorAddress() : c.responderAddress()).append("/32\n")
                    .append("        remote_ts = ").append(a ? c.responderAddress() : c.initiatorAddress()).append("/32\n")
                    .append("        esp_proposals = ").append(c.espProposal).append('\n')
                    .append("      }\n");
        }
        sb.append("    }\n  }\n}\nsecrets {\n  ike-interop {\n    id-a = a@interop.test\n    id-b = b@interop.test\n")
                .append("    secret = ").append(PSK).append("\n  }\n}\n");
        return sb.toString();
    }

    /** Stops the processes this pair started (by pid), deletes the namespaces and the directory. */
    @Override
    public void close() throws IOException {
        try {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            if (namespacesCreated) {
                HostCommand.run(10, "ip", "netns", "del", nsA);
                HostCommand.run(10, "ip", "netns", "del", nsB);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the strongSwan pair", e);
        }
        if (!Boolean.getBoolean("ipsec4j.interop.keep")) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
