package io.ipsec4j.esp;

import java.security.GeneralSecurityException;

/**
 * A packet or SA operation the ESP engine refused. Subclasses name the condition; messages carry
 * SPIs, sequence numbers and lengths, never key material or decrypted bytes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4">RFC 4303 §3.4</a>
 */
public class EspException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message free of key material. */
    public EspException(String message) {
        super(message);
    }

    /** Creates the exception with a message free of key material and a cause. */
    public EspException(String message, Throwable cause) {
        super(message, cause);
    }
}
