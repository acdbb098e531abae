package io.ipsec4j.esp;

/**
 * No SA is installed for the packet's SPI (or the packet was given to an SA with another SPI).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.2">RFC 4303 §3.4.2</a>
 */
public final class EspUnknownSpiException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the packet's {@code spi}. */
    public EspUnknownSpiException(int spi) {
        super(String.format("no SA for SPI 0x%08x", spi));
    }
}
