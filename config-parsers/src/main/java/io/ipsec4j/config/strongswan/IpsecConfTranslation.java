package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.IpAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates one resolved ipsec.conf {@code conn} into the swanctl.conf settings charon derives from
 * it (strongSwan's starter does the same), keeping each value's line. Defaults are ipsec.conf's:
 * {@code ikelifetime=3h}, {@code lifetime=1h}, {@code margintime=9m}, {@code rekeyfuzz=100%},
 * {@code dpddelay=30s}, {@code dpdtimeout=150s}, {@code dpdaction=none}.
 */
final class IpsecConfTranslation {
    private static final Set<String> KNOWN = Set.of("keyexchange", "aggressive", "left", "right", "leftid", "rightid",
            "authby", "leftauth", "rightauth", "leftsubnet", "rightsubnet", "ike", "esp", "ikelifetime", "lifetime",
            "keylife", "margintime", "rekeymargin", "rekeyfuzz", "dpddelay", "dpdtimeout", "dpdaction", "type", "mark",
            "replay_window", "auto", "leftupdown");

    private IpsecConfTranslation() {}

    static void translate(IpsecConfText.Conn conn, Map<String, IpsecConfText.Value> v, IpsecConfText text,
            SettingsSection out, SwanctlTunnelBuilder.Findings findings) {
        String name = conn.name();
        v.forEach((k, value) -> {
            if (!KNOWN.contains(k)) {
                findings.info("SETTING_IGNORED", "connections." + name + "." + k, "\"" + k
                        + "\" has no counterpart in the tunnel model and is ignored", name, 0, value.line());
            }
        });
        SettingsSection local = out.section("local", conn.line());
        SettingsSection remote = out.section("remote", conn.line());
        SettingsSection child = out.section("children", conn.line()).section(name, conn.line());
        String ke = get(v, "keyexchange").map(IpsecConfText.Value::text).orElse("ike");
        boolean v1 = ke.equals("ikev1");
        put(out, "version", ke.equals("ikev1") ? "1" : ke.equals("ikev2") ? "2" : ke.equals("ike") ? "0" : ke, v, "keyexchange");
        copy(v, "aggressive", out, "aggressive");
        Optional<IpsecConfText.Value> left = get(v, "left");
        Optional<IpsecConfText.Value> leftid = get(v, "leftid");
        if (left.isPresent() && IpAddress.isLiteral(left.get().text())) {
            put(out, "local_addrs", left.get().text(), v, "left");
        } else if (leftid.isPresent() && IpAddress.isLiteral(leftid.get().text())) {
            // AWS writes left=%defaultroute and the customer gateway's public IP as leftid.
            put(out, "local_addrs", leftid.get().text(), v, "leftid");
            findings.info("LOCAL_IP_FROM_LEFTID", "phaseOne.localPublicIp", "left is "
                    + left.map(IpsecConfText.Value::text).orElse("not set") + "; our public IP is taken from leftid "
                    + leftid.get().text(), name, 0, leftid.get().line());
        }
        copy(v, "right", out, "remote_addrs");
        copy(v, "ike", out, "proposals");
        copy(v, "leftid", local, "id");
        copy(v, "rightid", remote, "id");
        if (get(v, "rightid").isEmpty()) {
            copy(v, "right", remote, "id");
        }
        String authby = get(v, "authby").map(IpsecConfText.Value::text).orElse("");
        boolean psk = authby.equals("secret") || authby.equals("psk");
        put(local, "auth", psk ? "psk" : get(v, "leftauth").map(IpsecConfText.Value::text).orElse("pubkey"), v,
                get(v, "leftauth").isPresent() ? "leftauth" : "authby");
        put(remote, "auth", psk ? "psk" : get(v, "rightauth").map(IpsecConfText.Value::text).orElse("pubkey"), v,
                get(v, "rightauth").isPresent() ? "rightauth" : "authby");
        copy(v, "leftsubnet", child, "local_ts");
        copy(v, "rightsubnet", child, "remote_ts");
        copy(v, "esp", child, "esp_proposals");
        copy(v, "type", child, "mode");
        copy(v, "replay_window", child, "replay_window");
        get(v, "mark").ifPresent(m -> {
            put(child, "mark_in", m.text(), v, "mark");
            put(child, "mark_out", m.text(), v, "mark");
        });
        lifetimes(v, v1, out, child, name, findings);
        dpd(v, out, child);
        inside(conn, v, text, out);
    }

    private static void lifetimes(Map<String, IpsecConfText.Value> v, boolean v1, SettingsSection out,
            SettingsSection child, String name, SwanctlTunnelBuilder.Findings findings) {
        Optional<Duration> margin = time(v, get(v, "margintime").isPresent() ? "margintime" : "rekeymargin", name, findings);
        long m = margin.orElse(Duration.ofMinutes(9)).toSeconds();
        long fuzz = get(v, "rekeyfuzz").map(x -> x.text().endsWith("%") ? x.text().substring(0, x.text().length() - 1) : x.text())
                .flatMap(x -> {
                    java.util.OptionalLong n = SwanctlTimes.number(x);
                    return n.isPresent() ? Optional.of(n.getAsLong()) : Optional.empty();
                }).orElse(100L);
        int line = get(v, "margintime").or(() -> get(v, "rekeyfuzz")).map(IpsecConfText.Value::line).orElse(0);
        long ike = time(v, "ikelifetime", name, findings).orElse(Duration.ofHours(3)).toSeconds();
        int ikeLine = get(v, "ikelifetime").map(IpsecConfText.Value::line).orElse(line);
        out.put(new SettingsSection.Setting(v1 ? "reauth_time" : "rekey_time", Math.max(0, ike - m) + "s", false, ikeLine));
        out.put(new SettingsSection.Setting("over_time", Math.min(ike, m) + "s", false, ikeLine));
        out.put(new SettingsSection.Setting("rand_time", (Math.min(ike, m) * Math.min(fuzz, 1000) / 100) + "s", false, ikeLine));
        String lifeKey = get(v, "lifetime").isPresent() ? "lifetime" : "keylife";
        long life = time(v, lifeKey, name, findings).orElse(Duration.ofHours(1)).toSeconds();
        int lifeLine = get(v, lifeKey).map(IpsecConfText.Value::line).orElse(line);
        child.put(new SettingsSection.Setting("rekey_time", Math.max(0, life - m) + "s", false, lifeLine));
        child.put(new SettingsSection.Setting("life_time", life + "s", false, lifeLine));
        child.put(new SettingsSection.Setting("rand_time", (Math.min(life, m) * Math.min(fuzz, 1000) / 100) + "s", false, lifeLine));
    }

    private static void dpd(Map<String, IpsecConfText.Value> v, SettingsSection out, SettingsSection child) {
        String action = get(v, "dpdaction").map(IpsecConfText.Value::text).orElse("none");
        if (action.equals("none")) {
            return;
        }
        int line = get(v, "dpdaction").get().line();
        out.put(new SettingsSection.Setting("dpd_delay", get(v, "dpddelay").map(IpsecConfText.Value::text).orElse("30s"), false,
                get(v, "dpddelay").map(IpsecConfText.Value::line).orElse(line)));
        out.put(new SettingsSection.Setting("dpd_timeout", get(v, "dpdtimeout").map(IpsecConfText.Value::text).orElse("150s"),
                false, get(v, "dpdtimeout").map(IpsecConfText.Value::line).orElse(line)));
        child.put(new SettingsSection.Setting("dpd_action", action.equals("hold") ? "trap" : action, false, line));
    }

    /** Inside addresses from {@code leftupdown="… -ll A/30 -lr B/30 …"} or an {@code ip addr add} line. */
    private static void inside(IpsecConfText.Conn conn, Map<String, IpsecConfText.Value> v, IpsecConfText text,
            SettingsSection out) {
        Optional<IpsecConfText.Value> updown = get(v, "leftupdown");
        if (updown.isPresent()) {
            String[] w = updown.get().text().split("[ \t]+");
            String ll = null;
            String lr = null;
            for (int i = 0; i + 1 < w.length; i++) {
                ll = w[i].equals("-ll") ? w[i + 1] : ll;
                lr = w[i].equals("-lr") ? w[i + 1] : lr;
            }
            if (ll != null && lr != null) {
                out.annotate(new SettingsSection.Setting("inside", ll + " peer " + strip(lr), false, updown.get().line()));
                return;
            }
        }
        IpsecConfText.Inside in = text.inside().get(conn.name());
        if (in != null) {
            out.annotate(new SettingsSection.Setting("inside", in.local() + " peer " + in.remote(), false, in.line()));
        }
    }

    private static String strip(String withPrefix) {
        int slash = withPrefix.indexOf('/');
        return slash < 0 ? withPrefix : withPrefix.substring(0, slash);
    }

    private static Optional<Duration> time(Map<String, IpsecConfText.Value> v, String key, String name,
            SwanctlTunnelBuilder.Findings findings) {
        Optional<IpsecConfText.Value> value = get(v, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = SwanctlTimes.parse(value.get().text());
        if (d.isEmpty()) {
            findings.error("TIME_INVALID", "lifetime", key + " \"" + SettingsParser.abbreviate(value.get().text())
                    + "\" is not a time (expected: a number with s, m, h or d)", name, 0, value.get().line());
        }
        return d;
    }

    private static Optional<IpsecConfText.Value> get(Map<String, IpsecConfText.Value> v, String key) {
        return Optional.ofNullable(v.get(key));
    }

    private static void copy(Map<String, IpsecConfText.Value> v, String from, SettingsSection to, String key) {
        get(v, from).ifPresent(x -> to.put(new SettingsSection.Setting(key, proposalList(from, x.text()), false, x.line())));
    }

    /** ipsec.conf proposals end with {@code !} when strict; the model keeps the listed ones either way. */
    private static String proposalList(String key, String value) {
        return (key.equals("ike") || key.equals("esp")) && value.endsWith("!") ? value.substring(0, value.length() - 1) : value;
    }

    private static void put(SettingsSection to, String key, String value, Map<String, IpsecConfText.Value> v, String from) {
        int line = get(v, from).map(IpsecConfText.Value::line).orElse(to.line());
        to.put(new SettingsSection.Setting(key, value, false, line));
    }
}
