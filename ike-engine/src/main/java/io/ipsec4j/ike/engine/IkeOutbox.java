package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sending side of an {@link IkeSession}: message IDs in both directions, our outstanding
 * requests and their retransmissions, the cached responses to the peer's requests, and the queue
 * of datagrams for the driver.
 *
 * <p>RFC 7296 §2.1: a responder answers a retransmitted request with the same response, and a
 * requester retransmits until it gets the response or gives up; §2.3: "if the responder stated its
 * window size is N, then when the initiator needs to make a request X, it MUST wait until it has
 * received responses to all requests up through request X-N", the window is one until
 * SET_WINDOW_SIZE says more, and a responder keeps as many previous responses as its declared
 * window; §2.23: after NAT detection every IKE datagram on port 4500 starts with the four-byte
 * non-ESP marker (RFC 3948 §2.2).
 *
 * <p>Our requests: up to {@link #canSend() the send window} outstanding, each with its own
 * retransmission schedule ({@link IkeRetransmission}), matched to its response by message ID; the
 * window moves only past the lowest unanswered ID. The peer's requests: those with IDs in [lowest
 * unanswered, lowest unanswered + receive window) are new, any ID whose response is cached gets it
 * again, anything else is dropped; the cache holds the responses to the last receive-window IDs
 * answered, so it stays bounded whatever the peer sends. Both windows are one until {@link
 * #announceWindow} and {@link #peerAnnounced} widen them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.3">RFC 7296 §2.3</a>
 */
final class IkeOutbox {
    /** A response kept for retransmitted requests. */
    private record Cached(IkeExchangeType type, List<byte[]> datagrams) {
    }

    private final IkeSession s;
    private final IkeSaCrypto sa;
    private final boolean saInitiator;
    private final Deque<IkeTransmit> transmits;
    /** Our requests awaiting their responses, by message ID. */
    private final TreeMap<Long, IkeRetransmission> outstanding = new TreeMap<>();
    /** Our responses by the message ID of the peer's request: the last {@code receiveWindow} IDs answered. */
    private final TreeMap<Long, Cached> responses = new TreeMap<>();
    private long nextRequestId;
    /** The lowest message ID of the peer's that we have not answered. */
    private long nextPeerRequestId;
    private int sendWindow = 1;
    private int receiveWindow = 1;
    private IkeExchangeType exhaustedType;

    /**
     * An outbox for the IKE SA {@code sa}, where we are the original initiator if {@code saInitiator}
     * (after an IKE SA rekey, the side that rekeyed, RFC 7296 §2.18); datagrams go to {@code transmits}.
     */
    IkeOutbox(IkeSession session, IkeSaCrypto sa, boolean saInitiator, Deque<IkeTransmit> transmits) {
        this.s = session;
        this.sa = sa;
        this.saInitiator = saInitiator;
        this.transmits = transmits;
    }

    IkeSaCrypto sa() {
        return sa;
    }

    boolean saInitiator() {
        return saInitiator;
    }

    boolean hasOutstanding() {
        return !outstanding.isEmpty();
    }

    /** Returns {@code true} if the send window allows another request now (§2.3). */
    boolean canSend() {
        long lowest = outstanding.isEmpty() ? nextRequestId : outstanding.firstKey();
        return nextRequestId < lowest + sendWindow;
    }

    /** Returns the message ID of the request sent last. */
    long lastRequestId() {
        return nextRequestId - 1;
    }

    /**
     * Adds our SET_WINDOW_SIZE to {@code payloads} when our window is larger than one, and from now
     * on accepts that many of the peer's requests (RFC 7296 §2.3); returns the payloads.
     */
    List<IkePayload> announceWindow(List<IkePayload> payloads) {
        if (s.options.windowSize() > 1) {
            payloads.add(IkeNotifyPayload.setWindowSize(s.options.windowSize()));
            receiveWindow = s.options.windowSize();
        }
        return payloads;
    }

    /**
     * Takes the peer's SET_WINDOW_SIZE in {@code m}, if any: up to that many of our requests, but never
     * more than our own window, may be outstanding; a smaller value than before changes nothing
     * (§2.3: a window can only grow). Returns whether the send window grew.
     */
    boolean peerAnnounced(IkeMessage m) {
        Optional<IkeNotifyPayload> n = m.notify(IkeNotifyType.SET_WINDOW_SIZE);
        int size = n.isEmpty() ? 0 : (int) Math.min(n.get().windowSize(), s.options.windowSize());
        if (size <= sendWindow) {
            return false;
        }
        sendWindow = size;
        return true;
    }

    Optional<Instant> retransmitAt() {
        Instant at = null;
        for (IkeRetransmission r : outstanding.values()) {
            at = at == null || r.deadline().isBefore(at) ? r.deadline() : at;
        }
        return Optional.ofNullable(at);
    }

    /** Returns {@code true} if {@code h} is the response to one of our outstanding requests. */
    boolean answersOutstanding(IkeHeader h) {
        IkeRetransmission r = outstanding.get(h.messageId());
        return r != null && h.exchangeType().equals(r.exchangeType);
    }

    /** Forgets our request that {@code h} answers (its response arrived). */
    void completeOutstanding(IkeHeader h) {
        outstanding.remove(h.messageId());
    }

    /** Resends the cached response if {@code h} repeats a request we answered; returns whether it did. */
    boolean resendCached(IkeHeader h) {
        Cached c = responses.get(h.messageId());
        if (c != null && h.exchangeType().equals(c.type())) {
            queue(c.datagrams());
            return true;
        }
        return false;
    }

    /** Returns how many responses are kept for retransmitted requests (at most the receive window). */
    int cachedResponses() {
        return responses.size();
    }

    /** Returns {@code true} if {@code h} carries a message ID of a new request within our receive window. */
    boolean inWindow(IkeHeader h) {
        long id = h.messageId();
        return id >= nextPeerRequestId && id < nextPeerRequestId + receiveWindow && !responses.containsKey(id);
    }

    /**
     * Retransmits each request that is due; returns {@code true} if one of them reached the limit
     * (the caller gives up; {@link #exhaustedType()} names it).
     */
    boolean onTimeout(Instant now) {
        for (IkeRetransmission r : outstanding.values()) {
            if (now.isBefore(r.deadline())) {
                continue;
            }
            if (r.exhausted(now, s.options)) {
                exhaustedType = r.exchangeType;
                return true;
            }
            queue(r.datagrams); // every fragment again (RFC 7383 §2.5)
        }
        return false;
    }

    /** The exchange type of the request whose retransmissions ran out. */
    IkeExchangeType exhaustedType() {
        return exhaustedType;
    }

    /**
     * Sends a request with the next message ID and keeps it for retransmission; returns the IKE
     * message bytes (of the first fragment when fragmented, RFC 7383). The caller checks {@link #canSend()}.
     */
    byte[] sendRequest(IkeExchangeType type, List<IkePayload> payloads, Instant now) throws CryptoException {
        IkeHeader header = IkeHeader.of(sa.spiI, sa.spiR, type, saInitiator, false, nextRequestId);
        List<byte[]> messages = s.fragments.seal(sa, saInitiator, header, payloads);
        IkeRetransmission r = new IkeRetransmission(nextRequestId++, type, frame(messages), now, s.options);
        outstanding.put(r.messageId, r);
        queue(r.datagrams);
        return messages.get(0);
    }

    /** Sends IKE_SA_INIT again from message ID 0 (after COOKIE or INVALID_KE_PAYLOAD, RFC 7296 §2.6, §1.2). */
    byte[] restartInit(List<IkePayload> payloads, Instant now) throws CryptoException {
        nextRequestId = 0;
        outstanding.clear();
        return sendRequest(IkeExchangeType.IKE_SA_INIT, payloads, now);
    }

    /**
     * Sends the response to {@code request} and caches it for retransmitted requests; returns the
     * IKE message bytes (of the first fragment when fragmented, RFC 7383).
     */
    byte[] sendResponse(IkeHeader request, List<IkePayload> payloads) throws CryptoException {
        IkeHeader header = IkeHeader.of(sa.spiI, sa.spiR, request.exchangeType(), saInitiator, true,
                request.messageId());
        List<byte[]> messages = s.fragments.seal(sa, saInitiator, header, payloads);
        List<byte[]> datagrams = frame(messages);
        responses.put(request.messageId(), new Cached(request.exchangeType(), datagrams));
        while (responses.containsKey(nextPeerRequestId)) {
            nextPeerRequestId++;
        }
        // The peer sends ID x only with the responses up to x - window in hand (§2.3): older ones go.
        responses.headMap(responses.lastKey() - receiveWindow, true).clear();
        queue(datagrams);
        return messages.get(0);
    }

    /** Answers an IKE_SA_INIT request without keeping any state (COOKIE, INVALID_KE_PAYLOAD, NO_PROPOSAL_CHOSEN). */
    void sendStatelessResponse(IkeHeader request, IkeNotifyPayload notify, InetSocketAddress to,
            InetSocketAddress from) {
        IkeHeader header = IkeHeader.of(request.initiatorSpi(), 0, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        transmits.add(new IkeTransmit(IkeSaCrypto.encode(new IkeMessage(header, List.of(notify))), from, to));
    }

    /** Stops retransmitting (the session failed or closed). */
    void stop() {
        outstanding.clear();
    }

    private void queue(List<byte[]> datagrams) {
        for (byte[] d : datagrams) {
            transmits.add(new IkeTransmit(d, s.local, s.remote));
        }
    }

    private List<byte[]> frame(List<byte[]> messages) {
        if (!s.natT) {
            return messages;
        }
        List<byte[]> framed = new ArrayList<>(messages.size());
        for (byte[] message : messages) {
            framed.add(EspUdpEncapsulation.withNonEspMarker(message));
        }
        return framed;
    }
}
