/**
 * A sans-IO IKEv2 engine: {@link io.ipsec4j.ike.engine.IkeSession} runs the exchanges of one IKE SA
 * (RFC 7296) as initiator or responder, fed datagrams and timeouts by a driver that owns the
 * sockets and the clock, and hands out datagrams to send and events such as a CHILD SA installed
 * with its two {@code io.ipsec4j.esp.EspSa}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296">RFC 7296</a>
 */
package io.ipsec4j.ike.engine;
