package io.ipsec4j.esp;

/**
 * The SA reached a hard lifetime limit (bytes, packets or time) or was closed; it must not be used
 * any more.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.4.2.1">RFC 4301 §4.4.2.1</a>
 */
public final class EspSaExpiredException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code reason} names the limit. */
    public EspSaExpiredException(int spi, String reason) {
        super(String.format("SA expired: SPI 0x%08x, %s", spi, reason));
    }
}
