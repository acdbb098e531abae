package io.ipsec4j.esp;

/**
 * The direction of an SA: an SA protects traffic one way only (RFC 4301 §4.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.1">RFC 4301 §4.1</a>
 */
public enum EspDirection {
    /** This side seals with the SA. */
    OUTBOUND,
    /** This side opens with the SA. */
    INBOUND
}
