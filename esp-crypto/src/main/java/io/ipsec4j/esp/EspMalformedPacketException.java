package io.ipsec4j.esp;

/**
 * The bytes are not a well-formed ESP packet for this SA: too short, not aligned, or a trailer
 * whose pad length exceeds the payload.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-2">RFC 4303 §2</a>
 */
public final class EspMalformedPacketException extends EspException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says what was received and what was expected. */
    public EspMalformedPacketException(String message) {
        super(message);
    }
}
