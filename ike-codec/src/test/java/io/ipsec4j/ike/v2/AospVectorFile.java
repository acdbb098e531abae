package io.ipsec4j.ike.v2;

import io.ipsec4j.fixtures.FixtureFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hex constants of an AOSP vector file (verbatim Java {@code private static final}
 * declarations under {@code ## tests/.../XxxTest.java} headings, or one {@code # File:} line) into {@code XxxTest.NAME -> hex}.
 * String concatenation and references to earlier constants of the same section are resolved;
 * constants that are not hexadecimal (addresses, names, numbers) are left out.
 */
final class AospVectorFile {
    private static final Pattern SECTION = Pattern.compile("^## \\S*/(\\w+)\\.java", Pattern.MULTILINE);
    /** A file with one test class names it in a {@code # File:} comment instead of sections. */
    private static final Pattern FILE = Pattern.compile("^# File: \\S*/(\\w+)\\.java", Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile(
            "private static final (?:String|byte\\[\\]) (\\w+)\\s*=(.*?);", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|\\b([A-Z][A-Z0-9_]+)\\b|(\\.getBytes)");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");

    private AospVectorFile() {}

    static Map<String, String> load(String resource) {
        String text = read(resource);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher file = FILE.matcher(text);
        if (!SECTION.matcher(text).find() && file.find()) {
            parseSection(file.group(1), text, out);
            return out;
        }
        Matcher sections = SECTION.matcher(text);
        int start = -1;
        String section = null;
        while (true) {
            boolean found = sections.find();
            if (section != null) {
                parseSection(section, text.substring(start, found ? sections.start() : text.length()), out);
            }
            if (!found) {
                return out;
            }
            section = sections.group(1);
            start = sections.end();
        }
    }

    private static void parseSection(String section, String body, Map<String, String> out) {
        Map<String, String> local = new LinkedHashMap<>();
        Matcher d = DECLARATION.matcher(body);
        while (d.find()) {
            StringBuilder value = new StringBuilder();
            boolean ok = true;
            Matcher t = TOKEN.matcher(d.group(2));
            while (t.find()) {
                if (t.group(1) != null) {
                    value.append(t.group(1));
                } else if (t.group(2) != null && local.containsKey(t.group(2))) {
                    value.append(local.get(t.group(2)));
                } else if (t.group(3) != null || t.group(2) != null && !t.group(2).equals("TestUtils")) {
                    ok = false;
                }
            }
            if (ok && value.length() > 0 && HEX.matcher(value).matches()) {
                local.put(d.group(1), value.toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        local.forEach((name, hex) -> out.put(section + "." + name, hex));
    }

    /** {@code /vectors/<name>} names a file bundled with {@link FixtureFiles}. */
    private static String read(String resource) {
        return FixtureFiles.vector(resource.substring(resource.lastIndexOf('/') + 1));
    }
}
