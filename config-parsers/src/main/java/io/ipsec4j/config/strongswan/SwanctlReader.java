package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.ModelValidationException;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a strongSwan swanctl.conf into model tunnels, with a finding for everything that did not map.
 *
 * <p>Each connection becomes one tunnel per CHILD SA (named after the connection, or
 * {@code connection.child} when it has several), with the pre-shared key of the {@code secrets}
 * section that best matches its IDs. Connections written by {@link SwanctlWriter} carry
 * {@code # ipsec4j.} comments with the SASE gateway, inside addresses, routes and pair, so
 * {@code read(write(t))} gives {@code t} back; for other files the {@link StrongSwanImportOptions}
 * give the gateway, and BGP always comes from them. A {@code connections} file and a separate
 * {@code secrets} file can be read together by passing their concatenation. Syntax errors, {@code ${…}}
 * references and section templates are refused with a {@link ConfigParseException}; {@code include}
 * statements are not followed and are reported.
 *
 * <pre>{@code
 * StrongSwanImport in = SwanctlReader.read(Path.of("/etc/swanctl/swanctl.conf"), StrongSwanImportOptions.defaults());
 * in.allTunnels().forEach(controller::create);
 * in.findings().forEach(System.out::println);
 * }</pre>
 *
 * @see <a href="https://docs.strongswan.org/docs/5.9/swanctl/swanctlConf.html">swanctl.conf</a>
 */
public final class SwanctlReader {
    /** Most connections read from one file; the rest are reported, not built. */
    public static final int MAX_CONNECTIONS = 1000;

    private static final CloudConfigFormat FORMAT = CloudConfigFormat.STRONGSWAN_SWANCTL_CONF;
    private static final String FILE = "(file)";

    private SwanctlReader() {}

    /** Reads a file (at most {@link ConfigText#MAX_INPUT_BYTES}). */
    public static StrongSwanImport read(Path path, StrongSwanImportOptions options) throws IOException, ConfigParseException {
        return read(ConfigText.read(path), options);
    }

    /** Reads text with {@link StrongSwanImportOptions#defaults()}. */
    public static StrongSwanImport read(String text) throws ConfigParseException {
        return read(ConfigText.of(text), StrongSwanImportOptions.defaults());
    }

    /** Reads raw bytes. */
    public static StrongSwanImport read(byte[] bytes, StrongSwanImportOptions options) throws ConfigParseException {
        return read(ConfigText.decode(bytes), options);
    }

    /** Reads decoded text. */
    public static StrongSwanImport read(ConfigText text, StrongSwanImportOptions options) throws ConfigParseException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        List<ImportFinding> out = new ArrayList<>();
        SwanctlTunnelBuilder.Findings findings = new SwanctlTunnelBuilder.Findings(out, "swanctl");
        SettingsSection root = new SettingsParser(FORMAT).parse(text, (line, message) ->
                findings.warning(message.startsWith("include") ? "INCLUDE_NOT_FOLLOWED" : "SETTING_REPEATED", "file",
                        message, FILE, 0, line));
        return importTree(root, FORMAT, out, findings, options);
    }

    /** Builds the tunnels of a settings tree (read from swanctl.conf, or translated from ipsec.conf). */
    static StrongSwanImport importTree(SettingsSection root, CloudConfigFormat format, List<ImportFinding> out,
            SwanctlTunnelBuilder.Findings findings, StrongSwanImportOptions options) {
        SwanctlSecrets secrets = SwanctlSecrets.of(root, (line, message) ->
                findings.error("SECRET_INVALID", "phaseOne.sharedSecret", message, FILE, 0, line));
        Optional<SettingsSection> connections = root.subsection("connections");
        if (connections.isEmpty() || connections.get().sections().isEmpty()) {
            findings.error("NO_CONNECTIONS", "file", "no connections section: nothing to import", FILE, 0, 1);
            return new StrongSwanImport(format, List.of(), List.of(), out);
        }
        SwanctlTunnelBuilder builder = new SwanctlTunnelBuilder(options, secrets, findings);
        List<SwanctlTunnelBuilder.Built> built = new ArrayList<>();
        List<SettingsSection> list = connections.get().sections();
        for (int i = 0; i < list.size(); i++) {
            if (i == MAX_CONNECTIONS) {
                findings.error("TOO_MANY_CONNECTIONS", "file", list.size() + " connections; only the first "
                        + MAX_CONNECTIONS + " are read", FILE, 0, list.get(i).line());
                break;
            }
            built.addAll(builder.build(list.get(i)));
        }
        return assemble(format, built, out);
    }

    /** Joins the tunnels marked as one pair into {@link RedundantTunnels}; the rest stay single. */
    static StrongSwanImport assemble(CloudConfigFormat format, List<SwanctlTunnelBuilder.Built> built,
            List<ImportFinding> out) {
        Map<String, List<SwanctlTunnelBuilder.Built>> byPair = new LinkedHashMap<>();
        List<RedundantTunnels> pairs = new ArrayList<>();
        List<Tunnel> singles = new ArrayList<>();
        for (SwanctlTunnelBuilder.Built b : built) {
            b.pair().ifPresent(p -> byPair.computeIfAbsent(p, k -> new ArrayList<>()).add(b));
        }
        List<SwanctlTunnelBuilder.Built> paired = new ArrayList<>();
        byPair.forEach((name, members) -> {
            if (members.size() != 2) {
                out.add(new ImportFinding(Finding.warning("PAIR_INCOMPLETE", "pair", "pair \"" + name + "\" has "
                        + members.size() + " tunnel(s) (expected: 2); imported as single tunnels"), "strongswan",
                        members.get(0).connection(), 0, io.ipsec4j.config.SourceLocation.unknown()));
                return;
            }
            try {
                pairs.add(RedundantTunnels.builder().name(name).tunnel1(members.get(0).tunnel())
                        .tunnel2(members.get(1).tunnel()).build());
                paired.addAll(members);
            } catch (ModelValidationException e) {
                e.errors().forEach(f -> out.add(new ImportFinding(Finding.builder().from(f)
                        .severity(io.ipsec4j.model.Severity.WARNING)
                        .message(f.message() + " (the tunnels are imported separately)").build(), "model",
                        members.get(0).connection(), 0, io.ipsec4j.config.SourceLocation.unknown())));
            }
        });
        for (SwanctlTunnelBuilder.Built b : built) {
            if (!paired.contains(b)) {
                singles.add(b.tunnel());
            }
        }
        return new StrongSwanImport(format, pairs, singles, out);
    }
}
