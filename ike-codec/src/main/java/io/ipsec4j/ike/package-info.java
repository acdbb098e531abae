/**
 * Version-independent parts of the IKE codec: the one decoder of any received datagram, IKEv1 or
 * IKEv2 by its major version ({@link io.ipsec4j.ike.IkeDatagramDecoder}, over
 * {@link io.ipsec4j.ike.IkeHeaders}), the checked exception root of every protocol error
 * ({@link io.ipsec4j.ike.IkeProtocolException}) with its two kinds, errors that may be answered with
 * a Notify ({@link io.ipsec4j.ike.IkeErrorException}) and datagrams to discard silently
 * ({@link io.ipsec4j.ike.IkeDiscardException}), and the limits a decoder enforces
 * ({@link io.ipsec4j.ike.IkeDecoderLimits}).
 *
 * <p>IKEv2 lives in {@code io.ipsec4j.ike.v2}, IKEv1 (ISAKMP) in {@code io.ipsec4j.ike.v1}.
 * Both versions share the 28-byte header layout, so the version nibble at offset 17 tells them apart.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.1">RFC 7296 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 §3.1</a>
 */
package io.ipsec4j.ike;
