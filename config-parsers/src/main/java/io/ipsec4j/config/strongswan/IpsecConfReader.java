package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.ImportFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads strongSwan's legacy ipsec.conf with its ipsec.secrets into model tunnels, with line-level
 * findings, by translating each {@code conn} (after {@code conn %default} and {@code also=}) into the
 * swanctl.conf settings charon itself derives from it and reading those with {@link SwanctlReader}'s
 * mapping.
 *
 * <p>Understood: {@code keyexchange}, {@code aggressive}, {@code left}/{@code right} (left is this
 * gateway), {@code leftid}/{@code rightid}, {@code authby}/{@code leftauth}/{@code rightauth},
 * {@code leftsubnet}/{@code rightsubnet} lists, {@code ike=}/{@code esp=} (a trailing {@code !} is
 * dropped), {@code ikelifetime}/{@code lifetime}/{@code keylife}/{@code margintime}/{@code rekeymargin}/
 * {@code rekeyfuzz}, {@code dpddelay}/{@code dpdtimeout}/{@code dpdaction}, {@code type}, {@code mark}
 * (route-based, VTI), {@code replay_window}, {@code auto=ignore}; secrets lines
 * {@code ids : PSK "key"} wherever they appear. Text around the configuration is skipped, so AWS's
 * strongSwan download (an ipsec.conf inside instructions) imports as it is: its
 * {@code ip addr add … remote … dev TunnelN} lines give the inside addresses, and its {@code <LOCAL IP>},
 * {@code <VPC CIDR>} placeholders become findings at their lines. Lines count in the text given; a
 * separate ipsec.secrets is read after it (its lines count on from the end of ipsec.conf).
 *
 * @see <a href="https://docs.strongswan.org/docs/5.9/config/IKEv2CipherSuites.html">strongSwan proposals</a>
 */
public final class IpsecConfReader {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.STRONGSWAN_IPSEC_CONF;
    private static final String FILE = "(file)";
    /** Deepest {@code also=} chain followed. */
    static final int MAX_ALSO_DEPTH = 16;

    private IpsecConfReader() {}

    /** Reads ipsec.conf text (which may contain the secrets lines too, as AWS's download does). */
    public static StrongSwanImport read(String text, StrongSwanImportOptions options) throws ConfigParseException {
        return read(ConfigText.of(text), Optional.empty(), options);
    }

    /** Reads ipsec.conf and, when given, ipsec.secrets. */
    public static StrongSwanImport read(ConfigText conf, Optional<ConfigText> secrets, StrongSwanImportOptions options)
            throws ConfigParseException {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(options, "options");
        List<String> lines = new ArrayList<>(conf.lines());
        secrets.ifPresent(s -> lines.addAll(s.lines()));
        List<ImportFinding> out = new ArrayList<>();
        SwanctlTunnelBuilder.Findings findings = new SwanctlTunnelBuilder.Findings(out, "ipsec.conf");
        IpsecConfText parsed = IpsecConfText.parse(lines, findings);
        SettingsSection root = new SettingsSection("", 1);
        SettingsSection connections = root.section("connections", 1);
        Map<String, IpsecConfText.Conn> conns = parsed.conns();
        java.util.Set<String> templates = new java.util.HashSet<>();
        conns.values().forEach(c -> Optional.ofNullable(c.values().get("also"))
                .ifPresent(a -> templates.addAll(List.of(a.text().split("[ ,]+")))));
        for (IpsecConfText.Conn c : conns.values()) {
            if (c.name().equals("%default")) {
                continue;
            }
            if (templates.contains(c.name()) && !c.values().containsKey("right")) {
                findings.info("CONN_TEMPLATE", "connection", "conn " + c.name() + " is used through also= and names no"
                        + " peer (right); read as a template only", c.name(), 0, c.line());
                continue;
            }
            Map<String, IpsecConfText.Value> merged = new LinkedHashMap<>();
            Optional.ofNullable(conns.get("%default")).ifPresent(d -> merged.putAll(d.values()));
            if (!resolveAlso(c, conns, merged, 0, findings)) {
                continue;
            }
            merged.putAll(c.values());
            merged.remove("also");
            if (merged.containsKey("auto") && merged.get("auto").text().equals("ignore")) {
                findings.info("CONN_IGNORED", "connection", "conn " + c.name() + " has auto=ignore and is not imported",
                        c.name(), 0, merged.get("auto").line());
                continue;
            }
            IpsecConfTranslation.translate(c, merged, parsed, connections.section(c.name(), c.line()), findings);
        }
        SettingsSection secretsSection = root.section("secrets", 1);
        for (int i = 0; i < parsed.secrets().size(); i++) {
            IpsecConfText.SecretLine s = parsed.secrets().get(i);
            SettingsSection entry = secretsSection.section("ike-" + (i + 1), s.line());
            for (int j = 0; j < s.ids().size(); j++) {
                entry.put(new SettingsSection.Setting("id-" + (j + 1), s.ids().get(j), false, s.line()));
            }
            entry.put(new SettingsSection.Setting("secret", s.secret(), true, s.line()));
        }
        return SwanctlReader.importTree(root, FORMAT, out, findings, options);
    }

    private static boolean resolveAlso(IpsecConfText.Conn c, Map<String, IpsecConfText.Conn> conns,
            Map<String, IpsecConfText.Value> into, int depth, SwanctlTunnelBuilder.Findings findings) {
        IpsecConfText.Value also = c.values().get("also");
        if (also == null) {
            return true;
        }
        if (depth >= MAX_ALSO_DEPTH) {
            findings.error("ALSO_TOO_DEEP", "connection", "also= chains deeper than " + MAX_ALSO_DEPTH
                    + " (or a cycle) at conn " + c.name(), c.name(), 0, also.line());
            return false;
        }
        for (String name : also.text().split("[ ,]+")) {
            IpsecConfText.Conn parent = conns.get(name);
            if (parent == null) {
                findings.error("ALSO_UNKNOWN", "connection", "also=" + SettingsParser.abbreviate(name)
                        + " names no conn in this file", c.name(), 0, also.line());
                return false;
            }
            if (!resolveAlso(parent, conns, into, depth + 1, findings)) {
                return false;
            }
            into.putAll(parent.values());
        }
        return true;
    }

    static String file() {
        return FILE;
    }
}
