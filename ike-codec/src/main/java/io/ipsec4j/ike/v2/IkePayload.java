package io.ipsec4j.ike.v2;

import io.netty.buffer.ByteBuf;

/**
 * One IKEv2 payload: the generic payload header's content plus a type-specific body.
 *
 * <p>Every payload starts with the generic header: Next Payload (the type of the payload that
 * follows), a Critical bit, seven reserved bits and the Payload Length. The Next Payload chain is a
 * property of the message, not of a payload, so it is computed when a list of payloads is encoded.
 * The critical bit is kept only for {@link IkeUnknownPayload}: RFC 7296 defines it as meaningless for
 * the payload types every implementation understands. Implementations are immutable records; the
 * set is closed, with {@link IkeUnknownPayload} standing for every other type.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.2">RFC 7296 §3.2</a>
 */
public sealed interface IkePayload permits IkeSaPayload, IkeKePayload, IkeIdPayload, IkeCertPayload,
        IkeCertReqPayload, IkeAuthPayload, IkeNoncePayload, IkeNotifyPayload, IkeDeletePayload,
        IkeVendorPayload, IkeTsPayload, IkeSkPayload, IkeSkfPayload, IkeConfigPayload, IkeEapPayload,
        IkeUnknownPayload {

    /** Returns the payload type, as named by the previous payload's Next Payload field. */
    IkePayloadType type();

    /** Returns the critical bit; {@code false} for every payload type this codec understands. */
    default boolean isCritical() {
        return false;
    }

    /** Returns the length of the body, without the four-byte generic header. */
    int bodyLength();

    /** Writes the body, without the generic header, {@link #bodyLength()} bytes. */
    void encodeBody(ByteBuf out);
}
