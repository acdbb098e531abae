package io.ipsec4j.ike.engine;

/**
 * Where an {@link IkeSession} stands.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
public enum IkeSessionState {
    /** An initiator not started yet, or a responder waiting for an IKE_SA_INIT request. */
    IDLE,
    /** IKE_SA_INIT or IKE_AUTH under way. */
    CONNECTING,
    /** Both sides authenticated: the IKE SA is up. */
    ESTABLISHED,
    /** Deleted by either side (INFORMATIONAL with a Delete of the IKE SA): nothing more is sent. */
    CLOSED,
    /** Failed: the session sends nothing more and ignores its input. */
    FAILED
}
