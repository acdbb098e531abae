package io.ipsec4j.esp;

/**
 * The packet's sequence number was already received and verified on this SA (anti-replay).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.3">RFC 4303 §3.4.3</a>
 */
public final class EspReplayException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SA {@code spi} and the replayed {@code sequence}. */
    public EspReplayException(int spi, long sequence) {
        super(String.format("replayed packet: SPI 0x%08x, sequence %d", spi, sequence));
    }
}
