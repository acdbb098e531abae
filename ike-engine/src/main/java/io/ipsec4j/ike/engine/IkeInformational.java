package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeProtocolId;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Dpd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INFORMATIONAL on an established IKE SA, in either role: answering the peer's liveness checks and
 * Deletes, our own dead peer detection from the tunnel's DPD settings, and closing the IKE SA.
 *
 * <p>RFC 7296 §1.4.1: a Delete of CHILD SAs is answered with a Delete of the paired SAs; a Delete
 * of the IKE SA with an empty response, and it ends every CHILD SA; §2.4: an empty INFORMATIONAL
 * request is a liveness check, and a peer that answers nothing is dead. A peer's CREATE_CHILD_SA is
 * refused with NO_ADDITIONAL_SAS (§1.3) until this engine rekeys. Liveness counts IKE messages only:
 * the driver, which sees ESP, decides whether to use the tunnel's DPD action.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.4.1">RFC 7296 §1.4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.4">RFC 7296 §2.4</a>
 */
final class IkeInformational {
    private record ChildSpis(int inbound, int outbound) {
    }

    private final IkeSession s;
    private final Optional<Dpd> dpd;
    private final List<ChildSpis> children = new ArrayList<>();
    private Instant lastHeard;
    private Instant dpdDeadline;
    private boolean closeRequested;
    private boolean closing;

    IkeInformational(IkeSession session) {
        this.s = session;
        this.dpd = session.tunnel.phaseTwo().dpd();
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    void childInstalled(IkeEvent event) {
        if (event instanceof IkeEvent.ChildSaInstalled c) {
            children.add(new ChildSpis(c.inbound().spi(), c.outbound().spi()));
        }
    }

    void onRequest(IkeMessage request) throws CryptoException {
        IkeExchangeType type = request.header().exchangeType();
        if (type.equals(IkeExchangeType.CREATE_CHILD_SA)) {
            s.outbox.sendResponse(request.header(), List.of(IkeNotifyPayload.status(IkeNotifyType.NO_ADDITIONAL_SAS)));
            return;
        }
        if (!type.equals(IkeExchangeType.INFORMATIONAL)) {
            return;
        }
        List<IkeDeletePayload> deletes = request.payloads(IkeDeletePayload.class);
        if (deletes.stream().anyMatch(d -> d.protocol().equals(IkeProtocolId.IKE))) {
            s.outbox.sendResponse(request.header(), List.of());
            s.closed(true);
            return;
        }
        List<Bytes> ours = new ArrayList<>();
        List<IkeEvent> deleted = new ArrayList<>();
        for (IkeDeletePayload d : deletes) {
            if (!d.protocol().equals(IkeProtocolId.ESP)) {
                continue;
            }
            for (Bytes spi : d.spis()) {
                int outbound = IkeRandom.spiValue(spi); // the peer's inbound SPI is our outbound one
                children.stream().filter(c -> c.outbound() == outbound).findFirst().ifPresent(c -> {
                    children.remove(c);
                    ours.add(IkeRandom.spiBytes(c.inbound()));
                    deleted.add(new IkeEvent.ChildSaDeleted(c.inbound(), c.outbound(), true));
                });
            }
        }
        List<IkePayload> response = ours.isEmpty() ? List.of() : List.of(IkeDeletePayload.esp(ours));
        s.outbox.sendResponse(request.header(), response);
        deleted.forEach(s::emit);
    }

    void onResponse(IkeMessage response, Instant now) throws CryptoException {
        dpdDeadline = null;
        if (closing) {
            s.closed(false);
        } else if (closeRequested) {
            sendDelete(now);
        }
    }

    /** Deletes the IKE SA (command); waits for an outstanding request first (window of one). */
    void close(Instant now) throws CryptoException {
        if (closing || closeRequested) {
            return;
        }
        closeRequested = true;
        if (!s.outbox.hasOutstanding()) {
            sendDelete(now);
        }
    }

    private void sendDelete(Instant now) throws CryptoException {
        closing = true;
        s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, List.of(IkeDeletePayload.ikeSa()), now);
    }

    boolean isClosing() {
        return closing;
    }

    /** When a liveness check is due or gives up, if DPD is configured. */
    Optional<Instant> timeout() {
        if (dpd.isEmpty() || closing || lastHeard == null) {
            return Optional.empty();
        }
        if (dpdDeadline != null) {
            return Optional.of(dpdDeadline);
        }
        return s.outbox.hasOutstanding() ? Optional.empty() : Optional.of(lastHeard.plus(dpd.get().delay()));
    }

    void onTimeout(Instant now) throws CryptoException {
        Optional<Instant> due = timeout();
        if (due.isEmpty() || now.isBefore(due.get())) {
            return;
        }
        if (dpdDeadline != null) {
            s.fail(IkeFailureReason.DEAD_PEER, Optional.empty(), "no answer to the liveness check within "
                    + dpd.get().timeout() + " (DPD action " + dpd.get().action() + ")");
        } else {
            dpdDeadline = now.plus(dpd.get().timeout());
            s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, List.of(), now);
        }
    }
}
