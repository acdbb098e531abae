package io.ipsec4j.ike;

import java.util.Objects;

/**
 * Received bytes are not a DER-encoded X.501 Name that {@link IkeDistinguishedNames} accepts: a
 * truncated or overlong element, a non-minimal length, an unexpected tag, a bad OID, or a name over
 * the size bounds.
 *
 * <p>A name is one field of an ID or CERT payload, so this is not itself an answer to a peer: the
 * caller maps it to its version's error (IKEv1 INVALID-ID-INFORMATION, IKEv2 AUTHENTICATION_FAILED)
 * or treats the ID as one the model cannot represent. The message says what came and what was
 * expected and never contains the name's bytes.
 */
public final class IkeMalformedNameException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says what came and what was expected. */
    public IkeMalformedNameException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }
}
