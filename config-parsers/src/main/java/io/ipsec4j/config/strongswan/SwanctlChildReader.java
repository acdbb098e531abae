package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Route;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.TunnelInterface;
import io.ipsec4j.model.algorithm.EspProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads one {@code children.<name>} section into the Phase II of a tunnel and builds the tunnel. */
final class SwanctlChildReader {
    /** charon gives up on an unanswered IKEv2 message after about 165 s with its default retransmission settings. */
    static final Duration DEFAULT_DPD_TIMEOUT = Duration.ofSeconds(165);
    /** strongSwan's default replay window ({@code charon.replay_window}). */
    static final int DEFAULT_REPLAY_WINDOW = 32;

    /** Settings of a child that are read (or are the writer's options); every other one is reported as ignored. */
    private static final Set<String> CHILD_KEYS = Set.of("local_ts", "remote_ts", "esp_proposals", "mode", "rekey_time",
            "life_time", "rand_time", "life_bytes", "life_packets", "replay_window", "dpd_action", "start_action",
            "close_action", "if_id_in", "if_id_out", "mark_in", "mark_out", "ah_proposals");

    private final SwanctlContext conn;
    private final StrongSwanImportOptions options;
    private final int number;

    SwanctlChildReader(SwanctlContext conn, StrongSwanImportOptions options, int number) {
        this.conn = conn;
        this.options = options;
        this.number = number;
    }

    Optional<Tunnel> build(String name, Optional<PhaseOne.Builder> p1, SettingsSection child) {
        SwanctlContext c = conn.child(child, number);
        boolean ok = true;
        for (SettingsSection.Setting s : child.settings()) {
            if (!CHILD_KEYS.contains(s.key())) {
                c.info("SETTING_IGNORED", "phaseTwo", "\"" + s.key() + "\" has no counterpart in the tunnel model and is"
                        + " ignored", s.key());
            }
            if (s.key().equals("ah_proposals")) {
                c.error("AH_NOT_MODELLED", "phaseTwo.proposals", "ah_proposals: the tunnel model protects with ESP only", s.key());
                ok = false;
            }
        }
        PhaseTwo.Builder b = PhaseTwo.builder();
        Optional<List<TrafficSelector>> local = selectors(c, "local_ts", "phaseTwo.localSubnets");
        Optional<List<TrafficSelector>> remote = selectors(c, "remote_ts", "phaseTwo.remoteSubnets");
        ok &= local.isPresent() && remote.isPresent();
        local.ifPresent(b::localSubnets);
        remote.ifPresent(b::remoteSubnets);
        List<EspProposal> proposals = c.proposals("esp_proposals", "phaseTwo.proposals", EspProposal::parse);
        ok &= !proposals.isEmpty();
        b.proposals(proposals);
        String mode = c.value("mode").orElse("tunnel");
        if (mode.equals("tunnel") || mode.equals("transport")) {
            b.mode(mode.equals("tunnel") ? EspMode.TUNNEL : EspMode.TRANSPORT);
        } else {
            c.error("MODE_NOT_MODELLED", "phaseTwo.mode", "mode \"" + SettingsParser.abbreviate(mode)
                    + "\" (expected: tunnel or transport)", "mode");
            ok = false;
        }
        Optional<Lifetime> lifetime = lifetime(c);
        ok &= lifetime.isPresent();
        lifetime.ifPresent(b::lifetime);
        OptionalLong replay = c.count("replay_window", "phaseTwo.replayWindow");
        b.replayWindow((int) Math.min(Integer.MAX_VALUE, replay.orElse(DEFAULT_REPLAY_WINDOW)));
        Optional<Dpd> dpd = dpd(c);
        ok &= dpd != null;
        if (dpd != null) {
            dpd.ifPresent(b::dpd);
        }
        RoutingMode routing = routing(child);
        Tunnel.Builder t = Tunnel.builder().name(name).gateway(conn.annotation("gateway").orElse(options.gateway()))
                .routing(routing);
        ok &= extras(c, t, name);
        if (!ok || p1.isEmpty()) {
            return Optional.empty();
        }
        try {
            Tunnel tunnel = t.phaseOne(p1.get().build()).phaseTwo(b.build()).build();
            tunnel.warnings().forEach(f -> c.findings().add(f, "model", c.group(), number, c.lineOf(f.path())));
            return Optional.of(tunnel);
        } catch (ModelValidationException e) {
            SwanctlTunnelBuilder.report(c, e, number);
        } catch (IllegalArgumentException | IllegalStateException e) {
            c.error("TUNNEL_INVALID", "tunnel", e.getMessage() == null ? e.toString() : e.getMessage(), null);
        }
        return Optional.empty();
    }

    private static RoutingMode routing(SettingsSection child) {
        for (String k : List.of("if_id_in", "if_id_out", "mark_in", "mark_out")) {
            if (child.value(k).filter(v -> !v.equals("0") && !v.equals("%unique")).isPresent()) {
                return RoutingMode.ROUTE_BASED;
            }
        }
        return RoutingMode.POLICY_BASED;
    }

    /** The selectors; {@code dynamic} stands for the tunnel's own address, which must then be known. */
    private static Optional<List<TrafficSelector>> selectors(SwanctlContext c, String key, String path) {
        List<String> items = c.list(key);
        c.section().get(key).ifPresent(s -> c.line(path, s.line()));
        if (items.isEmpty()) {
            items = List.of("dynamic");
        }
        List<TrafficSelector> out = new ArrayList<>();
        for (String item : items) {
            if (item.equals("dynamic")) {
                String addrKey = key.startsWith("local") ? "local_addrs" : "remote_addrs";
                Optional<String> addr = firstLiteral(c.connectionSection(), addrKey);
                if (addr.isEmpty()) {
                    c.error("SELECTOR_DYNAMIC", path, key + " is dynamic (the IKE address) but " + addrKey
                            + " is not one IP address", c.section().get(key).isPresent() ? key : null);
                    return Optional.empty();
                }
                item = addr.get();
            }
            try {
                out.add(TrafficSelector.parse(item));
            } catch (IllegalArgumentException e) {
                c.error("SELECTOR_INVALID", path, key + ": " + e.getMessage(), key);
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static Optional<String> firstLiteral(SettingsSection connection, String key) {
        return connection.value(key).map(v -> v.split(",")[0].strip()).filter(io.ipsec4j.model.IpAddress::isLiteral);
    }

    private static Optional<Lifetime> lifetime(SwanctlContext c) {
        Optional<Duration> rekey = c.time("rekey_time", "phaseTwo.lifetime");
        Optional<Duration> life = c.time("life_time", "phaseTwo.lifetime");
        Optional<Duration> rand = c.time("rand_time", "phaseTwo.lifetime");
        OptionalLong bytes = c.count("life_bytes", "phaseTwo.lifetime");
        OptionalLong packets = c.count("life_packets", "phaseTwo.lifetime");
        if (c.invalidTime("rekey_time") || c.invalidTime("life_time") || c.invalidTime("rand_time")
                || c.invalidTime("life_bytes") || c.invalidTime("life_packets")) {
            return Optional.empty();
        }
        // strongSwan's defaults: rekey after 1 h; the hard limit 10 % after the rekey time.
        Duration r = rekey.filter(d -> !d.isZero()).orElse(Duration.ofHours(1));
        Duration l = life.orElse(Duration.ofSeconds(r.toSeconds() * 11 / 10));  // integer seconds, as charon computes
        if (l.compareTo(r) < 0) {
            c.error("LIFETIME_INVALID", "phaseTwo.lifetime", "life_time " + l.toSeconds() + "s is shorter than rekey_time "
                    + r.toSeconds() + "s (expected: life_time >= rekey_time)", "life_time");
            return Optional.empty();
        }
        return c.lifetime(r, l.minus(r), rand, bytes.isPresent() && bytes.getAsLong() == 0 ? OptionalLong.empty() : bytes,
                packets.isPresent() && packets.getAsLong() == 0 ? OptionalLong.empty() : packets, "phaseTwo.lifetime",
                life.isPresent() ? "life_time" : "rekey_time");
    }

    /** DPD from the connection's dpd_delay/dpd_timeout and the child's dpd_action; {@code null} when invalid. */
    private Optional<Dpd> dpd(SwanctlContext c) {
        Optional<Duration> delay = conn.time("dpd_delay", "phaseTwo.dpd");
        Optional<Duration> timeout = conn.time("dpd_timeout", "phaseTwo.dpd");
        if (conn.invalidTime("dpd_delay") || conn.invalidTime("dpd_timeout")) {
            return null;
        }
        if (delay.isEmpty() || delay.get().isZero()) {
            return Optional.empty();
        }
        Duration t = timeout.filter(d -> !d.isZero()).orElse(DEFAULT_DPD_TIMEOUT);
        if (t.compareTo(delay.get()) <= 0) {
            conn.warning("DPD_TIMEOUT", "phaseTwo.dpd", "dpd_timeout " + t.toSeconds() + "s is not longer than dpd_delay "
                    + delay.get().toSeconds() + "s; imported as " + delay.get().multipliedBy(5).toSeconds() + "s", "dpd_timeout");
            t = delay.get().multipliedBy(5);
        }
        String action = c.value("dpd_action").orElse("clear");
        c.section().get("dpd_action").ifPresent(s -> c.line("phaseTwo.dpd", s.line()));
        DpdAction a;
        switch (action) {
            case "clear":
                a = DpdAction.CLEAR;
                break;
            case "none":
                a = DpdAction.NONE;
                break;
            case "trap":
            case "route":
            case "hold":
                a = DpdAction.HOLD;
                break;
            case "restart":
            case "start":
                a = DpdAction.RESTART;
                break;
            default:
                c.error("DPD_ACTION", "phaseTwo.dpd", "dpd_action \"" + SettingsParser.abbreviate(action)
                        + "\" (expected: clear, trap or restart)", "dpd_action");
                return null;
        }
        return Optional.of(new Dpd(delay.get(), t, a));
    }

    /** Gateway-side values from the {@code # ipsec4j.} comments and the import options. */
    private boolean extras(SwanctlContext c, Tunnel.Builder t, String name) {
        boolean ok = true;
        Optional<String> inside = conn.annotation("inside");
        if (inside.isPresent()) {
            c.line("tunnelInterface", conn.annotationLine("inside"));
            String[] parts = inside.get().split(" peer ", 2);
            try {
                t.tunnelInterface(TunnelInterface.parse(parts[0], parts.length > 1 ? parts[1] : ""));
            } catch (IllegalArgumentException e) {
                c.findings().error("INSIDE_INVALID", "tunnelInterface", "ipsec4j.inside: " + e.getMessage(), c.group(),
                        number, conn.annotationLine("inside"));
                ok = false;
            }
        }
        Optional<String> routes = conn.annotation("routes");
        if (routes.isPresent()) {
            c.line("routes", conn.annotationLine("routes"));
            for (String r : routes.get().split(",")) {
                try {
                    t.addRoutes(Route.parse(r.strip()));
                } catch (IllegalArgumentException e) {
                    c.findings().error("ROUTE_INVALID", "routes", "ipsec4j.routes: " + e.getMessage(), c.group(), number,
                            conn.annotationLine("routes"));
                    ok = false;
                }
            }
        }
        Optional.ofNullable(options.bgp().get(name)).ifPresent(t::bgp);
        if (routes.isEmpty() && !options.bgp().containsKey(name) && !options.routes().isEmpty()
                && routing(c.section()) == io.ipsec4j.model.RoutingMode.ROUTE_BASED) {
            options.routes().forEach(r -> t.addRoutes(Route.of(r)));
            c.info("ROUTES_FROM_OPTIONS", "routes", "the file names no routes for this route-based tunnel; the import"
                    + " options' routes " + options.routes() + " are used", null);
        }
        return ok;
    }
}
