package io.ipsec4j.config;

import java.util.Objects;

/**
 * A cloud configuration input could not be read: the one checked exception of this module.
 *
 * <p>It names the format (as far as it was detected), the position ({@link SourceLocation}: line
 * and column, JSON pointer or XPath), what was wrong and what was expected. Messages never contain
 * a pre-shared key or any other secret from the input: parsers quote values only for fields that
 * are not secret, and syntax errors from the JSON and XML libraries are stripped of input text.
 */
public final class ConfigParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CloudConfigFormat format;
    private final transient SourceLocation location;
    private final String problem;
    private final String expected;

    /**
     * Creates an exception.
     *
     * @param format the format being read ({@link CloudConfigFormat#UNKNOWN} before detection)
     * @param location where the problem is
     * @param problem what was found, with no secret in it
     * @param expected what was expected instead (may be empty)
     */
    public ConfigParseException(CloudConfigFormat format, SourceLocation location, String problem, String expected) {
        this(format, location, problem, expected, null);
    }

    /** As {@link #ConfigParseException(CloudConfigFormat, SourceLocation, String, String)}, with a cause. */
    public ConfigParseException(
            CloudConfigFormat format, SourceLocation location, String problem, String expected, Throwable cause) {
        super(compose(format, location, problem, expected), cause);
        this.format = Objects.requireNonNull(format, "format");
        this.location = Objects.requireNonNull(location, "location");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.expected = expected == null ? "" : expected;
    }

    private static String compose(CloudConfigFormat format, SourceLocation location, String problem, String expected) {
        StringBuilder sb = new StringBuilder();
        sb.append(format == null ? "?" : format.displayName());
        if (location != null && !location.isUnknown()) {
            sb.append(", ").append(location);
        }
        sb.append(": ").append(problem);
        if (expected != null && !expected.isEmpty()) {
            sb.append(" (expected: ").append(expected).append(')');
        }
        return sb.toString();
    }

    /** The format being read when the problem was found. */
    public CloudConfigFormat format() {
        return format;
    }

    /** Where the problem is. */
    public SourceLocation location() {
        return location;
    }

    /** What was found. */
    public String problem() {
        return problem;
    }

    /** What was expected, or an empty string. */
    public String expected() {
        return expected;
    }
}
