package io.ipsec4j.esp;

/**
 * The packet's sequence number lies left of (older than) the anti-replay window, or is 0.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.3">RFC 4303 §3.4.3</a>
 */
public final class EspOutsideWindowException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code sequence}, with the window's highest sequence and size. */
    public EspOutsideWindowException(int spi, long sequence, long highest, int window) {
        super(String.format("sequence outside the replay window: SPI 0x%08x, sequence %d (expected: > %d, window %d)",
                spi, sequence, Math.max(0, highest - window), window));
    }
}
