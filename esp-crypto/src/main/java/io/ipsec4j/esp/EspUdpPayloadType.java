package io.ipsec4j.esp;

/**
 * What a UDP datagram on port 4500 carries.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2.2">RFC 3948 §2.2</a>
 */
public enum EspUdpPayloadType {
    /** An ESP packet (the first four bytes, the SPI, are not zero). */
    ESP,
    /** An IKE message behind the 4-byte non-ESP marker (zeros). */
    IKE,
    /** A NAT-keepalive: the single byte 0xFF. */
    NAT_KEEPALIVE
}
