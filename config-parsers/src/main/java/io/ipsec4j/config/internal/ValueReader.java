package io.ipsec4j.config.internal;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigWarning;
import io.ipsec4j.config.InsideAddress;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Asn;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one field into a typed value for a parser, collecting warnings: an empty value
 * or a placeholder is a warning and gives no value; anything else that does not parse is a
 * {@link ConfigParseException} at the field's location. Secret values are never quoted.
 */
public final class ValueReader {
    /** A number, optionally followed by a unit word: {@code 28800 seconds}, {@code 1379 bytes}. */
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,18})(?:\\s*[A-Za-z()]+\\.?)?");

    private final CloudConfigFormat format;
    private final List<ConfigWarning> warnings = new ArrayList<>();

    /** A reader for {@code format}. */
    public ValueReader(CloudConfigFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The format being read. */
    public CloudConfigFormat format() {
        return format;
    }

    /** The warnings collected so far, in order. */
    public List<ConfigWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** Adds a warning; {@code message} must not contain secrets. */
    public void warn(ConfigWarning.Kind kind, SourceLocation at, String message) {
        warnings.add(ConfigWarning.of(kind, at, message));
    }

    /** An error at {@code at}. */
    public ConfigParseException error(SourceLocation at, String problem, String expected) {
        return new ConfigParseException(format, at, problem, expected);
    }

    /** False (with a warning) when the value is empty or a placeholder; the value is quoted. */
    private boolean usable(String what, String raw, SourceLocation at) {
        if (raw == null || raw.isBlank()) {
            warn(ConfigWarning.Kind.EMPTY_VALUE, at, what + " is empty");
            return false;
        }
        if (Placeholders.isPlaceholder(raw)) {
            warn(ConfigWarning.Kind.PLACEHOLDER, at, what + " is the placeholder \"" + raw.trim() + "\", not a value");
            return false;
        }
        return true;
    }

    /** An IPv4 or IPv6 literal. */
    public Optional<IpAddress> address(String what, String raw, SourceLocation at) throws ConfigParseException {
        if (!usable(what, raw, at)) {
            return Optional.empty();
        }
        String v = raw.trim();
        if (!IpAddress.isLiteral(v)) {
            throw error(at, what + " \"" + shorten(v) + "\" is not an IP address", "an IPv4 or IPv6 address literal");
        }
        return Optional.of(IpAddress.parse(v));
    }

    /** An interface address with prefix, {@code 169.254.97.158/30}. */
    public Optional<InsideAddress> insideAddress(String what, String raw, SourceLocation at) throws ConfigParseException {
        if (!usable(what, raw, at)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InsideAddress.parse(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw error(at, what + " \"" + shorten(raw.trim()) + "\" is not an address with a prefix length",
                    "address/prefix such as 169.254.10.2/30");
        }
    }

    /** A network; host bits must be zero. */
    public Optional<Cidr> cidr(String what, String raw, SourceLocation at) throws ConfigParseException {
        if (!usable(what, raw, at)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cidr.parse(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw error(at, what + " \"" + shorten(raw.trim()) + "\" is not a network (CIDR)", "a CIDR such as 10.0.0.0/16");
        }
    }

    /** A BGP ASN. */
    public Optional<Asn> asn(String what, String raw, SourceLocation at) throws ConfigParseException {
        if (!usable(what, raw, at)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Asn.parse(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw error(at, what + " \"" + shorten(raw.trim()) + "\" is not a usable BGP ASN", "1..4294967294, not 23456");
        }
    }

    /** A non-negative number, optionally followed by a unit word. */
    public OptionalLong number(String what, String raw, SourceLocation at) throws ConfigParseException {
        if (!usable(what, raw, at)) {
            return OptionalLong.empty();
        }
        Matcher m = NUMBER_WITH_UNIT.matcher(raw.trim());
        if (!m.matches()) {
            throw error(at, what + " \"" + shorten(raw.trim()) + "\" is not a number", "a whole number, optionally with a unit");
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /** A number that must fit {@code min..max}. */
    public OptionalInt intInRange(String what, String raw, SourceLocation at, int min, int max) throws ConfigParseException {
        OptionalLong n = number(what, raw, at);
        if (n.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(checkRange(what, n.getAsLong(), at, min, max));
    }

    /** Checks that {@code value} is within {@code min..max}. */
    public int checkRange(String what, long value, SourceLocation at, int min, int max) throws ConfigParseException {
        if (value < min || value > max) {
            throw error(at, what + ": " + value, min + ".." + max);
        }
        return (int) value;
    }

    /** A pre-shared key: empty or a placeholder gives a warning and no value; never quoted. */
    public Optional<Secret> secret(String what, String raw, SourceLocation at) {
        if (raw == null || raw.isEmpty()) {
            warn(ConfigWarning.Kind.EMPTY_VALUE, at, what + " is empty (a redacted copy?)");
            return Optional.empty();
        }
        if (Placeholders.isSecretPlaceholder(raw)) {
            warn(ConfigWarning.Kind.PLACEHOLDER, at, what + " is a documentation placeholder, not a key");
            return Optional.empty();
        }
        return Optional.of(Secret.of(raw));
    }

    /** An identifier: empty gives no value (no warning; callers decide), a placeholder warns. */
    public Optional<String> id(String what, String raw, SourceLocation at) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (Placeholders.isPlaceholder(raw)) {
            warn(ConfigWarning.Kind.PLACEHOLDER, at, what + " is the placeholder \"" + raw.trim() + "\"");
            return Optional.empty();
        }
        return Optional.of(raw.trim());
    }

    /** A value for a message: at most 64 characters. */
    public static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
