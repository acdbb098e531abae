package io.ipsec4j.ike.engine;

/**
 * Why an IKE SA or a CHILD SA could not be set up or was torn down.
 *
 * <p>Most reasons mirror the error notify that was sent or received (RFC 7296 §3.10.1); the others
 * are local decisions such as giving up after the last retransmission (§2.1).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10.1">RFC 7296 §3.10.1</a>
 */
public enum IkeFailureReason {
    /** No proposal of one side was acceptable to the other (NO_PROPOSAL_CHOSEN). */
    NO_PROPOSAL_CHOSEN,
    /** The peer asked for a key exchange method we do not offer, or kept asking (INVALID_KE_PAYLOAD). */
    INVALID_KE_PAYLOAD,
    /** The peer's ID or AUTH did not verify, or the peer rejected ours (AUTHENTICATION_FAILED). */
    AUTHENTICATION_FAILED,
    /** The traffic selectors had nothing in common (TS_UNACCEPTABLE). */
    TS_UNACCEPTABLE,
    /** The negotiated mode differs from the configured one (USE_TRANSPORT_MODE missing or unwanted). */
    MODE_MISMATCH,
    /** The peer's answer broke the protocol (wrong proposal, missing payload, bad key exchange value). */
    PROTOCOL_ERROR,
    /** The peer sent another error notify. */
    PEER_ERROR,
    /** No response after the last retransmission (RFC 7296 §2.1). */
    RETRANSMISSION_TIMEOUT,
    /** As responder, the initiator did not complete IKE_AUTH in time (half-open SA dropped, §2.6). */
    HALF_OPEN_TIMEOUT,
    /** No answer to our liveness check within the tunnel's DPD timeout (RFC 7296 §2.4). */
    DEAD_PEER,
    /** A local cryptographic failure (an algorithm not available). */
    LOCAL_ERROR
}
