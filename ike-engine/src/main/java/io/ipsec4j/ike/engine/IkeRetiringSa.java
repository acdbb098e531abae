package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeProtocolId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An IKE SA that a rekey replaced (or a redundant one from a simultaneous rekey), kept only until
 * its Delete is exchanged: it answers the peer's Delete and liveness checks, refuses everything
 * else with TEMPORARY_FAILURE, and, when it is ours to delete, sends the Delete itself.
 *
 * <p>RFC 7296 §2.18: "After the new equivalent IKE SA is created, the initiator deletes the old
 * IKE SA, and the Delete payload to delete itself MUST be the last request sent over the old IKE
 * SA"; §2.8.1: the redundant SA of a simultaneous rekey is deleted by the side that created it;
 * §2.25.2: requests on an IKE SA being deleted are answered with TEMPORARY_FAILURE. An SA that
 * hears nothing is dropped after its deadline, so nothing here lives without bound.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.18">RFC 7296 §2.18</a>
 */
final class IkeRetiringSa {
    private final IkeSession s;
    private final IkeOutbox outbox;
    private final Instant deadline;
    private boolean done;

    IkeRetiringSa(IkeSession session, IkeOutbox outbox, Instant now) {
        this.s = session;
        this.outbox = outbox;
        this.deadline = now.plus(giveUpAfter(session.options));
    }

    /** How long a retiring SA waits for the peer: as long as our own retransmissions would. */
    static Duration giveUpAfter(IkeSessionOptions o) {
        Duration total = o.retransmitBase();
        Duration d = o.retransmitBase();
        for (int i = 0; i < o.retransmitLimit(); i++) {
            d = d.multipliedBy(2).compareTo(o.retransmitMax()) > 0 ? o.retransmitMax() : d.multipliedBy(2);
            total = total.plus(d);
        }
        return total;
    }

    /** Sends the Delete of this IKE SA (we rekeyed it, or it is our redundant one). */
    void sendDelete(Instant now) throws CryptoException {
        outbox.sendRequest(IkeExchangeType.INFORMATIONAL, List.of(IkeDeletePayload.ikeSa()), now);
    }

    boolean matches(IkeHeader h) {
        return h.initiatorSpi() == outbox.sa().spiI && h.responderSpi() == outbox.sa().spiR;
    }

    boolean isDone() {
        return done;
    }

    /**
     * Takes a datagram of this SA; drops what is not authentic or not in the window. Returns {@code
     * true} for the peer's Delete of this SA, which it sends only once it uses the SA that replaced it.
     */
    boolean onMessage(IkeMessage m, byte[] raw) throws CryptoException {
        IkeHeader h = m.header();
        if (done || h.initiator() == outbox.saInitiator()) {
            return false;
        }
        if (h.response() ? !outbox.answersOutstanding(h) : outbox.resendCached(h) || !outbox.inWindow(h)) {
            return false;
        }
        IkeMessage opened;
        try {
            opened = new IkeMessage(h, outbox.sa().peerCodec.decrypt(raw, m));
        } catch (IkeProtocolException e) {
            return false; // not authentic, or malformed: dropped like on the live SA (§2.21.2)
        }
        if (h.response()) {
            outbox.completeOutstanding(h);
            finish(); // the response to our Delete
            return false;
        }
        if (h.exchangeType().equals(IkeExchangeType.INFORMATIONAL)) {
            // The peer's Delete or a liveness check; the SA stays (for retransmissions) until its deadline.
            outbox.sendResponse(h, List.of());
            return opened.payloads(IkeDeletePayload.class).stream()
                    .anyMatch(d -> d.protocol().equals(IkeProtocolId.IKE));
        }
        outbox.sendResponse(h, List.of(IkeNotifyPayload.status(IkeNotifyType.TEMPORARY_FAILURE)));
        return false;
    }

    /** Returns when to call {@link #onTimeout}. */
    Instant timeout() {
        return outbox.retransmitAt().filter(t -> t.isBefore(deadline)).orElse(deadline);
    }

    void onTimeout(Instant now) {
        if (outbox.onTimeout(now) || !now.isBefore(deadline)) {
            finish();
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            outbox.stop();
            outbox.sa().close();
        }
    }

    void close() {
        finish();
    }

    @Override
    public String toString() {
        return "IkeRetiringSa[" + outbox.sa() + "]";
    }
}
