package io.ipsec4j.config.strongswan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of an ipsec.conf / ipsec.secrets text, found line by line with {@code indexOf} scans:
 * {@code conn} blocks (a name at the start of a line, then indented {@code key=value} lines), secrets
 * lines ({@code ids : PSK "key"}), {@code ip addr add A remote B dev NAME} commands (inside
 * addresses, as AWS's download gives them) and {@code <PLACEHOLDER>} tokens. Any other text, such as
 * the instructions around AWS's configuration, is skipped.
 */
final class IpsecConfText {
    /** A value and its line. */
    record Value(String text, int line) {}

    /** A conn block. */
    record Conn(String name, int line, Map<String, Value> values) {}

    /** A secrets line. */
    record SecretLine(List<String> ids, String secret, int line) {}

    /** Inside addresses of a tunnel interface: our address with prefix, the peer's. */
    record Inside(String local, String remote, int line) {}

    /** Longest line looked at; longer lines are skipped with a finding. */
    static final int MAX_LINE_LENGTH = 8192;
    /** Most conn blocks kept. */
    static final int MAX_CONNS = 1000;

    private final Map<String, Conn> conns = new LinkedHashMap<>();
    private final List<SecretLine> secrets = new ArrayList<>();
    private final Map<String, Inside> inside = new LinkedHashMap<>();

    Map<String, Conn> conns() {
        return conns;
    }

    List<SecretLine> secrets() {
        return secrets;
    }

    Map<String, Inside> inside() {
        return inside;
    }

    static IpsecConfText parse(List<String> lines, SwanctlTunnelBuilder.Findings findings) {
        IpsecConfText t = new IpsecConfText();
        Conn open = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String raw = lines.get(i);
            if (raw.length() > MAX_LINE_LENGTH) {
                findings.warning("LINE_TOO_LONG", "file", "line of " + raw.length() + " characters skipped (at most "
                        + MAX_LINE_LENGTH + ")", IpsecConfReader.file(), 0, lineNo);
                continue;
            }
            placeholders(raw, lineNo, findings);
            String code = stripComment(raw);
            if (code.isBlank()) {
                continue;
            }
            boolean indented = raw.charAt(0) == ' ' || raw.charAt(0) == '\t';
            int eq = code.indexOf('=');
            if (indented && open != null && eq > 0 && isKey(code.substring(0, eq).strip())) {
                open.values().put(code.substring(0, eq).strip(), new Value(unquote(code.substring(eq + 1).strip()), lineNo));
                continue;
            }
            open = null;
            String s = code.strip();
            if (!indented && s.startsWith("conn ") && isKey(s.substring(5).strip())) {
                String name = s.substring(5).strip();
                if (t.conns.size() >= MAX_CONNS && !t.conns.containsKey(name)) {
                    findings.error("TOO_MANY_CONNECTIONS", "file", "more than " + MAX_CONNS + " conn blocks; the rest"
                            + " are not read", IpsecConfReader.file(), 0, lineNo);
                    continue;
                }
                open = t.conns.computeIfAbsent(name, n -> new Conn(n, lineNo, new LinkedHashMap<>()));
            } else if (!indented && s.startsWith("include ")) {
                findings.warning("INCLUDE_NOT_FOLLOWED", "file", "include of \"" + SettingsParser.abbreviate(s.substring(8).strip())
                        + "\" not followed: conns and secrets in that file are not read", IpsecConfReader.file(), 0, lineNo);
            } else if (s.indexOf(": PSK") >= 0) {
                secret(t, s, lineNo);
            } else {
                insideAddresses(t, s, lineNo);
            }
        }
        return t;
    }

    private static void secret(IpsecConfText t, String s, int lineNo) {
        int at = s.indexOf(": PSK");
        List<String> ids = new ArrayList<>();
        for (String id : s.substring(0, at).strip().split("[ \t]+")) {
            if (!id.isEmpty() && !id.equals("%any")) {
                ids.add(unquote(id));
            }
        }
        String secret = unquote(s.substring(at + 5).strip());
        t.secrets.add(new SecretLine(ids, secret, lineNo));
    }

    /** {@code [sudo|pre-up] ip addr add A remote B dev NAME}. */
    private static void insideAddresses(IpsecConfText t, String s, int lineNo) {
        String[] w = s.split("[ \t]+");
        for (int i = 0; i + 7 < w.length; i++) {
            if (w[i].equals("ip") && w[i + 1].equals("addr") && w[i + 2].equals("add")
                    && w[i + 4].equals("remote") && w[i + 6].equals("dev")) {
                String remote = w[i + 5];
                int slash = remote.indexOf('/');
                t.inside.put(w[i + 7], new Inside(w[i + 3], slash < 0 ? remote : remote.substring(0, slash), lineNo));
                return;
            }
        }
    }

    /** Reports each {@code <WORDS>} token, such as AWS's {@code <LOCAL IP>}, at its line. */
    private static void placeholders(String raw, int lineNo, SwanctlTunnelBuilder.Findings findings) {
        int from = 0;
        while (true) {
            int lt = raw.indexOf('<', from);
            if (lt < 0) {
                return;
            }
            int gt = raw.indexOf('>', lt + 1);
            if (gt < 0 || gt - lt > 40) {
                return;
            }
            String name = raw.substring(lt + 1, gt);
            if (!name.isEmpty() && name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == ' ' || c == '_' || (c >= '0' && c <= '9'))) {
                findings.warning("PLACEHOLDER", "file", placeholderMessage(name), IpsecConfReader.file(), 0, lineNo);
            }
            from = gt + 1;
        }
    }

    static String placeholderMessage(String name) {
        switch (name) {
            case "LOCAL IP":
                return "<LOCAL IP> stands for this gateway's address in the VTI commands (its private IP behind NAT,"
                        + " else its public IP); no tunnel value depends on it, but the commands fail until it is replaced";
            case "VPC CIDR":
                return "<VPC CIDR> stands for the VPC's network: the routes into the tunnel. Give them as import"
                        + " options (StrongSwanImportOptions.withRoutes); without routes a route-based tunnel is refused";
            default:
                return "<" + name + "> is a placeholder for a value the file does not give";
        }
    }

    private static boolean isKey(String k) {
        if (k.isEmpty() || k.length() > 64) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_-%.".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The text before a {@code #} that is not inside double quotes. */
    static String stripComment(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
