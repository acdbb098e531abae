/**
 * The IKEv2 message and payload codec (RFC 7296 and companions), without cryptography.
 *
 * <p>{@link io.ipsec4j.ike.v2.IkeMessageDecoder} turns a datagram into an
 * {@link io.ipsec4j.ike.v2.IkeMessage} (an {@link io.ipsec4j.ike.v2.IkeHeader} and a list of
 * {@link io.ipsec4j.ike.v2.IkePayload}s, one record per payload type);
 * {@link io.ipsec4j.ike.v2.IkeMessageEncoder} does the reverse into the caller's {@code ByteBuf}.
 * Open registries ({@link io.ipsec4j.ike.v2.IkePayloadType}, {@link io.ipsec4j.ike.v2.IkeExchangeType},
 * {@link io.ipsec4j.ike.v2.IkeNotifyType}, …) keep unknown numbers, so that unknown payloads,
 * transforms and notifications survive a round trip. Protocol errors are checked
 * {@link io.ipsec4j.ike.v2.IkeErrorNotifyException}s, one final class per RFC 7296 error type.
 * SK and SKF payloads stay encrypted here; their decrypted content is decoded with
 * {@link io.ipsec4j.ike.v2.IkeMessageDecoder#decodePayloads}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3">RFC 7296 §3</a>
 */
package io.ipsec4j.ike.v2;
