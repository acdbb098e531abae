package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns one {@code connections.<name>} section into model tunnels (one per CHILD SA), reporting
 * each problem as a finding at its line. The Phase I part is here; {@link SwanctlChildReader} reads
 * the children.
 */
final class SwanctlTunnelBuilder {
    /** A tunnel built, with the pair it is marked as a member of. */
    record Built(Tunnel tunnel, Optional<String> pair, String connection, int child) {}

    /** Settings of a connection that are read; every other one is reported as ignored. */
    private static final Set<String> CONNECTION_KEYS = Set.of("version", "aggressive", "local_addrs", "remote_addrs",
            "proposals", "rekey_time", "reauth_time", "over_time", "rand_time", "dpd_delay", "dpd_timeout");

    private final StrongSwanImportOptions options;
    private final SwanctlSecrets secrets;
    private final Findings findings;

    SwanctlTunnelBuilder(StrongSwanImportOptions options, SwanctlSecrets secrets, Findings findings) {
        this.options = options;
        this.secrets = secrets;
        this.findings = findings;
    }

    /** Collects findings for one connection, with a line per model path. */
    static final class Findings {
        private final List<ImportFinding> out;
        final String origin;

        Findings(List<ImportFinding> out, String origin) {
            this.out = out;
            this.origin = origin;
        }

        void add(Finding f, String origin, String group, int tunnel, int line) {
            out.add(new ImportFinding(f, origin, group, tunnel, line > 0 ? SourceLocation.line(line) : SourceLocation.unknown()));
        }

        void error(String code, String path, String message, String group, int tunnel, int line) {
            add(Finding.error(code, path, message), origin, group, tunnel, line);
        }

        void warning(String code, String path, String message, String group, int tunnel, int line) {
            add(Finding.warning(code, path, message), origin, group, tunnel, line);
        }

        void info(String code, String path, String message, String group, int tunnel, int line) {
            add(Finding.info(code, path, message), origin, group, tunnel, line);
        }
    }

    List<Built> build(SettingsSection conn) {
        SwanctlContext c = new SwanctlContext(conn, findings);
        for (SettingsSection.Setting s : conn.settings()) {
            if (!CONNECTION_KEYS.contains(s.key())) {
                findings.info("SETTING_IGNORED", "connections." + conn.name() + "." + s.key(), "\"" + s.key()
                        + "\" has no counterpart in the tunnel model and is ignored", conn.name(), 0, s.line());
            }
        }
        Optional<PhaseOne.Builder> p1 = phaseOne(c);
        Optional<SettingsSection> children = conn.subsection("children");
        if (children.isEmpty() || children.get().sections().isEmpty()) {
            findings.error("NO_CHILD", "phaseTwo", "connection " + conn.name() + " has no CHILD SA (children section)",
                    conn.name(), 0, conn.line());
            return List.of();
        }
        List<Built> out = new ArrayList<>();
        List<SettingsSection> list = children.get().sections();
        for (int i = 0; i < list.size(); i++) {
            String name = c.annotation("name").filter(n -> n.chars().noneMatch(ch -> ch < ' ' || ch == 0x7f))
                    .orElse(list.size() == 1 ? conn.name() : conn.name() + "." + list.get(i).name());
            new SwanctlChildReader(c, options, i + 1).build(name, p1, list.get(i))
                    .ifPresent(t -> out.add(new Built(t, c.annotation("pair"), conn.name(), 0)));
        }
        if (out.size() > 1 && out.size() == list.size() && out.get(0).tunnel().phaseOne().ikeVersion().isV1()) {
            String name = c.annotation("name").orElse(conn.name());
            return mergeIkev1(out, name).map(t -> List.of(new Built(t, c.annotation("pair"), conn.name(), 0))).orElse(out);
        }
        return out;
    }

    /**
     * One tunnel from the CHILD SAs of an IKEv1 connection that differ only in their subnets and cover
     * every pair of local and remote subnet once: IKEv1 negotiates one subnet per side per CHILD SA,
     * so that is how {@link SwanctlWriter} writes (and strongSwan users configure) such a tunnel.
     */
    private static Optional<Tunnel> mergeIkev1(List<Built> built, String name) {
        List<io.ipsec4j.model.TrafficSelector> locals = new ArrayList<>();
        List<io.ipsec4j.model.TrafficSelector> remotes = new ArrayList<>();
        java.util.Set<List<io.ipsec4j.model.TrafficSelector>> pairs = new java.util.HashSet<>();
        for (Built b : built) {
            io.ipsec4j.model.PhaseTwo p2 = b.tunnel().phaseTwo();
            if (p2.localSubnets().size() != 1 || p2.remoteSubnets().size() != 1
                    || !pairs.add(List.of(p2.localSubnets().get(0), p2.remoteSubnets().get(0)))) {
                return Optional.empty();
            }
            if (!locals.contains(p2.localSubnets().get(0))) {
                locals.add(p2.localSubnets().get(0));
            }
            if (!remotes.contains(p2.remoteSubnets().get(0))) {
                remotes.add(p2.remoteSubnets().get(0));
            }
        }
        if (!new java.util.HashSet<>(SwanctlWriter.subnetPairs(locals, remotes)).equals(pairs)) {
            return Optional.empty();
        }
        try {
            Tunnel first = withSelectors(built.get(0).tunnel(), name, locals, remotes);
            for (Built b : built) {
                if (!withSelectors(b.tunnel(), name, locals, remotes).equals(first)) {
                    return Optional.empty();
                }
            }
            return Optional.of(first);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Tunnel withSelectors(Tunnel t, String name, List<io.ipsec4j.model.TrafficSelector> locals,
            List<io.ipsec4j.model.TrafficSelector> remotes) {
        return Tunnel.builder().from(t).name(name).phaseTwo(io.ipsec4j.model.PhaseTwo.builder().from(t.phaseTwo())
                .localSubnets(locals).remoteSubnets(remotes).build()).build();
    }

    private Optional<PhaseOne.Builder> phaseOne(SwanctlContext c) {
        PhaseOne.Builder b = PhaseOne.builder();
        boolean ok = true;
        String version = c.value("version").orElse("0");
        IkeVersion v;
        switch (version) {
            case "1":
                v = c.value("aggressive").map(SwanctlContext::yes).orElse(false) ? IkeVersion.IKEV1_AGGRESSIVE : IkeVersion.IKEV1_MAIN;
                break;
            case "2":
                v = IkeVersion.IKEV2;
                break;
            case "0":
                v = IkeVersion.IKEV2;
                c.info("VERSION_ANY", "phaseOne.ikeVersion", "no IKE version is set: strongSwan initiates IKEv2 and"
                        + " accepts both versions; imported as IKEv2", "version");
                break;
            default:
                c.error("IKE_VERSION", "phaseOne.ikeVersion", "version \"" + SettingsParser.abbreviate(version)
                        + "\" (expected: 0, 1 or 2)", "version");
                return Optional.empty();
        }
        b.ikeVersion(v);
        Optional<IpAddress> remote = c.address("remote_addrs", "phaseOne.remotePublicIp", true);
        Optional<IpAddress> local = c.address("local_addrs", "phaseOne.localPublicIp", false);
        if (remote.isEmpty()) {
            ok = false;
        } else {
            b.remotePublicIp(remote.get());
        }
        local.ifPresent(b::localPublicIp);
        List<IkeProposal> proposals = c.proposals("proposals", "phaseOne.proposals", IkeProposal::parse);
        ok &= !proposals.isEmpty();
        b.proposals(proposals);
        Optional<Lifetime> lifetime = ikeLifetime(c, v);
        ok &= lifetime.isPresent();
        lifetime.ifPresent(b::lifetime);
        Optional<Identity> localId = c.identity("local", "phaseOne.localId");
        Optional<Identity> remoteId = c.identity("remote", "phaseOne.remoteId");
        boolean psk = c.authIsPsk("local") & c.authIsPsk("remote");
        ok &= psk;
        // An ID equal to the side's own address is strongSwan's default; PhaseOne normalizes it away.
        localId.ifPresent(b::localId);
        remoteId.ifPresent(b::remoteId);
        if (remote.isPresent() && c.remoteIdIsAny()) {
            c.warning("REMOTE_ID_ANY", "phaseOne.remoteId", "the remote ID is %any (or not set): strongSwan accepts any"
                    + " identity the peer sends, while the model expects the peer's public IP", "remote.id");
        }
        if (remote.isPresent() && psk) {
            Identity peer = remoteId.orElse(Identity.address(remote.get()));
            Optional<Identity> us = localId.isPresent() ? localId : local.map(Identity::address);
            Optional<SwanctlSecrets.Entry> e = secrets.lookup(c.group(), peer, us);
            if (e.isPresent() && e.get().secret().isPresent()) {
                b.sharedSecret(e.get().secret().get());
                c.line("phaseOne.sharedSecret", e.get().line());
            } else if (options.preSharedKey().isPresent()) {
                b.sharedSecret(options.preSharedKey().get());
                c.info("PSK_FROM_OPTIONS", "phaseOne.sharedSecret", "no secret in the file matches the IDs " + peer
                        + us.map(u -> " / " + u).orElse("") + "; the key given in the import options is used", null);
            } else {
                c.error("PSK_MISSING", "phaseOne.sharedSecret", "no secret in the file matches the IDs " + peer
                        + us.map(u -> " / " + u).orElse("") + " (add a secrets.ike section, or give the key in the"
                        + " import options)", null);
                ok = false;
            }
        }
        return ok ? Optional.of(b) : Optional.empty();
    }

    private static Optional<Lifetime> ikeLifetime(SwanctlContext c, IkeVersion v) {
        String rekeyKey = v.isV1() && c.value("reauth_time").isPresent() ? "reauth_time"
                : c.value("rekey_time").isPresent() ? "rekey_time" : "reauth_time";
        Optional<Duration> rekey = c.time(rekeyKey, "phaseOne.lifetime");
        Optional<Duration> over = c.time("over_time", "phaseOne.lifetime");
        Optional<Duration> rand = c.time("rand_time", "phaseOne.lifetime");
        if (c.invalidTime(rekeyKey) || c.invalidTime("over_time") || c.invalidTime("rand_time")) {
            return Optional.empty();
        }
        // strongSwan's defaults: rekey after 4 h, hard limit 10 % later.
        Duration r = rekey.filter(d -> !d.isZero()).orElse(Duration.ofHours(4));
        Duration o = over.orElse(Duration.ofSeconds(r.toSeconds() / 10));
        return c.lifetime(r, o, rand, OptionalLong.empty(), OptionalLong.empty(), "phaseOne.lifetime", rekeyKey);
    }

    /** Maps model validation errors of a tunnel to their lines. */
    static void report(SwanctlContext c, ModelValidationException e, int child) {
        for (Finding f : e.errors()) {
            c.findings().add(f, "model", c.group(), child, c.lineOf(f.path()));
        }
    }
}
