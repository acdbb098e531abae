package io.ipsec4j.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where in an input a value or a problem is: a line (and column) for text and for JSON syntax
 * errors, a JSON pointer (RFC 6901) for JSON values, an XPath for XML values.
 *
 * <p>Lines and columns are 1-based and count lines after CRLF and CR were normalised to LF, which
 * keeps the numbers an editor shows.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6901">RFC 6901 (JSON Pointer)</a>
 */
public final class SourceLocation {
    private static final SourceLocation UNKNOWN = new SourceLocation(0, 0, null, null);

    private final int line;
    private final int column;
    private final String jsonPointer;
    private final String xpath;

    private SourceLocation(int line, int column, String jsonPointer, String xpath) {
        this.line = line;
        this.column = column;
        this.jsonPointer = jsonPointer;
        this.xpath = xpath;
    }

    /** A whole line (1-based). */
    public static SourceLocation line(int line) {
        return lineColumn(line, 0);
    }

    /** A line and column (1-based; a column of 0 means "the whole line"). */
    public static SourceLocation lineColumn(int line, int column) {
        if (line < 1 || column < 0) {
            throw new IllegalArgumentException("line: " + line + ", column: " + column + " (expected: line >= 1, column >= 0)");
        }
        return new SourceLocation(line, column, null, null);
    }

    /** A JSON pointer such as {@code /vpnSiteConnections/0/connectionConfiguration/PSK}. */
    public static SourceLocation jsonPointer(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        return new SourceLocation(0, 0, pointer, null);
    }

    /** An XPath such as {@code /vpn_connection/ipsec_tunnel[2]/ike/lifetime}, optionally with a line. */
    public static SourceLocation xpath(String xpath, int line) {
        Objects.requireNonNull(xpath, "xpath");
        return new SourceLocation(Math.max(line, 0), 0, null, xpath);
    }

    /** No position is known. */
    public static SourceLocation unknown() {
        return UNKNOWN;
    }

    /** The line, if known. */
    public OptionalInt lineNumber() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The column, if known. */
    public OptionalInt columnNumber() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /** The JSON pointer, if this is a JSON value location. */
    public Optional<String> pointer() {
        return Optional.ofNullable(jsonPointer);
    }

    /** The XPath, if this is an XML value location. */
    public Optional<String> xpathExpression() {
        return Optional.ofNullable(xpath);
    }

    /** True when nothing is known. */
    public boolean isUnknown() {
        return line == 0 && jsonPointer == null && xpath == null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SourceLocation)) {
            return false;
        }
        SourceLocation other = (SourceLocation) o;
        return line == other.line && column == other.column && Objects.equals(jsonPointer, other.jsonPointer)
                && Objects.equals(xpath, other.xpath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, jsonPointer, xpath);
    }

    /** {@code line 12}, {@code line 14, column 167}, {@code JSON pointer /a/0}, {@code XPath /x (line 3)}. */
    @Override
    public String toString() {
        if (jsonPointer != null) {
            return "JSON pointer " + (jsonPointer.isEmpty() ? "\"\" (the document)" : jsonPointer);
        }
        if (xpath != null) {
            return "XPath " + xpath + (line > 0 ? " (line " + line + ")" : "");
        }
        if (line > 0) {
            return column > 0 ? "line " + line + ", column " + column : "line " + line;
        }
        return "unknown position";
    }
}
