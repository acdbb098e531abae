package io.ipsec4j.esp;

/**
 * Where an SA stands against its lifetime limits.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.4.2.1">RFC 4301 §4.4.2.1</a>
 */
public enum EspLifetimeState {
    /** Below every soft limit. */
    ACTIVE,
    /** A soft limit was reached: rekey now; the SA still works. */
    REKEY,
    /** A hard limit was reached or the SA was closed: seal and open refuse with {@link EspSaExpiredException}. */
    EXPIRED
}
