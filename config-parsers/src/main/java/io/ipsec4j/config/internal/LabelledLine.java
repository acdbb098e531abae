package io.ipsec4j.config.internal;

import java.util.Optional;

/**
 * One {@code label : value} line of a text download, split at its first colon by index, not by a
 * regular expression.
 *
 * <p>A pattern such as {@code \s+([^:]+?)\s*:(.*?)\s*$}, whose label class overlaps {@code \s},
 * backtracks polynomially on a long run of spaces without a colon (seconds for a few thousand
 * characters); splitting with {@code indexOf} takes time linear in the line whatever it holds.
 * Whitespace is the regex {@code \s} set (space, TAB, LF, VT, FF, CR).
 *
 * @param label the text before the first colon, stripped, never blank
 * @param value the text after it, stripped (may be empty)
 */
public record LabelledLine(String label, String value) {
    /**
     * Splits {@code text} at its first {@code ':'}; empty when there is no colon or nothing but
     * whitespace before it.
     */
    public static Optional<LabelledLine> split(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String label = strip(text.substring(0, colon));
        if (label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LabelledLine(label, strip(text.substring(colon + 1))));
    }

    /**
     * The rest of {@code line} after a list marker: optional leading whitespace, the character
     * {@code marker}, then at least one whitespace character; empty when {@code line} does not
     * start that way.
     */
    public static Optional<String> afterMarker(String line, char marker) {
        int i = skipSpace(line, 0);
        if (i >= line.length() || line.charAt(i) != marker || i + 1 >= line.length() || !isSpace(line.charAt(i + 1))) {
            return Optional.empty();
        }
        return Optional.of(line.substring(i + 1));
    }

    /** True for the characters of the regex class {@code \s}. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The index of the first non-{@code \s} character at or after {@code from}. */
    public static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code s} without leading and trailing {@code \s} characters. */
    public static String strip(String s) {
        int start = skipSpace(s, 0);
        int end = s.length();
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
