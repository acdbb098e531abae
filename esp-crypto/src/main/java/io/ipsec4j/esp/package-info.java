/**
 * The ESP data path (RFC 4303): one-direction security associations that seal inner packets into
 * ESP packets and open them again in place over Netty {@code ByteBuf}s, with 64-bit extended
 * sequence numbers, an RFC 6479 anti-replay bitmap, lifetimes, tunnel and transport mode, TFC
 * padding, UDP encapsulation (RFC 3948) and the split of IKEv2 Child SA KEYMAT into SA keys.
 *
 * <p>Usage: derive the keys with {@link io.ipsec4j.esp.EspChildSaKeys}, build an outbound and an
 * inbound {@link io.ipsec4j.esp.EspSa}, call {@code seal} and {@code open}. All failures are
 * {@link io.ipsec4j.esp.EspException} subclasses, which are {@code GeneralSecurityException}s.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303">RFC 4303</a>
 */
package io.ipsec4j.esp;
