package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeProtocolId;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.TrafficSelector;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INFORMATIONAL on an established IKE SA, in either role: answering the peer's liveness checks and
 * Deletes, our own dead peer detection from the tunnel's DPD settings, and closing the IKE SA.
 *
 * <p>RFC 7296 §1.4.1: a Delete of CHILD SAs is answered with a Delete of the paired SAs; a Delete
 * of the IKE SA with an empty response, and it ends every CHILD SA; §2.4: an empty INFORMATIONAL
 * request is a liveness check, and a peer that answers nothing is dead ({@link IkeLiveness}).
 * CREATE_CHILD_SA goes to {@link IkeChildRekey}.
 *
 * <p>Our requests and the message-ID window (§2.3): commands queue, and {@link #next} starts what
 * the send window allows, each request tracked by its message ID so that its response reaches the
 * exchange that sent it. CREATE_CHILD_SA for new CHILD SAs and for rekeys of different CHILD SAs,
 * the Deletes of CHILD SAs, and liveness checks may be outstanding together (a CHILD SA is never
 * rekeyed twice at once). The IKE SA rekey and the Delete of the IKE SA are exclusive: each is sent
 * only when nothing else is outstanding, nothing new starts while one is queued or outstanding, and
 * the peer's IKE SA rekey is refused with TEMPORARY_FAILURE while we have any other request
 * outstanding (§2.25.2), so the CHILD SAs move to the new IKE SA with no exchange of them open.
 * The follow-up Deletes of rekeyed CHILD SAs go first, then the Delete of the IKE SA, its rekey,
 * new CHILD SAs and CHILD SA rekeys, in that order. A liveness check is sent only when nothing else
 * is outstanding (outstanding requests test liveness already). The new IKE SA of a rekey starts with
 * a window of one; a larger window of ours is announced on it with SET_WINDOW_SIZE in an
 * INFORMATIONAL request, and the peer's such announcement is taken in any INFORMATIONAL request.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.4.1">RFC 7296 §1.4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.4">RFC 7296 §2.4</a>
 */
final class IkeInformational {
    /** What a request of ours on the established SA is. */
    private enum Kind { DPD, DELETE_CHILD, CHILD, REKEY_IKE, DELETE_IKE, WINDOW }

    /** A request of ours awaiting its response: its kind and the CHILD SA exchange or SA it concerns. */
    private record Pending(Kind kind, IkeChildRekey.Exchange child, IkeEvent.ChildSaInstalled deleting) {
    }

    private final IkeSession s;
    private final IkeLiveness liveness;
    private final IkeChildRekey rekey;
    private final IkeSaRekey ikeRekey;
    private final IkeLifetimeTimers lifetimes;
    private final List<IkeEvent.ChildSaInstalled> children = new ArrayList<>();
    private final Deque<Integer> queuedRekeys = new ArrayDeque<>();
    /** Inbound SPIs of CHILD SAs that the peer's rekey replaced (§2.8.1): the peer deletes them, we never rekey them. */
    private final java.util.Set<Integer> superseded = new java.util.HashSet<>();
    private final Deque<List<List<TrafficSelector>>> queuedCreates = new ArrayDeque<>();
    /** Inbound SPIs of CHILD SAs to delete after our rekeys replaced them (§2.8). */
    private final Deque<Integer> queuedDeletes = new ArrayDeque<>();
    /** Our requests awaiting their responses, by message ID. */
    private final Map<Long, Pending> pending = new HashMap<>();
    /** The CHILD SA whose Delete we sent last. */
    private IkeEvent.ChildSaInstalled deleting;
    private boolean announceWindow;
    private boolean closeRequested;
    private boolean closing;
    private boolean ikeRekeyQueued;
    /** Until when our requests wait for the peer to take up the IKE SA it created (§2.18), if they wait. */
    private Instant holdUntil;

    IkeInformational(IkeSession session) {
        this.s = session;
        this.liveness = new IkeLiveness(session);
        this.rekey = new IkeChildRekey(session);
        this.ikeRekey = new IkeSaRekey(session);
        this.lifetimes = new IkeLifetimeTimers(session.tunnel.phaseOne().lifetime(),
                session.tunnel.phaseTwo().lifetime(), session.random);
    }

    /** The IKE SA is up (established or rekeyed) at {@code now}: its lifetime starts. */
    void ikeSaCreated(Instant now) {
        lifetimes.ikeSaCreated(now);
    }

    void heard(Instant now) {
        liveness.heard(now);
    }

    void childInstalled(IkeEvent event, Instant now) {
        if (event instanceof IkeEvent.ChildSaInstalled c) {
            children.add(c);
            lifetimes.childCreated(c.inbound().spi(), now);
        } else if (event instanceof IkeEvent.ChildSaRekeyed r) {
            children.add(r.replacement());
            lifetimes.childGone(r.oldInboundSpi());
            lifetimes.childCreated(r.replacement().inbound().spi(), now);
        } else if (event instanceof IkeEvent.ChildSaDeleted d) {
            lifetimes.childGone(d.inboundSpi());
        } else if (event instanceof IkeEvent.IkeSaRekeyFailed) {
            lifetimes.ikeRekeyFailed(now);
        }
    }

    void onRequest(IkeMessage request, Instant now) throws CryptoException {
        IkeExchangeType type = request.header().exchangeType();
        if (type.equals(IkeExchangeType.CREATE_CHILD_SA)) {
            boolean ikeSa = request.payload(IkeSaPayload.class).map(sa -> sa.proposals().stream()
                    .anyMatch(p -> p.protocol().equals(IkeProtocolId.IKE))).orElse(false);
            if (ikeSa) {
                // §2.25.2: not while we close or rekey a CHILD SA; while we rekey the IKE SA it is §2.8.1.
                boolean busy = closing || (s.outbox.hasOutstanding() && !isPending(Kind.REKEY_IKE));
                ikeRekey.onRequest(request, busy ? Optional.of(IkeNotifyType.TEMPORARY_FAILURE) : Optional.empty(),
                        now);
            } else if (isPending(Kind.REKEY_IKE) || closing || rekeyOfDeleting(request)) {
                s.outbox.sendResponse(request.header(),
                        List.of(IkeNotifyPayload.status(IkeNotifyType.TEMPORARY_FAILURE)));
            } else {
                IkeEvent answered = rekey.onRequest(request, children);
                if (answered instanceof IkeEvent.ChildSaRekeyed r) {
                    superseded.add(r.oldInboundSpi()); // the peer replaced it and deletes it: not ours to rekey
                }
                s.emit(answered);
            }
            return;
        }
        if (!type.equals(IkeExchangeType.INFORMATIONAL)) {
            return;
        }
        List<IkeDeletePayload> deletes = request.payloads(IkeDeletePayload.class);
        if (deletes.stream().anyMatch(d -> d.protocol().equals(IkeProtocolId.IKE))) {
            s.outbox.sendResponse(request.header(), List.of());
            if (!ikeRekey.adoptAfterPeerDelete(now)) {
                s.closed(true);
            }
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
                children.stream().filter(c -> c.outbound().spi() == outbound).findFirst().ifPresent(c -> {
                    children.remove(c);
                    superseded.remove(c.inbound().spi());
                    ours.add(IkeRandom.spiBytes(c.inbound().spi()));
                    deleted.add(new IkeEvent.ChildSaDeleted(c.inbound().spi(), c.outbound().spi(), true));
                });
            }
        }
        List<IkePayload> response = ours.isEmpty() ? List.of() : List.of(IkeDeletePayload.esp(ours));
        s.outbox.sendResponse(request.header(), response);
        deleted.forEach(s::emit);
        if (s.outbox.peerAnnounced(request)) {
            next(now); // the peer's window on this IKE SA grew (§2.3)
        }
    }

    void onResponse(IkeMessage response, Instant now) throws CryptoException {
        Pending was = pending.remove(response.header().messageId());
        liveness.answered(); // the peer is alive
        if (was == null) {
            return; // an old SA's request, abandoned when the IKE SA was replaced
        }
        if (was.kind() == Kind.DELETE_IKE) {
            s.closed(false);
            return;
        }
        if (was.kind() == Kind.REKEY_IKE) {
            if (ikeRekey.onResponse(response, now)) {
                track(Kind.REKEY_IKE, null, null); // retried with the group the peer asked for
            }
        } else if (was.kind() == Kind.CHILD) {
            IkeChildRekey.Result result = rekey.onResponse(was.child(), response);
            result.event().ifPresent(s::emit);
            result.supersededSpi().ifPresent(superseded::add);
            result.deleteInboundSpi().ifPresent(queuedDeletes::add);
        } else if (was.kind() == Kind.DELETE_CHILD && children.remove(was.deleting())) {
            s.emit(new IkeEvent.ChildSaDeleted(was.deleting().inbound().spi(), was.deleting().outbound().spi(),
                    false));
        }
        next(now);
    }

    private boolean isPending(Kind kind) {
        return pending.values().stream().anyMatch(p -> p.kind() == kind);
    }

    /** Notes the request just sent as awaiting its response. */
    private void track(Kind kind, IkeChildRekey.Exchange child, IkeEvent.ChildSaInstalled deleted) {
        pending.put(s.outbox.lastRequestId(), new Pending(kind, child, deleted));
    }

    /**
     * Starts what the send window allows, in the order and with the exclusions of the class comment:
     * our window announcement, Deletes of rekeyed CHILD SAs, the IKE SA's Delete or rekey once
     * nothing else is outstanding, new CHILD SAs, CHILD SA rekeys.
     */
    private void next(Instant now) throws CryptoException {
        while (holdUntil == null && !isPending(Kind.REKEY_IKE) && !isPending(Kind.DELETE_IKE)
                && s.outbox.canSend()) {
            if (announceWindow) {
                announceWindow = false;
                s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, s.outbox.announceWindow(new ArrayList<>()), now);
                track(Kind.WINDOW, null, null);
            } else if (!queuedDeletes.isEmpty()) {
                int spi = queuedDeletes.poll();
                deleting = children.stream().filter(c -> c.inbound().spi() == spi).findFirst().orElse(null);
                s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, IkeChildRekey.deleteOld(spi), now);
                track(Kind.DELETE_CHILD, null, deleting);
            } else if (closeRequested || ikeRekeyQueued) {
                if (s.outbox.hasOutstanding()) {
                    return; // exclusive: they wait for every other request, and nothing new starts
                }
                if (closeRequested) {
                    sendDelete(now);
                } else {
                    ikeRekeyQueued = false;
                    ikeRekey.start(now);
                    track(Kind.REKEY_IKE, null, null);
                }
            } else if (!queuedCreates.isEmpty()) {
                List<List<TrafficSelector>> ts = queuedCreates.poll();
                track(Kind.CHILD, rekey.startNew(ts.get(0), ts.get(1), now), null);
            } else if (!startQueuedRekey(now)) {
                return;
            }
        }
    }

    /**
     * Starts the first queued CHILD SA rekey that may go now; drops those of SAs gone or replaced by
     * the peer's rekey, keeps those of SAs we are rekeying or deleting; returns whether one started.
     */
    private boolean startQueuedRekey(Instant now) throws CryptoException {
        for (java.util.Iterator<Integer> it = queuedRekeys.iterator(); it.hasNext();) {
            int spi = it.next();
            Optional<IkeEvent.ChildSaInstalled> old = children.stream().filter(c -> c.inbound().spi() == spi)
                    .filter(c -> !superseded.contains(spi)).findFirst();
            if (old.isEmpty()) {
                it.remove();
            } else if (!rekey.isRekeying(old.get()) && !isBeingDeleted(old.get())) {
                it.remove();
                track(Kind.CHILD, rekey.start(old.get(), now), null);
                return true;
            }
        }
        return false;
    }

    private boolean isBeingDeleted(IkeEvent.ChildSaInstalled c) {
        return queuedDeletes.contains(c.inbound().spi())
                || pending.values().stream().anyMatch(p -> c.equals(p.deleting()));
    }

    /** Rekeys the CHILD SA with our inbound SPI {@code inboundSpi} (command), once the window allows. */
    void rekeyChild(int inboundSpi, Instant now) throws CryptoException {
        if (children.stream().noneMatch(c -> c.inbound().spi() == inboundSpi)) {
            throw new IllegalArgumentException("no CHILD SA with inbound SPI " + Integer.toHexString(inboundSpi));
        }
        queuedRekeys.add(inboundSpi);
        next(now);
    }

    /** Creates a further CHILD SA for these selectors (command), once the window allows. */
    void createChild(List<TrafficSelector> local, List<TrafficSelector> remote, Instant now) throws CryptoException {
        queuedCreates.add(List.of(List.copyOf(local), List.copyOf(remote)));
        next(now);
    }

    /** Rekeys the IKE SA (command), once the window allows. */
    void rekeyIke(Instant now) throws CryptoException {
        ikeRekeyQueued = true;
        next(now);
    }

    /**
     * Continues with queued requests after the IKE SA was replaced: nothing is outstanding on the new
     * SA, and a request of ours still open on the old one (our rekey that lost a collision, §2.8.1)
     * will not be answered there. When the peer created the new SA ({@code peerCreated}), it has the
     * keys only once our response reaches it, so our requests wait until it shows that it has them
     * ({@link #peerSwitched}) or the old SA would be given up anyway; sent earlier, they could spend
     * their retransmissions on a peer that cannot read them.
     */
    void resume(boolean peerCreated, Instant now) throws CryptoException {
        pending.clear();
        liveness.answered();
        announceWindow = s.options.windowSize() > 1; // the new SA starts with a window of one (§2.3)
        holdUntil = peerCreated ? now.plus(IkeRetiringSa.giveUpAfter(s.options)) : null;
        next(now);
    }

    /** The peer uses the new IKE SA or deleted the old one: our waiting requests may go. */
    void peerSwitched(Instant now) throws CryptoException {
        if (holdUntil != null) {
            holdUntil = null;
            next(now);
        }
    }

    private boolean rekeyOfDeleting(IkeMessage request) {
        Optional<IkeNotifyPayload> n = request.notify(IkeNotifyType.REKEY_SA);
        if (n.isEmpty()) {
            return false;
        }
        int spi = n.get().childSpi();
        return deleting != null && spi == deleting.outbound().spi() || children.stream()
                .anyMatch(c -> c.outbound().spi() == spi && isBeingDeleted(c));
    }

    /** Deletes the IKE SA (command); waits until nothing else is outstanding. */
    void close(Instant now) throws CryptoException {
        if (closing || closeRequested) {
            return;
        }
        closeRequested = true;
        next(now);
    }

    private void sendDelete(Instant now) throws CryptoException {
        closing = true;
        s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, List.of(IkeDeletePayload.ikeSa()), now);
        track(Kind.DELETE_IKE, null, null);
    }

    void closeAll() {
        rekey.close();
        ikeRekey.closeAll();
    }

    boolean isClosing() {
        return closing;
    }

    /** When a liveness check or a lifetime timer is due, if any. */
    Optional<Instant> timeout() {
        if (closing) {
            return Optional.empty();
        }
        Optional<Instant> life = lifetimes.timeout();
        Optional<Instant> live = holdUntil != null ? Optional.of(holdUntil) : liveness.timeout(false);
        return life.isEmpty() ? live : live.isEmpty() || life.get().isBefore(live.get()) ? life : live;
    }

    void onTimeout(Instant now) throws CryptoException {
        if (closing) {
            return;
        }
        if (holdUntil != null && !now.isBefore(holdUntil)) {
            peerSwitched(now); // the peer never showed it: go ahead, the retransmissions decide
        }
        if (lifetimes.ikeExpired(now)) {
            s.emit(new IkeEvent.IkeSaExpired(s.sa.spiI, s.sa.spiR));
            s.outbox.stop(); // the SA ends now: an outstanding request no longer matters
            pending.clear();
            rekey.close();
            ikeRekey.closeAll();
            sendDelete(now);
            return;
        }
        if (lifetimes.takeIkeRekey(now)) {
            rekeyIke(now);
        }
        for (Optional<Integer> spi = lifetimes.takeChildRekey(now); spi.isPresent(); spi = lifetimes.takeChildRekey(now)) {
            int inbound = spi.get();
            if (children.stream().anyMatch(c -> c.inbound().spi() == inbound)) {
                rekeyChild(inbound, now);
            }
        }
        if (liveness.onTimeout(now, holdUntil != null)) {
            s.outbox.sendRequest(IkeExchangeType.INFORMATIONAL, List.of(), now);
            track(Kind.DPD, null, null);
        }
    }
}
