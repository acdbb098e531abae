package io.ipsec4j.esp;

/**
 * The packet's ICV did not verify (or AEAD decryption failed); the packet is dropped. The message
 * does not say whether padding, ICV or key was at fault.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.4">RFC 4303 §3.4.4</a>
 */
public final class EspAuthenticationException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SA {@code spi} and the packet's {@code sequence}. */
    public EspAuthenticationException(int spi, long sequence) {
        super(String.format("authentication failed: SPI 0x%08x, sequence %d", spi, sequence));
    }
}
