package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.config.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the libstrongswan settings syntax of swanctl.conf into {@link SettingsSection}s, one line at a
 * time with {@code indexOf} scans only (no regular expression sees a line), so the cost is linear in
 * the input.
 *
 * <p>Accepted: {@code name {}, {@code }}, {@code key = value} (unquoted, trimmed; or one
 * {@code "quoted"} string with the escapes {@code \" \\ \n \r \t}), {@code #} comments, and
 * {@code # ipsec4j.key = value} annotations. Refused with a {@link ConfigParseException}: lines longer
 * than {@link #MAX_LINE_LENGTH}, nesting deeper than {@link #MAX_DEPTH}, {@code ${…}} references,
 * section references ({@code name : template {}), quoted strings spanning lines and unbalanced braces.
 * {@code include} statements are not followed: the caller is told, through {@code notes}, which
 * line names a file it did not read.
 *
 * @see <a href="https://docs.strongswan.org/docs/5.9/config/strongswanConf.html">strongswan.conf syntax</a>
 */
final class SettingsParser {
    /** Longest line accepted, in characters; real lines are under 200, this bounds hostile input. */
    static final int MAX_LINE_LENGTH = 8192;
    /** Deepest section nesting accepted; swanctl.conf uses four levels (connections.c.children.x). */
    static final int MAX_DEPTH = 12;

    /** The prefix of an annotation comment, after {@code #} and blanks. */
    static final String ANNOTATION_PREFIX = "ipsec4j.";

    private final CloudConfigFormat format;

    SettingsParser(CloudConfigFormat format) {
        this.format = format;
    }

    /**
     * Parses {@code text}; {@code notes} receives (line, message) for statements read but not acted on
     * (includes).
     */
    SettingsSection parse(ConfigText text, BiConsumer<Integer, String> notes) throws ConfigParseException {
        SettingsSection root = new SettingsSection("", 1);
        Deque<SettingsSection> open = new ArrayDeque<>();
        open.push(root);
        List<String> lines = text.lines();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String raw = lines.get(i);
            if (raw.length() > MAX_LINE_LENGTH) {
                throw error(lineNo, "line of " + raw.length() + " characters", "at most " + MAX_LINE_LENGTH);
            }
            line(raw, lineNo, open, notes);
        }
        if (open.size() > 1) {
            throw error(open.peek().line(), "section \"" + open.peek().name() + "\" is never closed", "a closing }");
        }
        return root;
    }

    private void line(String raw, int lineNo, Deque<SettingsSection> open, BiConsumer<Integer, String> notes)
            throws ConfigParseException {
        String trimmed = raw.strip();
        if (trimmed.startsWith("#")) {
            String comment = trimmed.substring(1).strip();
            if (comment.startsWith(ANNOTATION_PREFIX) && comment.indexOf('=') > 0) {
                int eq = comment.indexOf('=');
                String key = comment.substring(ANNOTATION_PREFIX.length(), eq).strip();
                open.peek().annotate(new SettingsSection.Setting(key, comment.substring(eq + 1).strip(), false, lineNo));
            }
            return;
        }
        int eq = raw.indexOf('=');
        int brace = raw.indexOf('{');
        int hash = raw.indexOf('#');
        if (eq >= 0 && (hash < 0 || eq < hash) && (brace < 0 || eq < brace)) {
            String key = raw.substring(0, eq).strip();
            checkName(key, lineNo, "key");
            String[] value = value(raw.substring(eq + 1), lineNo);
            open.peek().put(new SettingsSection.Setting(key, value[0], value[1] != null, lineNo))
                    .ifPresent(old -> notes.accept(lineNo, "\"" + key + "\" is set again (first on line " + old.line()
                            + "); the last value applies, as in strongSwan"));
            return;
        }
        String code = stripComment(raw, lineNo).strip();
        if (code.isEmpty()) {
            return;
        }
        if (code.equals("}")) {
            if (open.size() == 1) {
                throw error(lineNo, "} without an open section", "a section name { before");
            }
            open.pop();
            return;
        }
        if (code.endsWith("{")) {
            String name = code.substring(0, code.length() - 1).strip();
            if (name.indexOf(':') >= 0) {
                throw error(lineNo, "section reference \"" + abbreviate(name) + "\" (templates are not supported)",
                        "a plain section name");
            }
            checkName(name, lineNo, "section name");
            if (open.size() > MAX_DEPTH) {
                throw error(lineNo, "sections nested deeper than " + MAX_DEPTH, "at most " + MAX_DEPTH + " levels");
            }
            open.push(open.peek().section(name, lineNo));
            return;
        }
        if (code.startsWith("include ") || code.startsWith("include\t")) {
            notes.accept(lineNo, "include of \"" + abbreviate(code.substring(8).strip())
                    + "\" not followed: settings in that file (secrets, connections) are not read");
            return;
        }
        // The text is not quoted: a malformed line may be a secret.
        throw error(lineNo, "the line is not a statement",
                "key = value, a section name followed by {, } or include");
    }

    /** {value, "quoted" or null}. */
    private String[] value(String rest, int lineNo) throws ConfigParseException {
        String v = rest.strip();
        if (!v.startsWith("\"")) {
            String plain = stripComment(rest, lineNo).strip();
            if (plain.indexOf('"') >= 0) {
                throw error(lineNo, "a quote inside an unquoted value", "the whole value in quotes");
            }
            return new String[] {plain, null};
        }
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        if (i >= v.length()) {
            throw error(lineNo, "quoted string not closed on its line", "a closing \" (multi-line strings are not supported)");
        }
        String after = v.substring(i + 1).strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
            throw error(lineNo, "text after a quoted value", "one quoted string, optionally followed by a # comment");
        }
        if (sb.indexOf("${") >= 0) {
            throw error(lineNo, "a ${…} reference in a quoted value", "a literal value (references are not expanded here)");
        }
        return new String[] {sb.toString(), "quoted"};
    }

    /** The text before an unquoted {@code #}; refuses {@code ${…}} references. */
    private String stripComment(String s, int lineNo) throws ConfigParseException {
        int hash = s.indexOf('#');
        String code = hash < 0 ? s : s.substring(0, hash);
        if (code.indexOf("${") >= 0) {
            throw error(lineNo, "a ${…} reference", "a literal value (references to other settings are not expanded)");
        }
        return code;
    }

    private void checkName(String name, int lineNo, String what) throws ConfigParseException {
        if (name.isEmpty()) {
            throw error(lineNo, "empty " + what, "a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '"' || c == '{' || c == '}' || c == '=' || c == ',' || c == '#' || c == ':' || c > '~') {
                throw error(lineNo, what + " \"" + abbreviate(name) + "\" has the character '" + printable(c) + "'",
                        "letters, digits and - _ . % @ / +");
            }
        }
    }

    private static String printable(char c) {
        return c < ' ' || c > '~' ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private ConfigParseException error(int line, String problem, String expected) {
        return new ConfigParseException(format, SourceLocation.line(line), problem, expected);
    }
}
