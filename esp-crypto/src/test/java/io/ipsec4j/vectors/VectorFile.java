package io.ipsec4j.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the published vector files copied byte for byte into {@code src/test/resources/vectors/}.
 *
 * <p>The files are sections ({@code ## title}) of {@code Label: value} lines; several labels may
 * share a line when separated by two or more spaces, and a label ending in {@code :} takes the
 * indented hex lines that follow. The AOSP files hold Java string constants instead, read with
 * {@link #javaConstants}.
 */
public final class VectorFile {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern FIELD_SPLIT = Pattern.compile("\\s{2,}(?=[A-Za-z][^:]*:)");
    private static final Pattern CONSTANT = Pattern.compile(
            "static final String (\\w+)\\s*=\\s*((?:\"[^\"]*\"\\s*\\+?\\s*)+);");
    private static final Pattern CONSTANT_REF = Pattern.compile(
            "static final String (\\w+)\\s*=\\s*((?:\\w+\\s*\\+?\\s*)+);");

    private VectorFile() {
    }

    /** Returns the text of {@code vectors/<name>}. */
    public static String text(String name) {
        try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + name)) {
            Objects.requireNonNull(in, "missing vector resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the sections of {@code name}, in file order. */
    public static List<Section> sections(String name) {
        List<Section> out = new ArrayList<>();
        Section current = null;
        String continuing = null;
        for (String line : text(name).split("\n")) {
            if (line.startsWith("## ")) {
                current = new Section(line.substring(3).trim());
                out.add(current);
                continuing = null;
                continue;
            }
            if (current == null || line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && continuing != null) {
                current.fields.merge(continuing, line.trim().replace(" ", ""), String::concat);
                continue;
            }
            continuing = null;
            for (String part : FIELD_SPLIT.split(line.trim())) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    colon = part.indexOf('=');
                }
                if (colon < 0) {
                    continue;
                }
                String key = part.substring(0, colon).trim();
                String value = part.substring(colon + 1).trim();
                current.fields.put(key, value);
                if (value.isEmpty()) {
                    continuing = key;
                }
            }
        }
        return out;
    }

    /** Returns the hex string constants of an AOSP Java excerpt, with constant references resolved. */
    public static Map<String, String> javaConstants(String name) {
        String text = text(name);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = CONSTANT.matcher(text);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2).replaceAll("[\"+\\s]", ""));
        }
        Matcher r = CONSTANT_REF.matcher(text);
        while (r.find()) {
            StringBuilder sb = new StringBuilder();
            boolean complete = true;
            for (String ref : r.group(2).split("[+\\s]+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                String v = out.get(ref);
                if (v == null) {
                    complete = false;
                    break;
                }
                sb.append(v);
            }
            if (complete) {
                out.putIfAbsent(r.group(1), sb.toString());
            }
        }
        return out;
    }

    /** Returns the {@code name = value} lines of a file without sections (the CAVP excerpt). */
    public static Map<String, String> assignments(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text(name).split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 0) {
                continue;
            }
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return out;
    }

    /** Parses hex, ignoring case. */
    public static byte[] hex(String hex) {
        return HEX.parseHex(hex.toLowerCase());
    }

    /** One {@code ## } section. */
    public static final class Section {
        private final String title;
        final Map<String, String> fields = new LinkedHashMap<>();

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public boolean has(String key) {
            return fields.containsKey(key);
        }

        /** Returns the raw value of {@code key}. */
        public String value(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException("section '" + title + "' has no field '" + key
                        + "' (fields: " + fields.keySet() + ")");
            }
            return v;
        }

        /** Returns the bytes of the first hex token of {@code key}'s value. */
        public byte[] bytes(String key) {
            String v = value(key).split("\\s")[0];
            return hex(v);
        }

        /** Returns the first key that starts with {@code prefix}. */
        public String keyStartingWith(String prefix) {
            return fields.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("section '" + title + "' has no field "
                            + prefix + "… (fields: " + fields.keySet() + ")"));
        }

        @Override
        public String toString() {
            return title;
        }
    }
}
