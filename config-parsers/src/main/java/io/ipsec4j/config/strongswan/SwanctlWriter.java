package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes model tunnels as strongSwan swanctl.conf: a {@code connections} section, and, only when
 * asked through {@link #secrets}, a {@code secrets} section with each tunnel's pre-shared key.
 *
 * <p>One connection per tunnel, with one CHILD SA of the same name: addresses, IDs, IKE version,
 * proposals in strongSwan's syntax, rekey/over/rand times from the lifetimes
 * ({@link SwanctlTimes}), DPD, selectors, mode, replay window, start/close/DPD actions and, for
 * route-based tunnels, {@code if_id_in/out} (XFRM interfaces) or {@code mark_in/out} (VTI). Each
 * value carries a comment naming the model field it came from. What strongSwan has no setting for
 * (the SASE gateway, inside addresses, static routes, the pair a tunnel belongs to) is kept in
 * {@code # ipsec4j.key = value} comments, which strongSwan ignores and {@link SwanctlReader} reads
 * back; BGP is not written, since strongSwan does not speak it. The output is deterministic: the
 * same tunnels and options give the same text.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("swanctl.conf"), SwanctlWriter.connections(List.of(tunnel), List.of(), SwanctlOptions.defaults()));
 * Files.writeString(dir.resolve("conf.d/secrets.conf"), SwanctlWriter.secrets(List.of(tunnel), List.of()));  // 0600
 * }</pre>
 *
 * @see <a href="https://docs.strongswan.org/docs/5.9/swanctl/swanctlConf.html">swanctl.conf</a>
 */
public final class SwanctlWriter {
    private static final String INDENT = "    ";

    private SwanctlWriter() {}

    /** The {@code connections} section for one tunnel with {@link SwanctlOptions#defaults()}. */
    public static String connections(Tunnel tunnel) {
        return connections(List.of(tunnel), List.of(), SwanctlOptions.defaults());
    }

    /**
     * The {@code connections} section for the pairs' tunnels (first) and the single tunnels; no secret.
     *
     * @throws IllegalArgumentException when a tunnel name has control characters
     */
    public static String connections(List<Tunnel> tunnels, List<RedundantTunnels> pairs, SwanctlOptions options) {
        Objects.requireNonNull(options, "options");
        List<Entry> entries = entries(tunnels, pairs);
        StringBuilder sb = new StringBuilder();
        sb.append("# swanctl.conf written by ipsec4j from ").append(entries.size())
                .append(entries.size() == 1 ? " model tunnel" : " model tunnels").append(".\n")
                .append("# Pre-shared keys are not in this section; SwanctlWriter.secrets writes them on request.\n")
                .append("connections {\n");
        long interfaceId = options.firstInterfaceId();
        for (Entry e : entries) {
            sb.append('\n');
            connection(sb, e, options, interfaceId);
            if (e.tunnel.routing() == RoutingMode.ROUTE_BASED) {
                interfaceId++;
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * The {@code secrets} section: one {@code ike} entry per tunnel with its pre-shared key, keyed by
     * the IDs of both ends. Contains the keys in clear (or base64): store it readable by root only.
     */
    public static String secrets(List<Tunnel> tunnels, List<RedundantTunnels> pairs) {
        StringBuilder sb = new StringBuilder("# Pre-shared keys written by ipsec4j on request: keep this file private.\nsecrets {\n");
        java.util.Map<String, Entry> byIds = new java.util.HashMap<>();
        for (Entry e : entries(tunnels, pairs)) {
            PhaseOne p1 = e.tunnel.phaseOne();
            Entry same = byIds.putIfAbsent(p1.effectiveLocalId() + " " + p1.effectiveRemoteId(), e);
            if (same != null && !same.tunnel.phaseOne().sharedSecret().equals(p1.sharedSecret())) {
                sb.append(INDENT).append("# WARNING: same IDs as ike-").append(same.name)
                        .append(" with another key; charon cannot tell the two apart and uses one of them\n");
            }
            sb.append(INDENT).append("ike-").append(e.name).append(" {\n");
            p1.effectiveLocalId().ifPresent(id -> line(sb, 2, "id-local", id(id), "phaseOne.localId (or our public IP)"));
            line(sb, 2, "id-remote", id(p1.effectiveRemoteId()), "phaseOne.remoteId (or the peer's public IP)");
            line(sb, 2, "secret", secret(p1.sharedSecret().reveal()), "phaseOne.sharedSecret");
            sb.append(INDENT).append("}\n");
        }
        return sb.append("}\n").toString();
    }

    /** A tunnel and its connection name. */
    record Entry(Tunnel tunnel, String name, Optional<String> pair) {}

    static List<Entry> entries(List<Tunnel> tunnels, List<RedundantTunnels> pairs) {
        Objects.requireNonNull(tunnels, "tunnels");
        Objects.requireNonNull(pairs, "pairs");
        List<Entry> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RedundantTunnels p : pairs) {
            for (Tunnel t : p.tunnels()) {
                out.add(new Entry(t, unique(sectionName(t.name()), used), Optional.of(p.name())));
            }
        }
        for (Tunnel t : tunnels) {
            out.add(new Entry(t, unique(sectionName(t.name()), used), Optional.empty()));
        }
        return out;
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** The tunnel name with every character strongSwan does not take in a section name replaced by '_'. */
    static String sectionName(String tunnelName) {
        StringBuilder sb = new StringBuilder(tunnelName.length());
        for (int i = 0; i < tunnelName.length(); i++) {
            char c = tunnelName.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new IllegalArgumentException("tunnel name has a control character at index " + i);
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    private static void connection(StringBuilder sb, Entry e, SwanctlOptions options, long interfaceId) {
        Tunnel t = e.tunnel;
        PhaseOne p1 = t.phaseOne();
        PhaseTwo p2 = t.phaseTwo();
        sb.append(INDENT).append("# tunnel \"").append(t.name()).append("\" to ").append(p1.remotePublicIp()).append(", ")
                .append(t.routing() == RoutingMode.ROUTE_BASED ? "route-based" : "policy-based").append(", ")
                .append(p1.ikeVersion()).append('\n');
        sb.append(INDENT).append(e.name).append(" {\n");
        annotations(sb, e);
        line(sb, 2, "version", Integer.toString(p1.ikeVersion().majorVersion()), "phaseOne.ikeVersion");
        if (p1.ikeVersion() == IkeVersion.IKEV1_AGGRESSIVE) {
            line(sb, 2, "aggressive", "yes", "phaseOne.ikeVersion");
        }
        p1.localPublicIp().ifPresent(ip -> line(sb, 2, "local_addrs", ip.toString(), "phaseOne.localPublicIp"));
        line(sb, 2, "remote_addrs", p1.remotePublicIp().toString(), "phaseOne.remotePublicIp");
        line(sb, 2, "proposals", p1.proposals().stream().map(IkeProposal::toStrongSwan).collect(Collectors.joining(", ")),
                "phaseOne.proposals");
        SwanctlTimes.Split ike = SwanctlTimes.split(p1.lifetime());
        // IKEv1 cannot rekey an IKE SA; strongSwan re-authenticates it instead.
        line(sb, 2, p1.ikeVersion().isV1() ? "reauth_time" : "rekey_time", SwanctlTimes.format(ike.rekey()),
                "phaseOne.lifetime minus the rekey margin");
        line(sb, 2, "over_time", SwanctlTimes.format(ike.over()), "phaseOne.lifetime: hard limit after the rekey time");
        ike.rand().ifPresent(r -> line(sb, 2, "rand_time", SwanctlTimes.format(r), "phaseOne.lifetime margin x fuzz"));
        if (options.forceEncapsulation()) {
            line(sb, 2, "encap", "yes", "SwanctlOptions.forceEncapsulation");
        }
        p2.dpd().ifPresent(d -> {
            line(sb, 2, "dpd_delay", SwanctlTimes.format(d.delay()), "phaseTwo.dpd.delay");
            line(sb, 2, "dpd_timeout", SwanctlTimes.format(d.timeout()),
                    "phaseTwo.dpd.timeout (IKEv1; IKEv2 gives up after its retransmissions)");
        });
        auth(sb, "local", p1.localId(), "phaseOne.localId");
        auth(sb, "remote", Optional.of(p1.effectiveRemoteId()), "phaseOne.remoteId (or the peer's public IP)");
        sb.append(INDENT.repeat(2)).append("children {\n");
        children(sb, e, options, interfaceId);
        sb.append(INDENT.repeat(2)).append("}\n");
        sb.append(INDENT).append("}\n");
    }

    private static void annotations(StringBuilder sb, Entry e) {
        Tunnel t = e.tunnel;
        if (!e.name.equals(t.name())) {
            annotation(sb, "name", t.name());
        }
        annotation(sb, "gateway", t.gateway());
        e.pair.ifPresent(p -> annotation(sb, "pair", p));
        t.tunnelInterface().ifPresent(i -> annotation(sb, "inside",
                i.localAddress() + "/" + i.prefixLength() + " peer " + i.remoteAddress()));
        if (!t.routes().isEmpty()) {
            annotation(sb, "routes", t.routes().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
    }

    private static void annotation(StringBuilder sb, String key, String value) {
        sb.append(INDENT.repeat(2)).append("# ").append(SettingsParser.ANNOTATION_PREFIX).append(key).append(" = ")
                .append(value).append('\n');
    }

    private static void auth(StringBuilder sb, String side, Optional<Identity> id, String source) {
        sb.append(INDENT.repeat(2)).append(side).append(" {\n");
        line(sb, 3, "auth", "psk", "phaseOne.sharedSecret");
        id.ifPresent(i -> line(sb, 3, "id", id(i), source));
        sb.append(INDENT.repeat(2)).append("}\n");
    }

    /**
     * The CHILD SA names of a tunnel: its connection name, or for IKEv1 with several subnets on a side
     * {@code name-1} … {@code name-n}, one per pair of local and remote subnet, since IKEv1's Quick Mode
     * negotiates one subnet per side and strongSwan uses only the first of a list (seen live).
     */
    static List<String> childNames(Tunnel t, String name) {
        int n = t.phaseOne().ikeVersion().isV1() ? subnetPairs(t.phaseTwo().localSubnets(), t.phaseTwo().remoteSubnets()).size() : 1;
        if (n <= 1) {
            return List.of(name);
        }
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(name + "-" + i);
        }
        return out;
    }

    private static void children(StringBuilder sb, Entry e, SwanctlOptions options, long interfaceId) {
        PhaseTwo p2 = e.tunnel.phaseTwo();
        List<String> names = childNames(e.tunnel, e.name);
        if (names.size() == 1) {
            child(sb, e, names.get(0), selectors(p2.localSubnets()), selectors(p2.remoteSubnets()), options, interfaceId);
            return;
        }
        sb.append(INDENT.repeat(3)).append("# IKEv1: one CHILD SA per pair of subnets (Quick Mode carries one subnet per side)\n");
        int k = 0;
        for (List<TrafficSelector> pair : subnetPairs(p2.localSubnets(), p2.remoteSubnets())) {
            child(sb, e, names.get(k++), pair.get(0).toString(), pair.get(1).toString(), options, interfaceId);
        }
    }

    /** Every (local, remote) pair of subnets of the same address family, in order. */
    static List<List<TrafficSelector>> subnetPairs(List<TrafficSelector> locals, List<TrafficSelector> remotes) {
        List<List<TrafficSelector>> out = new ArrayList<>();
        for (TrafficSelector local : locals) {
            for (TrafficSelector remote : remotes) {
                if (local.family() == remote.family()) {
                    out.add(List.of(local, remote));
                }
            }
        }
        return out;
    }

    private static void child(StringBuilder sb, Entry e, String name, String localTs, String remoteTs, SwanctlOptions options,
            long interfaceId) {
        Tunnel t = e.tunnel;
        PhaseTwo p2 = t.phaseTwo();
        sb.append(INDENT.repeat(3)).append(name).append(" {\n");
        line(sb, 4, "local_ts", localTs, "phaseTwo.localSubnets");
        line(sb, 4, "remote_ts", remoteTs, "phaseTwo.remoteSubnets");
        line(sb, 4, "esp_proposals", p2.proposals().stream().map(EspProposal::toStrongSwan).collect(Collectors.joining(", ")),
                "phaseTwo.proposals");
        line(sb, 4, "mode", p2.mode().name().toLowerCase(java.util.Locale.ROOT), "phaseTwo.mode");
        SwanctlTimes.Split child = SwanctlTimes.split(p2.lifetime());
        line(sb, 4, "rekey_time", SwanctlTimes.format(child.rekey()), "phaseTwo.lifetime minus the rekey margin");
        line(sb, 4, "life_time", SwanctlTimes.format(p2.lifetime().time()), "phaseTwo.lifetime");
        child.rand().ifPresent(r -> line(sb, 4, "rand_time", SwanctlTimes.format(r), "phaseTwo.lifetime margin x fuzz"));
        p2.lifetime().bytes().ifPresent(b -> line(sb, 4, "life_bytes", Long.toString(b), "phaseTwo.lifetime bytes"));
        p2.lifetime().packets().ifPresent(p -> line(sb, 4, "life_packets", Long.toString(p), "phaseTwo.lifetime packets"));
        line(sb, 4, "replay_window", Integer.toString(p2.replayWindow()), "phaseTwo.replayWindow");
        p2.dpd().map(Dpd::action).ifPresent(a -> line(sb, 4, "dpd_action", dpdAction(a), "phaseTwo.dpd.action"));
        line(sb, 4, "start_action", options.startAction().keyword(), "SwanctlOptions.startAction");
        line(sb, 4, "close_action", options.closeAction().keyword(), "SwanctlOptions.closeAction");
        if (t.routing() == RoutingMode.ROUTE_BASED) {
            boolean xfrm = options.interfaceStyle() == SwanctlOptions.InterfaceStyle.XFRM_INTERFACE;
            String why = "route-based: " + (xfrm ? "the XFRM interface id" : "the VTI key");
            line(sb, 4, xfrm ? "if_id_in" : "mark_in", Long.toString(interfaceId), why);
            line(sb, 4, xfrm ? "if_id_out" : "mark_out", Long.toString(interfaceId), why);
        }
        sb.append(INDENT.repeat(3)).append("}\n");
    }

    static String dpdAction(DpdAction a) {
        switch (a) {
            case HOLD:
                return "trap";
            case RESTART:
                return "restart";
            case NONE:
                return "none";
            default:
                return "clear";
        }
    }

    private static String selectors(List<TrafficSelector> selectors) {
        return selectors.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder sb, int depth, String key, String value, String source) {
        sb.append(INDENT.repeat(depth)).append(key).append(" = ").append(value).append("  # ").append(source).append('\n');
    }

    /** Identity text, quoted when it has characters an unquoted value cannot hold. */
    static String id(Identity id) {
        return quoteIfNeeded(id.toString());
    }

    static String quoteIfNeeded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".:/@%+-_".indexOf(c) >= 0;
            if (!plain) {
                return quote(s);
            }
        }
        return s.isEmpty() ? "\"\"" : s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }

    /** A secret in quotes when it is printable ASCII without quote, backslash or {@code $}; else {@code 0s} base64. */
    static String secret(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= ' ' && c <= '~' && c != '"' && c != '\\' && c != '$';
        }
        // A value starting 0x or 0s would be decoded by strongSwan as hex or base64.
        if (plain && !(s.startsWith("0x") || s.startsWith("0s"))) {
            return "\"" + s + "\"";
        }
        return "0s" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
