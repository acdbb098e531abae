package io.ipsec4j.examples;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.json.TunnelDocument;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.engine.IkeResponderTunnels;
import io.ipsec4j.ike.engine.IkeSessionOptions;
import io.ipsec4j.ike.engine.IkeSessionTable;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A responder gateway for many sites on one address: reads the tunnels of the library's JSON
 * document (single tunnels and both tunnels of each redundant pair), binds our public address on
 * ports 500 and 4500, and answers every peer with an {@link IkeSessionTable} that picks each
 * peer's tunnel by its address and IKE ID ({@link IkeResponderTunnels}). Prints one line per event,
 * prefixed with the tunnel's name, until the time runs out.
 *
 * <p>Usage: {@code IkeGateway <tunnels.json> [seconds] [max-sessions]}; every tunnel must name the
 * same {@code localPublicIp}, the address bound.
 */
public final class IkeGateway {
    /** Sessions at once unless given. */
    public static final int DEFAULT_MAX_SESSIONS = 1024;

    private IkeGateway() {
    }

    public static void main(String[] args) throws IOException, ConfigParseException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: IkeGateway <tunnels.json> [seconds] [max-sessions]");
        }
        List<Tunnel> tunnels = tunnels(TunnelJson.read(Files.readString(Path.of(args[0]))));
        Duration time = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        int max = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MAX_SESSIONS;
        InetSocketAddress local = new InetSocketAddress(localAddress(tunnels).toInetAddress(), 500);
        IkeSessionTable table = IkeSessionTable.responder(IkeResponderTunnels.of(tunnels), IkeSessionOptions.defaults(),
                new SecureRandom(), max);
        System.out.println("serving " + tunnels.size() + " tunnels on " + local + " and port 4500 for " + time);
        serve(table, local, true, time, e -> false, e -> System.out.println(describe(e)));
        System.out.println(summary(table));
    }

    /** Returns the document's single tunnels, then both tunnels of each redundant pair. */
    static List<Tunnel> tunnels(TunnelDocument document) {
        List<Tunnel> out = new ArrayList<>(document.tunnels());
        for (RedundantTunnels pair : document.redundantTunnels()) {
            out.addAll(pair.tunnels());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the document holds no tunnel");
        }
        return out;
    }

    /** Returns the one local public IP all tunnels name. */
    static IpAddress localAddress(List<Tunnel> tunnels) {
        List<IpAddress> addresses = tunnels.stream().map(t -> t.phaseOne().localPublicIp().orElseThrow(
                () -> new IllegalArgumentException("tunnel " + t.name() + " needs a localPublicIp to bind"))).distinct()
                .toList();
        if (addresses.size() != 1) {
            throw new IllegalArgumentException("the tunnels name several local public IPs: " + addresses);
        }
        return addresses.get(0);
    }

    /**
     * Serves {@code table} on {@code local} (and port 4500 if {@code natT}) for {@code time} or until
     * {@code done} accepts an event, passing every event to {@code events}; returns whether {@code
     * done} was met.
     */
    public static boolean serve(IkeSessionTable table, InetSocketAddress local, boolean natT, Duration time,
            Predicate<IkeSessionTable.SessionEvent> done, Consumer<IkeSessionTable.SessionEvent> events)
            throws IOException {
        try (IkeDatagramDriver driver = new IkeDatagramDriver(table, local, natT, Clock.systemUTC())) {
            return driver.serveUntil(done, time, events);
        }
    }

    /** One line per event: the tunnel's name, then {@link IkeTunnel#describe}. */
    static String describe(IkeSessionTable.SessionEvent e) {
        return e.session().tunnel().name() + ": " + IkeTunnel.describe(e.event());
    }

    /** Returns what to print when the driver stops. */
    static String summary(IkeSessionTable table) {
        return table.size() + " sessions: " + table.sessions().stream()
                .map(s -> s.tunnel().name() + " " + s.state()).toList();
    }
}
