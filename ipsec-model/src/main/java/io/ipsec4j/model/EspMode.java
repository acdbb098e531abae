package io.ipsec4j.model;

/**
 * ESP encapsulation mode of the CHILD SA.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.1">RFC 4303 §3.1</a>
 */
public enum EspMode {
    /** The whole inner IP packet is protected; what site-to-site tunnels use. */
    TUNNEL,
    /** Only the payload of the original packet is protected (USE_TRANSPORT_MODE). */
    TRANSPORT
}
