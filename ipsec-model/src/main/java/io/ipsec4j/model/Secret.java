package io.ipsec4j.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A shared secret (pre-shared key) that never shows itself.
 *
 * <p>IKE authenticates both ends with a PSK (RFC 7296 §2.15). The value is printed as
 * {@code ****} by {@link #toString()}, never appears in exception messages, and is compared in
 * constant time. Callers that really need the characters (to hand them to an IKE daemon, or to
 * write an export the user asked for) call {@link #reveal()}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.15">RFC 7296 §2.15</a>
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret. An empty secret is allowed here (redacted cloud files carry one); the
     * tunnel model rejects it when a tunnel is built.
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value);
    }

    /** Returns the secret's characters; the only way to see them. */
    public String reveal() {
        return value;
    }

    /** Length in characters: safe to show, and what most PSK rules are about. */
    public int length() {
        return value.length();
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** True when every character matches {@code regex}; the result reveals nothing else. */
    public boolean matches(String regex) {
        return value.matches(regex);
    }

    /** Constant-time comparison of the UTF-8 bytes. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Secret)) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8),
                ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
    }

    /** A constant: a hash of the value would leak information about it. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
