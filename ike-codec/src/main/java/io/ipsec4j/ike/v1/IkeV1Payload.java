package io.ipsec4j.ike.v1;

import io.netty.buffer.ByteBuf;

/**
 * One ISAKMP payload of a message: its type and its body after the generic payload header.
 *
 * <p>The generic header (Next Payload, a reserved byte, Payload Length) is written by
 * {@link IkeV1MessageEncoder}; a payload knows only its body.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.2">RFC 2408 §3.2</a>
 */
public interface IkeV1Payload {
    /** Returns the payload type. */
    IkeV1PayloadType type();

    /** Returns the length of the body, without the 4-byte generic header. */
    int bodyLength();

    /** Writes the body. */
    void encodeBody(ByteBuf out);
}
