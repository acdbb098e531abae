package io.ipsec4j.ike.engine;

import io.ipsec4j.model.Dpd;
import java.time.Instant;
import java.util.Optional;

/**
 * Dead peer detection for {@link IkeInformational}, from the tunnel's DPD settings: after {@code
 * delay} without hearing from the peer, an empty INFORMATIONAL request (a liveness check); without
 * any answer within {@code timeout}, the peer is dead.
 *
 * <p>RFC 7296 §2.4: "If there has only been outgoing traffic on all of the SAs associated with an
 * IKE SA, it is essential to confirm liveness of the other endpoint"; a peer that answers nothing is
 * dead. While other requests of ours are outstanding, their retransmissions test liveness already,
 * so no check is started; any response, to whichever request, shows the peer alive. Liveness counts
 * IKE messages only: the driver, which sees ESP, decides whether to use the tunnel's DPD action.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.4">RFC 7296 §2.4</a>
 */
final class IkeLiveness {
    private final IkeSession s;
    private final Optional<Dpd> dpd;
    private Instant lastHeard;
    private Instant deadline;

    IkeLiveness(IkeSession session) {
        this.s = session;
        this.dpd = session.tunnel.phaseTwo().dpd();
    }

    /** An authentic message from the peer arrived at {@code now}. */
    void heard(Instant now) {
        lastHeard = now;
    }

    /** A response arrived (or the IKE SA was replaced): no check awaits its answer. */
    void answered() {
        deadline = null;
    }

    /** When a check or the give-up is due, if any; none while our requests wait ({@code held}). */
    Optional<Instant> timeout(boolean held) {
        if (dpd.isEmpty() || lastHeard == null || held) {
            return Optional.empty();
        }
        if (deadline != null) {
            return Optional.of(deadline);
        }
        return s.outbox.hasOutstanding() ? Optional.empty() : Optional.of(lastHeard.plus(dpd.get().delay()));
    }

    /**
     * Handles the timer: returns {@code true} if the caller is to send a liveness check now; when a
     * check went unanswered, raises {@link IkeEvent.DeadPeerDetected} and fails the session instead.
     */
    boolean onTimeout(Instant now, boolean held) {
        Optional<Instant> due = timeout(held);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return false;
        }
        if (deadline != null) {
            s.emit(new IkeEvent.DeadPeerDetected(dpd.get().action()));
            s.fail(IkeFailureReason.DEAD_PEER, Optional.empty(), "no answer to the liveness check within "
                    + dpd.get().timeout() + " (DPD action " + dpd.get().action() + ")");
            return false;
        }
        deadline = now.plus(dpd.get().timeout());
        return true;
    }
}
