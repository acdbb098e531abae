/**
 * The IKEv2 message and payload codec (RFC 7296 and companions), with SK/SKF protection, the
 * key schedule and PSK authentication.
 *
 * <p>{@link io.ipsec4j.ike.v2.IkeMessageDecoder} turns a datagram into an
 * {@link io.ipsec4j.ike.v2.IkeMessage} (an {@link io.ipsec4j.ike.v2.IkeHeader} and a list of
 * {@link io.ipsec4j.ike.v2.IkePayload}s, one record per payload type);
 * {@link io.ipsec4j.ike.v2.IkeMessageEncoder} does the reverse into the caller's {@code ByteBuf}.
 * Open registries ({@link io.ipsec4j.ike.v2.IkePayloadType}, {@link io.ipsec4j.ike.v2.IkeExchangeType},
 * {@link io.ipsec4j.ike.v2.IkeNotifyType}, …) keep unknown numbers, so that unknown payloads,
 * transforms and notifications survive a round trip. Protocol errors are checked
 * {@link io.ipsec4j.ike.v2.IkeErrorNotifyException}s, one final class per RFC 7296 error type.
 * SK and SKF payloads decode as opaque bodies; {@link io.ipsec4j.ike.v2.IkeSkCodec} decrypts and
 * verifies them with the keys of {@link io.ipsec4j.ike.v2.IkeKeySchedule} (and encrypts SK), and
 * {@link io.ipsec4j.ike.v2.IkePskAuth} computes and verifies PSK AUTH values.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3">RFC 7296 §3</a>
 */
package io.ipsec4j.ike.v2;
