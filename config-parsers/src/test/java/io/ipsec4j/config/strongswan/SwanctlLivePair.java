package io.ipsec4j.config.strongswan;

import io.ipsec4j.interop.Await;
import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.StrongSwanPair;
import io.ipsec4j.interop.StrongSwanPair.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Two charons in network namespaces (esp-crypto's {@link StrongSwanPair}, started without children)
 * that load swanctl.conf files written by {@link SwanctlWriter} instead of the harness's own: A is
 * 192.0.2.1 with 10.1.0.1 and 10.1.1.1 on its loopback, B is 192.0.2.2 with 10.2.0.1 and 10.2.1.1
 * (kernel-libipsec needs a local address in each protected subnet).
 */
final class SwanctlLivePair implements AutoCloseable {
    private final StrongSwanPair pair;

    SwanctlLivePair() throws IOException, InterruptedException {
        this("");
    }

    /** A pair whose strongswan.conf gets {@code charonExtra} inside {@code charon { }}. */
    SwanctlLivePair(String charonExtra) throws IOException, InterruptedException {
        // Route-based tunnels negotiate 0.0.0.0/0: routes into libipsec's TUN would capture IKE itself.
        pair = new StrongSwanPair(List.of()).strongswanConfExtra("  install_routes = no\n" + charonExtra);
        boolean started = false;
        try {
            pair.start();
            for (String a : List.of("10.1.0.1", "10.1.1.1")) {
                HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.A), "ip", "addr", "add", a + "/32", "dev", "lo"));
            }
            for (String b : List.of("10.2.0.1", "10.2.1.1")) {
                HostCommand.check(10, HostCommand.inNamespace(pair.namespace(Node.B), "ip", "addr", "add", b + "/32", "dev", "lo"));
            }
            started = true;
        } finally {
            if (!started) {
                pair.close();
            }
        }
    }

    /** Adds {@code address}/24 to the node's veth (a second public address, for a redundant pair). */
    void addPublicAddress(Node node, String address) throws IOException, InterruptedException {
        HostCommand.check(10, HostCommand.inNamespace(pair.namespace(node), "ip", "addr", "add", address + "/24", "dev",
                pair.veth(node)));
    }

    /**
     * Keeps the public network out of kernel-libipsec's TUN device. kernel-libipsec (the userspace ESP
     * of this harness: the test kernel has no ESP algorithms, XFRM interfaces or VTI) has neither
     * if_id nor marks: for a 0.0.0.0/0 CHILD SA it routes everything into its TUN device (table 220,
     * {@code default dev ipsec0}) and excludes only that SA's own peer ({@code throw <peer>}), so the
     * IKE packets of a second tunnel to another peer address would enter the first tunnel. A
     * {@code throw} route for the public /24 in table 220 does for every peer what libipsec does for
     * one. (A {@code mode = pass} CHILD SA does not help: libipsec turns it into one more route into
     * its TUN device, seen live.)
     */
    void excludePublicNetworkFromTunnels() throws IOException, InterruptedException {
        for (Node node : Node.values()) {
            HostCommand.check(10, HostCommand.inNamespace(pair.namespace(node), "ip", "route", "add", "throw", "192.0.2.0/24",
                    "table", "220"));
        }
    }

    /** Takes the node's veth down: its peer sees it disappear (no answer at all, as with a dead gateway). */
    void disconnect(Node node) throws IOException, InterruptedException {
        HostCommand.check(10, HostCommand.inNamespace(pair.namespace(node), "ip", "link", "set", pair.veth(node), "down"));
    }

    /** Runs {@code command} in the node's namespace and returns its output (for diagnostics). */
    String inNamespace(Node node, String... command) throws IOException, InterruptedException {
        return HostCommand.run(20, HostCommand.inNamespace(pair.namespace(node), command)).output;
    }

    static String address(Node node) {
        return node == Node.A ? "192.0.2.1" : "192.0.2.2";
    }

    private String uri(Node node) {
        return "unix://" + pair.directory().resolve(node.name()).resolve("charon.vici");
    }

    private String[] swanctl(Node node, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "swanctl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        cmd[args.length + 1] = "--uri";
        cmd[args.length + 2] = uri(node);
        return HostCommand.inNamespace(pair.namespace(node), cmd);
    }

    /** Writes {@code conf} as the node's own swanctl file and loads it (replacing the harness's connection). */
    void load(Node node, String conf) throws IOException, InterruptedException {
        Path file = pair.directory().resolve(node.name()).resolve("ipsec4j-swanctl.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        HostCommand.check(20, swanctl(node, "--load-all", "--file", file.toString()));
    }

    /** Initiates {@code child} from A and returns swanctl's streamed log and exit code. */
    HostCommand.Result initiate(String child) throws IOException, InterruptedException {
        return HostCommand.run(40, swanctl(Node.A, "--initiate", "--child", child, "--timeout", "20"));
    }

    /** Rekeys {@code child} from A. */
    HostCommand.Result rekeyChild(String child) throws IOException, InterruptedException {
        return HostCommand.run(20, swanctl(Node.A, "--rekey", "--child", child));
    }

    String listSas(Node node) throws IOException, InterruptedException {
        return HostCommand.check(20, swanctl(node, "--list-sas"));
    }

    /** The node's charon log so far. */
    String log(Node node) throws IOException {
        Path log = pair.directory().resolve(node.name()).resolve("charon.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Polls {@code node}'s charon log until {@code condition} holds, for at most {@code seconds}; true if it did. */
    boolean awaitLog(Node node, Predicate<String> condition, int seconds) throws Exception {
        return Await.poll(Duration.ofSeconds(seconds), () -> condition.test(log(node)));
    }

    @Override
    public void close() throws IOException {
        pair.close();
    }
}
