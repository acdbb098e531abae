package io.ipsec4j.config;

import java.util.Objects;

/**
 * Something in an input that was accepted but deserves the user's attention: a placeholder, an empty
 * value, a single tunnel, an element this version does not know, a fact about the format itself.
 *
 * <p>Warnings are data, separate from errors: a file with warnings still gives tunnels. Like
 * {@link ConfigParseException}, a warning never quotes a secret.
 */
public final class ConfigWarning {
    /** What kind of attention a warning asks for. */
    public enum Kind {
        /** A documentation placeholder ({@code YOUR_UPLINK_ADDRESS}, {@code pre-shared-key}, …) stands for a value. */
        PLACEHOLDER,
        /** A value is empty (redacted copies, TGW gateway ids). */
        EMPTY_VALUE,
        /** The file states only the provider's minimum algorithm set, not the tunnel's real policy. */
        MINIMUM_ALGORITHM_SET,
        /** Fewer or more tunnels than the provider normally gives. */
        TUNNEL_COUNT,
        /** An element, key or line this parser does not know was ignored. */
        UNKNOWN_FIELD,
        /** Values that should differ are equal (or the other way round). */
        SUSPICIOUS_VALUE,
        /** The format does not carry some information; defaults or other resources are needed. */
        MISSING_INFORMATION,
        /** A finding of the model's validation or of a vendor profile (mapping step). */
        VALIDATION
    }

    private final Kind kind;
    private final String message;
    private final SourceLocation location;

    private ConfigWarning(Kind kind, String message, SourceLocation location) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** A warning of {@code kind} at {@code location}; {@code message} must not contain secrets. */
    public static ConfigWarning of(Kind kind, SourceLocation location, String message) {
        return new ConfigWarning(kind, message, location);
    }

    /** What kind of attention this warning asks for. */
    public Kind kind() {
        return kind;
    }

    /** The explanation, without secrets. */
    public String message() {
        return message;
    }

    /** Where the warning applies ({@link SourceLocation#unknown()} for the whole input). */
    public SourceLocation location() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigWarning
                && kind == ((ConfigWarning) o).kind
                && message.equals(((ConfigWarning) o).message)
                && location.equals(((ConfigWarning) o).location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, message, location);
    }

    /** {@code PLACEHOLDER at line 12: …}. */
    @Override
    public String toString() {
        return kind + (location.isUnknown() ? "" : " at " + location) + ": " + message;
    }
}
