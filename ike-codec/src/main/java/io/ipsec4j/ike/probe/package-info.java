/**
 * Asks a remote IKE responder which proposals it accepts, without ever authenticating.
 *
 * <p>{@link io.ipsec4j.ike.probe.IkeProbe} is sans-IO: it is fed received datagrams and the time
 * and returns the datagrams to send; the socket, the clock and the thread belong to a small driver
 * (one is in {@code examples}). It sends IKEv2 IKE_SA_INIT requests or IKEv1 Main Mode /
 * Aggressive Mode first messages with chosen proposals, reads NO_PROPOSAL_CHOSEN,
 * INVALID_KE_PAYLOAD, COOKIE or the chosen proposal, and never sends a second message of an
 * exchange, so no pre-shared key or other credential is ever used. Every limit (datagrams, delay,
 * timeout, silences) is the caller's. The answer, {@link io.ipsec4j.ike.probe.IkeProbeResult}, is in
 * the model's vocabulary and compares with a {@link io.ipsec4j.model.Tunnel}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 */
package io.ipsec4j.ike.probe;
