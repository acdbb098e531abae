package io.ipsec4j.esp;

/**
 * The outbound sequence number space (2^32 − 1, or 2^64 − 1 with ESN) is used up: the SA must be
 * rekeyed, since sequence numbers never wrap.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.3.3">RFC 4303 §3.3.3</a>
 */
public final class EspSequenceExhaustedException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the SA {@code spi}. */
    public EspSequenceExhaustedException(int spi, boolean esn) {
        super(String.format("sequence numbers exhausted: SPI 0x%08x (%s); rekey the SA",
                spi, esn ? "64-bit ESN" : "32-bit"));
    }
}
