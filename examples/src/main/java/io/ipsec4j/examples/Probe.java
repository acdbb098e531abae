package io.ipsec4j.examples;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.json.TunnelJson;
import io.ipsec4j.ike.probe.IkeProbe;
import io.ipsec4j.ike.probe.IkeProbeCandidates;
import io.ipsec4j.ike.probe.IkeProbeLimits;
import io.ipsec4j.ike.probe.IkeProbeResult;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Asks an IKE responder which proposals it accepts and prints them in strongSwan proposal syntax;
 * given our tunnel, also which of its Phase I proposals the responder would accept.
 *
 * <p>{@code Probe HOST [--port 500] [--ikev1] [--aggressive [--id ID]] [--offer PROPOSALS]
 * [--tunnel tunnel.json] [--max-probes N] [--delay-ms D] [--timeout-ms T] [--max-silences S]
 * [--record FILE]}; {@code --offer} limits the transforms asked about to those of a strongSwan
 * proposal list such as {@code aes256-sha256-modp2048,aes128gcm16-prfsha256-ecp256} (by default
 * {@link IkeProbeCandidates#defaults()}),
 * {@code --id} is the identity an Aggressive Mode probe presents (strongSwan syntax; a gateway
 * selects its peer by it), {@code --record} writes every datagram sent ({@code > hex}) and
 * received ({@code < hex}), one per line. The probe never authenticates and never sends a
 * pre-shared key; it sends at most N datagrams, D ms apart, and stops after S unanswered requests
 * in a row. Probe only gateways you are allowed to test.
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the example; returns the exit code (0, or 2 for bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String host = null;
        int port = 500;
        IkeVersion version = IkeVersion.IKEV2;
        Tunnel tunnel = null;
        IkeProbeLimits limits = IkeProbeLimits.defaults();
        Path record = null;
        Identity id = null;
        IkeProbeCandidates candidates = IkeProbeCandidates.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--ikev1" -> version = version == IkeVersion.IKEV1_AGGRESSIVE ? version : IkeVersion.IKEV1_MAIN;
                    case "--aggressive" -> version = IkeVersion.IKEV1_AGGRESSIVE;
                    case "--tunnel" -> tunnel = TunnelJson.readTunnel(Files.readString(Path.of(value(args, ++i)),
                            StandardCharsets.UTF_8));
                    case "--max-probes" -> limits = limits.withMaxProbes(Integer.parseInt(value(args, ++i)));
                    case "--delay-ms" -> limits = limits.withDelay(Duration.ofMillis(Long.parseLong(value(args, ++i))));
                    case "--record" -> record = Path.of(value(args, ++i));
                    case "--id" -> id = Identity.parse(value(args, ++i));
                    case "--offer" -> candidates = IkeProbeCandidates.of(Arrays.stream(value(args, ++i).split(","))
                            .map(p -> IkeProposal.parse(p.trim())).toList());
                    case "--max-silences" -> limits = limits.withMaxSilences(Integer.parseInt(value(args, ++i)));
                    case "--timeout-ms" -> limits = limits.withProbeTimeout(
                            Duration.ofMillis(Long.parseLong(value(args, ++i))));
                    default -> {
                        if (args[i].startsWith("--") || host != null) {
                            throw new IllegalArgumentException("unknown argument: " + args[i]);
                        }
                        host = args[i];
                    }
                }
            }
            if (host == null) {
                throw new IllegalArgumentException("no HOST given");
            }
            if (id != null && version != IkeVersion.IKEV1_AGGRESSIVE) {
                throw new IllegalArgumentException("--id is only sent in IKEv1 Aggressive Mode (add --aggressive)");
            }
        } catch (IllegalArgumentException | ConfigParseException e) {
            err.println(e.getMessage());
            err.println("usage: Probe HOST [--port 500] [--ikev1] [--aggressive [--id ID]] [--offer PROPOSALS]"
                    + " [--tunnel tunnel.json] [--max-probes N] [--delay-ms D] [--timeout-ms T] [--max-silences S] [--record FILE]");
            return 2;
        }
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(host), port);
        IkeVersion v = version;
        IkeProbeLimits l = limits;
        Identity aggressiveId = id;
        IkeProbeCandidates offer = candidates;
        StringBuilder log = new StringBuilder();
        IkeProbeResult result = ProbeDriver.run(remote,
                local -> {
                    IkeProbe.Builder b = IkeProbe.builder(local, remote).version(v).limits(l).candidates(offer);
                    if (aggressiveId != null) {
                        b.ikeV1AggressiveIdentity(aggressiveId);
                    }
                    return b.build();
                }, Clock.systemUTC(),
                (sent, d) -> log.append(sent ? "> " : "< ").append(HexFormat.of().formatHex(d)).append('\n'));
        if (record != null) {
            Files.writeString(record, log, StandardCharsets.US_ASCII);
        }
        print(result, tunnel, out);
        return 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Prints the accepted proposals (strongSwan syntax, one per line), the details and the comparison. */
    static void print(IkeProbeResult result, Tunnel tunnel, PrintStream out) {
        out.println("proposals = " + (result.proposals().isEmpty() ? "(none accepted)"
                : String.join(", ", result.toStrongSwan())));
        out.print(result.toText());
        if (tunnel != null) {
            out.print(result.compareWith(tunnel).toText());
        }
    }
}
