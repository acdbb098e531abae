package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkePayload;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The sending side of an {@link IkeSession}: message IDs in both directions with a window of one,
 * our outstanding request and its retransmission, the cached response to the peer's last request,
 * and the queue of datagrams for the driver.
 *
 * <p>RFC 7296 §2.1: a responder answers a retransmitted request with the same response, and a
 * requester retransmits until it gets the response or gives up; §2.3: with a window of one, each
 * side has one request outstanding; §2.23: after NAT detection every IKE datagram on port 4500
 * starts with the four-byte non-ESP marker (RFC 3948 §2.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.3">RFC 7296 §2.3</a>
 */
final class IkeOutbox {
    static final int NON_ESP_MARKER_BYTES = 4;

    private final IkeSession s;
    private final IkeSaCrypto sa;
    private final boolean saInitiator;
    private final Deque<IkeTransmit> transmits;
    private IkeRetransmission outstanding;
    private long nextRequestId;
    private long nextPeerRequestId;
    private List<byte[]> cachedResponse;
    private IkeExchangeType cachedResponseType;

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
        return outstanding != null;
    }

    Optional<Instant> retransmitAt() {
        return outstanding == null ? Optional.empty() : Optional.of(outstanding.deadline());
    }

    /** Returns {@code true} if {@code h} is the response to our outstanding request. */
    boolean answersOutstanding(IkeHeader h) {
        return outstanding != null && h.messageId() == outstanding.messageId
                && h.exchangeType().equals(outstanding.exchangeType);
    }

    /** Returns the type of our outstanding request and forgets it (its response arrived). */
    IkeExchangeType completeOutstanding() {
        IkeExchangeType type = outstanding.exchangeType;
        outstanding = null;
        return type;
    }

    /** Resends the cached response if {@code h} repeats the peer's last request; returns whether it did. */
    boolean resendCached(IkeHeader h) {
        if (h.messageId() == nextPeerRequestId - 1 && cachedResponse != null
                && h.exchangeType().equals(cachedResponseType)) {
            queue(cachedResponse);
            return true;
        }
        return false;
    }

    /** Returns {@code true} if {@code h} carries the message ID of the peer's next request. */
    boolean isNextRequest(IkeHeader h) {
        return h.messageId() == nextPeerRequestId;
    }

    /** Retransmits when due; returns {@code true} if the limit is reached (the caller gives up). */
    boolean onTimeout(Instant now) {
        if (outstanding == null || now.isBefore(outstanding.deadline())) {
            return false;
        }
        if (outstanding.exhausted(now, s.options)) {
            return true;
        }
        queue(outstanding.datagrams); // every fragment again (RFC 7383 §2.5)
        return false;
    }

    IkeExchangeType outstandingType() {
        return outstanding.exchangeType;
    }

    /**
     * Sends a request with the next message ID and keeps it for retransmission; returns the IKE
     * message bytes (of the first fragment when fragmented, RFC 7383).
     */
    byte[] sendRequest(IkeExchangeType type, List<IkePayload> payloads, Instant now) throws CryptoException {
        IkeHeader header = IkeHeader.of(sa.spiI, sa.spiR, type, saInitiator, false, nextRequestId);
        List<byte[]> messages = s.fragments.seal(sa, saInitiator, header, payloads);
        outstanding = new IkeRetransmission(nextRequestId++, type, frame(messages), now, s.options);
        queue(outstanding.datagrams);
        return messages.get(0);
    }

    /** Sends IKE_SA_INIT again from message ID 0 (after COOKIE or INVALID_KE_PAYLOAD, RFC 7296 §2.6, §1.2). */
    byte[] restartInit(List<IkePayload> payloads, Instant now) throws CryptoException {
        nextRequestId = 0;
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
        cachedResponse = frame(messages);
        cachedResponseType = request.exchangeType();
        nextPeerRequestId = request.messageId() + 1;
        queue(cachedResponse);
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
        outstanding = null;
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
            byte[] out = new byte[NON_ESP_MARKER_BYTES + message.length];
            System.arraycopy(message, 0, out, NON_ESP_MARKER_BYTES, message.length);
            framed.add(out);
        }
        return framed;
    }
}
