package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeErrorException;
import io.ipsec4j.model.Bytes;

/**
 * ISAKMP error PAYLOAD-MALFORMED (16): a received IKEv1 message or payload does not parse.
 *
 * <p>The IKEv1 decoder throws only this type for bad bytes: a length, count or field out of range,
 * a chain that over- or under-runs its message. The message names the field, what came and what
 * was expected; {@link #offset()} is the byte offset, in the datagram (or decrypted body), of the
 * payload where the problem was found, or -1 when it concerns the whole message. Like every
 * {@link IkeErrorException} it may be answered with a Notify only when
 * {@link #isIntegrityProtected()} (found inside a decrypted, HASH-checked message).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-5.1">RFC 2408 §5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.14.1">RFC 2408 §3.14.1</a>
 */
public final class IkeV1PayloadMalformedException extends IkeErrorException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    /** Creates the error; {@code offset} is -1 when unknown. */
    public IkeV1PayloadMalformedException(String message, int offset, boolean integrityProtected) {
        super(IkeV1NotifyType.PAYLOAD_MALFORMED.code(), Bytes.EMPTY, integrityProtected, message, null);
        this.offset = offset;
    }

    /** Returns the byte offset of the payload where the problem was found, or -1. */
    public int offset() {
        return offset;
    }
}
