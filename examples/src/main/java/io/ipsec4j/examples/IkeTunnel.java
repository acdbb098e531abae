package io.ipsec4j.examples;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.engine.IkeEvent;
import io.ipsec4j.ike.engine.IkeSession;
import io.ipsec4j.ike.engine.IkeSessionOptions;
import io.ipsec4j.model.Tunnel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Brings one tunnel up with the IKEv2 engine over real UDP sockets: reads a tunnel from the
 * library's JSON document, binds our public address (port 500 and 4500), initiates or waits for
 * the peer, and prints every event (IKE SA up, CHILD SAs with their SPIs, rekeys, deletes) until
 * the time runs out or the session ends.
 *
 * <p>Usage: {@code IkeTunnel <tunnel.json> initiate|respond [seconds]}.
 */
public final class IkeTunnel {
    private IkeTunnel() {
    }

    public static void main(String[] args) throws IOException, ConfigParseException {
        if (args.length < 2 || !(args[1].equals("initiate") || args[1].equals("respond"))) {
            throw new IllegalArgumentException("usage: IkeTunnel <tunnel.json> initiate|respond [seconds]");
        }
        Tunnel tunnel = TunnelJson.readTunnel(Files.readString(Path.of(args[0])));
        InetSocketAddress local = new InetSocketAddress(tunnel.phaseOne().localPublicIp()
                .orElseThrow(() -> new IllegalArgumentException("the tunnel needs a localPublicIp to bind")).toInetAddress(), 500);
        InetSocketAddress remote = new InetSocketAddress(tunnel.phaseOne().remotePublicIp().toInetAddress(), 500);
        Duration time = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        run(tunnel, local, remote, args[1].equals("initiate"), true, time, System.out);
    }

    /**
     * Runs {@code tunnel} from {@code local} (to {@code remote} when initiating) for at most {@code
     * time}, printing events to {@code out}; returns the session in its final state.
     */
    public static IkeSession run(Tunnel tunnel, InetSocketAddress local, InetSocketAddress remote, boolean initiate,
            boolean natT, Duration time, PrintStream out) throws IOException {
        IkeSessionOptions options = IkeSessionOptions.defaults();
        IkeSession session = initiate
                ? IkeSession.initiator(tunnel, local, remote, options, new SecureRandom())
                : IkeSession.responder(tunnel, local, options, new SecureRandom());
        try (IkeDatagramDriver driver = new IkeDatagramDriver(session, local, natT, Clock.systemUTC())) {
            out.println("bound " + driver.localAddress() + (initiate ? ", initiating to " + remote : ", waiting"));
            if (initiate) {
                session.initiate(Clock.systemUTC().instant());
            }
            driver.runUntil(e -> e instanceof IkeEvent.IkeSaDeleted || e instanceof IkeEvent.SessionFailed, time,
                    e -> out.println(describe(e)));
        }
        out.println("session " + session.state());
        return session;
    }

    /** One line per event, with SPIs in hex and never a key. */
    static String describe(IkeEvent e) {
        if (e instanceof IkeEvent.ChildSaInstalled c) {
            return String.format("CHILD SA installed: in %08x out %08x %s %s <-> %s", c.inbound().spi(),
                    c.outbound().spi(), c.proposal(), c.localSelectors(), c.remoteSelectors());
        }
        if (e instanceof IkeEvent.IkeSaEstablished i) {
            return String.format("IKE SA established: %016x_i %016x_r %s%s", i.initiatorSpi(), i.responderSpi(),
                    i.proposal(), i.natDetected() ? " (NAT, port 4500)" : "");
        }
        return e.toString();
    }
}
