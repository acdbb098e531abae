package io.ipsec4j.model;

/**
 * What an end does when dead peer detection declares the peer dead.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3706">RFC 3706</a> (IKEv1 DPD);
 *     RFC 7296 §2.4 (IKEv2 liveness checks)
 */
public enum DpdAction {
    /** Delete the SAs and stay down until traffic or the peer brings them back (strongSwan {@code clear}). */
    CLEAR,
    /** Delete the SAs and re-establish on matching traffic (strongSwan {@code trap}/{@code hold}). */
    HOLD,
    /** Delete the SAs and re-initiate immediately (strongSwan {@code restart}). */
    RESTART,
    /** Take no action (AWS's {@code none}). */
    NONE
}
