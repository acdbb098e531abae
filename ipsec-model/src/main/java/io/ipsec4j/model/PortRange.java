package io.ipsec4j.model;

/**
 * An inclusive range of TCP/UDP/SCTP ports, 0..65535.
 *
 * @param start first port
 * @param end   last port, not below {@code start}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.13.1">RFC 7296 §3.13.1</a>
 */
public record PortRange(int start, int end) implements Comparable<PortRange> {
    /** Every port: what a selector without a port restriction carries. */
    public static final PortRange ALL = new PortRange(0, 65535);

    /** Validates the bounds. */
    public PortRange {
        if (start < 0 || start > 65535 || end < 0 || end > 65535) {
            throw new IllegalArgumentException("port range " + start + "-" + end + ": ports must be 0..65535");
        }
        if (start > end) {
            throw new IllegalArgumentException("port range " + start + "-" + end + ": start is after end");
        }
    }

    /** A single port. */
    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public static PortRange of(int start, int end) {
        return new PortRange(start, end);
    }

    /** Parses {@code 443}, {@code 1024-65535} or {@code any}. */
    public static PortRange parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("any") || t.equals("%any")) {
            return ALL;
        }
        int dash = t.indexOf('-');
        return dash < 0 ? of(parsePort(t, text)) : of(parsePort(t.substring(0, dash), text), parsePort(t.substring(dash + 1), text));
    }

    private static int parsePort(String digits, String whole) {
        String d = digits.trim();
        if (d.isEmpty() || d.length() > 5 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("port range \"" + whole + "\": not a port number");
        }
        return Integer.parseInt(d);
    }

    public boolean isAll() {
        return start == 0 && end == 65535;
    }

    public boolean contains(PortRange other) {
        return start <= other.start && end >= other.end;
    }

    @Override
    public int compareTo(PortRange other) {
        return start != other.start ? Integer.compare(start, other.start) : Integer.compare(end, other.end);
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
