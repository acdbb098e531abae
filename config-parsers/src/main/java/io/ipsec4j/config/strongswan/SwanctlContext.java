package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * One section being read (a connection or one of its children): typed access to its values, each
 * problem reported as a finding at the value's line, and the line of every model path set so far, so
 * that the model's own validation errors can point at a line too.
 */
final class SwanctlContext {
    private final SettingsSection section;
    private final SettingsSection connection;
    private final SwanctlTunnelBuilder.Findings findings;
    private final int tunnel;
    private final Map<String, Integer> lines;
    private final Set<String> invalid = new HashSet<>();

    SwanctlContext(SettingsSection connection, SwanctlTunnelBuilder.Findings findings) {
        this(connection, connection, findings, 0, new HashMap<>());
    }

    private SwanctlContext(SettingsSection section, SettingsSection connection, SwanctlTunnelBuilder.Findings findings,
            int tunnel, Map<String, Integer> lines) {
        this.section = section;
        this.connection = connection;
        this.findings = findings;
        this.tunnel = tunnel;
        this.lines = lines;
    }

    /** A context for a child section, numbered from 1, that knows the connection's lines. */
    SwanctlContext child(SettingsSection child, int number) {
        return new SwanctlContext(child, connection, findings, number, new HashMap<>(lines));
    }

    SettingsSection section() {
        return section;
    }

    SettingsSection connectionSection() {
        return connection;
    }

    SwanctlTunnelBuilder.Findings findings() {
        return findings;
    }

    String group() {
        return connection.name();
    }

    Optional<String> value(String key) {
        return section.value(key);
    }

    Optional<String> annotation(String key) {
        return connection.annotation(key).map(SettingsSection.Setting::value);
    }

    int annotationLine(String key) {
        return connection.annotation(key).map(SettingsSection.Setting::line).orElse(connection.line());
    }

    static boolean yes(String v) {
        return v.equals("yes") || v.equals("true") || v.equals("1");
    }

    /** Records that {@code path} came from {@code line}. */
    void line(String path, int line) {
        lines.put(path, line);
    }

    /** The line of the value behind a model path such as {@code phaseTwo.proposals[0]}; the section's otherwise. */
    int lineOf(String path) {
        String best = null;
        for (String p : lines.keySet()) {
            if (path.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best == null ? section.line() : lines.get(best);
    }

    private int lineOfKey(String key) {
        return key == null ? section.line() : section.get(key).map(SettingsSection.Setting::line).orElse(section.line());
    }

    void error(String code, String path, String message, String key) {
        findings.error(code, path, message, group(), tunnel, lineOfKey(key));
    }

    void warning(String code, String path, String message, String key) {
        findings.warning(code, path, message, group(), tunnel, lineOfKey(key));
    }

    void info(String code, String path, String message, String key) {
        findings.info(code, path, message, group(), tunnel, lineOfKey(key));
    }

    /** A comma-separated list, trimmed, without empty items. */
    List<String> list(String key) {
        List<String> out = new ArrayList<>();
        value(key).ifPresent(v -> {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.strip());
                }
            }
        });
        return out;
    }

    /** The first address of an address list; {@code %any} and names are reported. */
    Optional<IpAddress> address(String key, String path, boolean required) {
        List<String> items = list(key);
        section.get(key).ifPresent(s -> line(path, s.line()));
        if (items.isEmpty()) {
            if (required) {
                error("ADDRESS_MISSING", path, key + " is not set: the model needs the peer's public IP", null);
            }
            return Optional.empty();
        }
        String first = items.get(0);
        if (items.size() > 1) {
            warning("ADDRESS_LIST", path, key + " lists " + items.size() + " entries; the model keeps the first, " + first, key);
        }
        if (first.equals("%any") || first.equals("%any4") || first.equals("%any6")) {
            if (required) {
                warning("REMOTE_ANY", path, key + " is " + first + ": the tunnel only responds; imported as 0.0.0.0", key);
                return Optional.of(IpAddress.parse("0.0.0.0"));
            }
            return Optional.empty();
        }
        if (!IpAddress.isLiteral(first)) {
            String why = first.indexOf('<') >= 0 || first.indexOf('>') >= 0 ? "a placeholder" : "not an IP address"
                    + " (host names, ranges and subnets are not modelled)";
            if (required) {
                error("ADDRESS_NOT_LITERAL", path, key + " \"" + SettingsParser.abbreviate(first) + "\" is " + why, key);
            } else {
                warning("ADDRESS_NOT_LITERAL", path, key + " \"" + SettingsParser.abbreviate(first) + "\" is " + why
                        + "; our public IP stays unset", key);
            }
            return Optional.empty();
        }
        return Optional.of(IpAddress.parse(first));
    }

    /** Proposals of a comma-separated list; an unreadable or missing list is reported and gives none. */
    <P> List<P> proposals(String key, String path, Function<String, P> parser) {
        List<P> out = new ArrayList<>();
        List<String> items = list(key);
        section.get(key).ifPresent(s -> line(path, s.line()));
        if (items.isEmpty()) {
            error("PROPOSALS_MISSING", path, key + " is not set: strongSwan then uses its built-in default list, which"
                    + " depends on the version and plugins; write the proposals explicitly", null);
            return out;
        }
        for (String item : items) {
            if (item.equals("default")) {
                error("PROPOSALS_DEFAULT", path, key + " contains \"default\", strongSwan's built-in list, which depends on"
                        + " the version and plugins; write the proposals explicitly", key);
                return List.of();
            }
            try {
                out.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                error("PROPOSAL_INVALID", path, key + ": " + e.getMessage(), key);
                return List.of();
            }
        }
        return out;
    }

    /** A time value; an unreadable one is reported (and remembered by {@link #invalidTime}). */
    Optional<Duration> time(String key, String path) {
        Optional<SettingsSection.Setting> s = section.get(key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        line(path, s.get().line());
        Optional<Duration> d = SwanctlTimes.parse(s.get().value());
        if (d.isEmpty()) {
            invalid.add(key);
            error("TIME_INVALID", path, key + " \"" + SettingsParser.abbreviate(s.get().value())
                    + "\" is not a time (expected: a number with s, m, h or d)", key);
        }
        return d;
    }

    boolean invalidTime(String key) {
        return invalid.contains(key);
    }

    /** A non-negative count; an unreadable one is reported. */
    OptionalLong count(String key, String path) {
        Optional<SettingsSection.Setting> s = section.get(key);
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        line(path, s.get().line());
        OptionalLong n = SwanctlTimes.number(s.get().value());
        if (n.isEmpty()) {
            invalid.add(key);
            error("NUMBER_INVALID", path, key + " \"" + SettingsParser.abbreviate(s.get().value())
                    + "\" is not a number", key);
        }
        return n;
    }

    /** A model lifetime; values the model refuses are reported at {@code key}. */
    Optional<Lifetime> lifetime(Duration rekey, Duration over, Optional<Duration> rand, OptionalLong bytes,
            OptionalLong packets, String path, String key) {
        try {
            return Optional.of(SwanctlTimes.join(rekey, over, rand, bytes, packets));
        } catch (IllegalArgumentException e) {
            error("LIFETIME_INVALID", path, e.getMessage(), key);
            return Optional.empty();
        }
    }

    private Optional<SettingsSection> auth(String side) {
        for (SettingsSection s : connection.sections()) {
            if (s.name().equals(side) || s.name().startsWith(side + "-")) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The identity of the first {@code local}/{@code remote} round; {@code %any} is none. */
    Optional<Identity> identity(String side, String path) {
        Optional<SettingsSection.Setting> id = auth(side).flatMap(s -> s.get("id"));
        if (id.isEmpty() || id.get().value().equals("%any")) {
            return Optional.empty();
        }
        line(path, id.get().line());
        try {
            return Optional.of(Identity.parse(id.get().value()));
        } catch (IllegalArgumentException e) {
            findings.error("ID_INVALID", path, side + ".id: " + e.getMessage(), group(), tunnel, id.get().line());
            return Optional.empty();
        }
    }

    boolean remoteIdIsAny() {
        return auth("remote").flatMap(s -> s.value("id")).map(v -> v.equals("%any")).orElse(true);
    }

    /** True when the side authenticates with a pre-shared key; anything else is reported. */
    boolean authIsPsk(String side) {
        Optional<SettingsSection> s = auth(side);
        String auth = s.flatMap(a -> a.value("auth")).orElse("pubkey");
        if (auth.equals("psk")) {
            return true;
        }
        findings.error("AUTH_NOT_PSK", "phaseOne.sharedSecret", side + ".auth is \"" + SettingsParser.abbreviate(auth)
                + "\"" + (s.isEmpty() ? " (no " + side + " section; strongSwan's default)" : "")
                + ": the tunnel model authenticates with a pre-shared key only", group(), tunnel,
                s.flatMap(a -> a.get("auth")).map(SettingsSection.Setting::line).orElse(s.map(SettingsSection::line)
                        .orElse(connection.line())));
        return false;
    }
}
