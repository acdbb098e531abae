package io.ipsec4j.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IKE identity (local ID or remote ID): a type and its value.
 *
 * <p>Phase I fails with AUTHENTICATION_FAILED when the ID a peer sends is not the remote ID the
 * other end expects, so identities are compared exactly: type and value. {@link #parse(String)}
 * follows strongSwan's rules: an IP literal is an address ID; {@code @name} forces an FQDN;
 * {@code user@domain} is a user FQDN; text with {@code =} is a DN; {@code @#hex} is a key ID;
 * anything else is an FQDN.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 */
public final class Identity {
    private static final Pattern FQDN_PATTERN =
            Pattern.compile("(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})+");
    /** Longest identity text accepted; IDs are short, this bounds hostile input. */
    public static final int MAX_LENGTH = 1024;

    private final IdentityType type;
    private final String value;

    private Identity(IdentityType type, String value) {
        this.type = type;
        this.value = value;
    }

    /** An address identity (ID_IPV4_ADDR or ID_IPV6_ADDR). */
    public static Identity address(IpAddress address) {
        Objects.requireNonNull(address, "address");
        return new Identity(address.family() == IpFamily.IPV4 ? IdentityType.IPV4_ADDR : IdentityType.IPV6_ADDR,
                address.toString());
    }

    /** An FQDN identity; compared case-insensitively, so stored in lower case. */
    public static Identity fqdn(String name) {
        Objects.requireNonNull(name, "name");
        if (!FQDN_PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("FQDN identity \"" + abbreviate(name) + "\": not a domain name");
        }
        return new Identity(IdentityType.FQDN, name.toLowerCase(Locale.ROOT));
    }

    /** A user FQDN (RFC 822 address) identity such as {@code gw@example.com}. */
    public static Identity userFqdn(String address) {
        Objects.requireNonNull(address, "address");
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || !FQDN_PATTERN.matcher(address.substring(at + 1)).matches()
                || address.substring(0, at).chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("user FQDN identity \"" + abbreviate(address) + "\": expected user@domain");
        }
        return new Identity(IdentityType.USER_FQDN, address);
    }

    /** A distinguished-name identity, kept as written (normalised spacing after commas). */
    public static Identity distinguishedName(String dn) {
        Objects.requireNonNull(dn, "dn");
        // Length first: "\s*," is tried at every position of a run of spaces (quadratic in the run).
        String trimmed = dn.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "DN identity: " + trimmed.length() + " characters (expected: <= " + MAX_LENGTH + ")");
        }
        String normalized = trimmed.replaceAll("\\s*,\\s*", ", ").replaceAll("\\s*=\\s*", "=");
        if (normalized.indexOf('=') <= 0 || normalized.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("DN identity \"" + abbreviate(dn) + "\": expected attribute=value pairs");
        }
        return new Identity(IdentityType.DER_ASN1_DN, normalized);
    }

    /** A key ID identity from hexadecimal digits (stored in lower case). */
    public static Identity keyId(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() > MAX_LENGTH || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("key ID identity \"" + abbreviate(hex) + "\": expected hexadecimal octets");
        }
        return new Identity(IdentityType.KEY_ID, hex.toLowerCase(Locale.ROOT));
    }

    /** Parses identity text with strongSwan's rules (see the class comment). */
    public static Identity parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("identity: empty");
        }
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("identity: " + t.length() + " characters (expected: <= " + MAX_LENGTH + ")");
        }
        if (IpAddress.isLiteral(t)) {
            return address(IpAddress.parse(t));
        }
        if (t.startsWith("@#")) {
            return keyId(t.substring(2));
        }
        if (t.startsWith("@")) {
            return fqdn(t.substring(1));
        }
        if (t.indexOf('=') > 0) {
            return distinguishedName(t);
        }
        if (t.indexOf('@') > 0) {
            return userFqdn(t);
        }
        return fqdn(t);
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }

    public IdentityType type() {
        return type;
    }

    /** The value as text: the address, name, DN or hexadecimal key ID. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof Identity && type == ((Identity) other).type && value.equals(((Identity) other).value));
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + value.hashCode();
    }

    /** Text that {@link #parse(String)} reads back to an equal identity. */
    @Override
    public String toString() {
        switch (type) {
            case FQDN:
                return IpAddress.isLiteral(value) || value.indexOf('=') > 0 ? "@" + value : value;
            case KEY_ID:
                return "@#" + value;
            default:
                return value;
        }
    }
}
