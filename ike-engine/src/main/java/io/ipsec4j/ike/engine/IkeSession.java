package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeErrorNotifyException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeIntegrityCheckFailedException;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSkPayload;
import io.ipsec4j.model.Tunnel;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IKEv2 SA as a sans-IO state machine: the driver feeds it datagrams and timeouts and sends
 * what it hands out; it has no threads, sockets or clock.
 *
 * <p>After {@link #initiate}, {@link #handleDatagram} and {@link #handleTimeout} the driver drains
 * {@link #pollTransmit()} (datagrams to send, in order), then {@link #pollEvent()}, then asks
 * {@link #pollTimeout()} when to call {@link #handleTimeout} next. Input never throws: datagrams
 * that do not decode, do not belong to this SA, fall outside the message-ID window (size 1, RFC
 * 7296 §2.3) or fail the integrity check are dropped without any change of state; a retransmitted
 * request is answered with the cached response (§2.1). Not thread-safe: one event loop owns a session.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.1">RFC 7296 §2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.3">RFC 7296 §2.3</a>
 */
public final class IkeSession {
    private static final System.Logger LOG = System.getLogger(IkeSession.class.getName());
    private static final int NAT_T_PORT = 4500;
    private static final int NON_ESP_MARKER_BYTES = 4;

    final Tunnel tunnel;
    final IkeSessionOptions options;
    final SecureRandom random;
    final boolean initiator;
    final IkeSaCrypto sa = new IkeSaCrypto();
    InetSocketAddress local;
    InetSocketAddress remote;
    boolean natT;

    private final IkeMessageDecoder decoder = new IkeMessageDecoder();
    private final IkeHandshake handshake;
    private final Deque<IkeTransmit> transmits = new ArrayDeque<>();
    private final Deque<IkeEvent> events = new ArrayDeque<>();
    private IkeSessionState state = IkeSessionState.IDLE;
    private IkeRetransmission outstanding;
    private long nextRequestId;
    private long nextPeerRequestId;
    private byte[] cachedResponse;
    private IkeExchangeType cachedResponseType;
    private Instant halfOpenDeadline;

    private IkeSession(Tunnel tunnel, InetSocketAddress local, InetSocketAddress remote, boolean initiator,
            IkeSessionOptions options, SecureRandom random) {
        this.tunnel = Objects.requireNonNull(tunnel, "tunnel");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = remote;
        this.initiator = initiator;
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
        IkeIdentities.toPayload(tunnel.phaseOne().effectiveRemoteId(), !initiator); // rejects unsupported IDs now
        this.handshake = initiator ? new IkeInitiatorHandshake(this) : new IkeResponderHandshake(this);
    }

    /** Returns a session that will bring {@code tunnel} up from {@code local} to {@code remote} on {@link #initiate}. */
    public static IkeSession initiator(Tunnel tunnel, InetSocketAddress local, InetSocketAddress remote,
            IkeSessionOptions options, SecureRandom random) {
        return new IkeSession(tunnel, local, Objects.requireNonNull(remote, "remote"), true, options, random);
    }

    /** Returns a session that answers one initiator of {@code tunnel} reaching us at {@code local}. */
    public static IkeSession responder(Tunnel tunnel, InetSocketAddress local, IkeSessionOptions options,
            SecureRandom random) {
        return new IkeSession(tunnel, local, null, false, options, random);
    }

    /** Returns the state. */
    public IkeSessionState state() {
        return state;
    }

    /** Returns {@code true} for the original initiator of the IKE SA. */
    public boolean isInitiator() {
        return initiator;
    }

    /** Returns the peer's address and port, once known. */
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable(remote);
    }

    /**
     * Starts IKE_SA_INIT (command; initiator only, once).
     *
     * @throws IllegalStateException if this is a responder or already started
     */
    public void initiate(Instant now) {
        if (!initiator || state != IkeSessionState.IDLE) {
            throw new IllegalStateException("initiate: only once, on an initiator (state " + state + ")");
        }
        state = IkeSessionState.CONNECTING;
        try {
            ((IkeInitiatorHandshake) handshake).start(now);
        } catch (CryptoException e) {
            fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "key exchange: " + e.getMessage());
        }
    }

    /** Takes one received UDP payload that arrived from {@code from} at {@code to}; never throws. */
    public void handleDatagram(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        try {
            handleDatagramStrict(datagram, from, to, now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "datagram dropped after an internal error", e);
        }
    }

    /** Like {@link #handleDatagram} but lets internal errors through, for tests and fuzzing. */
    void handleDatagramStrict(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        if (state == IkeSessionState.FAILED) {
            return;
        }
        byte[] raw = datagram;
        if (raw.length > NON_ESP_MARKER_BYTES && raw[0] == 0 && raw[1] == 0 && raw[2] == 0 && raw[3] == 0) {
            // RFC 3948 §2.2: the non-ESP marker; an IKE SPIi is never zero, so this is unambiguous.
            raw = java.util.Arrays.copyOfRange(raw, NON_ESP_MARKER_BYTES, raw.length);
        }
        IkeMessage message;
        try {
            message = decoder.decode(Unpooled.wrappedBuffer(raw));
        } catch (IkeErrorNotifyException e) {
            LOG.log(System.Logger.Level.DEBUG, "undecodable datagram dropped: {0}", e.getMessage());
            return;
        }
        try {
            dispatch(message, raw, from, to, now);
        } catch (CryptoException e) {
            fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "crypto: " + e.getMessage());
        }
    }

    private void dispatch(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws CryptoException {
        IkeHeader h = m.header();
        boolean fromOriginalInitiator = h.initiator();
        if (fromOriginalInitiator == initiator) {
            return; // our own flags: a reflection, not the peer
        }
        boolean init = h.exchangeType().equals(IkeExchangeType.IKE_SA_INIT);
        if (h.response()) {
            if (outstanding == null || h.messageId() != outstanding.messageId
                    || !h.exchangeType().equals(outstanding.exchangeType) || h.initiatorSpi() != sa.spiI
                    || (!init && h.responderSpi() != sa.spiR)) {
                return;
            }
        } else if (state != IkeSessionState.IDLE) {
            boolean spisMatch = h.initiatorSpi() == sa.spiI && h.responderSpi() == (init ? 0 : sa.spiR);
            if (!spisMatch) {
                return;
            }
            if (h.messageId() == nextPeerRequestId - 1 && cachedResponse != null
                    && h.exchangeType().equals(cachedResponseType)) {
                transmits.add(new IkeTransmit(cachedResponse, local, remote)); // a retransmitted request (§2.1)
                return;
            }
            if (h.messageId() != nextPeerRequestId) {
                return;
            }
        }
        Optional<IkeMessage> opened = open(m, raw, h, init, now);
        if (opened.isEmpty()) {
            return;
        }
        try {
            if (h.response()) {
                outstanding = null;
                handshake.onResponse(opened.get(), raw, from, to, now);
            } else {
                handshake.onRequest(opened.get(), raw, from, to, now);
            }
        } catch (IkeErrorNotifyException e) {
            protocolError(h, e, now);
        }
    }

    /** Decrypts an SK message; empty (drop) without keys, for SKF, or when the integrity check fails. */
    private Optional<IkeMessage> open(IkeMessage m, byte[] raw, IkeHeader h, boolean init, Instant now)
            throws CryptoException {
        List<IkePayload> payloads = m.payloads();
        boolean protectedMessage = !payloads.isEmpty() && payloads.get(payloads.size() - 1) instanceof IkeSkPayload;
        if (init) {
            return protectedMessage ? Optional.empty() : Optional.of(m);
        }
        if (!protectedMessage || !sa.hasKeys()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IkeMessage(h, sa.peerCodec.decrypt(raw, m)));
        } catch (IkeIntegrityCheckFailedException e) {
            return Optional.empty(); // RFC 7296 §2.21.2: drop silently
        } catch (IkeErrorNotifyException e) {
            protocolError(h, e, now);
            return Optional.empty();
        } catch (IkeProtocolException e) {
            return Optional.empty();
        }
    }

    /** An authenticated message was malformed: answer a request with the notify, then fail (§2.21.2). */
    private void protocolError(IkeHeader h, IkeErrorNotifyException e, Instant now) throws CryptoException {
        if (!h.response() && e.isIntegrityProtected()) {
            sendResponse(h, List.of(e.toNotifyPayload()));
        }
        if (state != IkeSessionState.ESTABLISHED) {
            fail(IkeFailureReason.PROTOCOL_ERROR, Optional.of(e.notifyType()), e.getMessage());
        }
    }

    /** Handles the expiry of a retransmission or half-open timer (at or after {@link #pollTimeout()}). */
    public void handleTimeout(Instant now) {
        Objects.requireNonNull(now, "now");
        if (state == IkeSessionState.FAILED) {
            return;
        }
        if (halfOpenDeadline != null && !now.isBefore(halfOpenDeadline)) {
            fail(IkeFailureReason.HALF_OPEN_TIMEOUT, Optional.empty(), "no IKE_AUTH request before the timeout");
            return;
        }
        if (outstanding != null && !now.isBefore(outstanding.deadline())) {
            if (outstanding.exhausted(now, options)) {
                fail(IkeFailureReason.RETRANSMISSION_TIMEOUT, Optional.empty(),
                        "no response to " + outstanding.exchangeType + " after " + options.retransmitLimit()
                                + " retransmissions");
            } else {
                transmits.add(new IkeTransmit(outstanding.datagram, local, remote));
            }
        }
    }

    /** Returns the next datagram to send, if any. */
    public Optional<IkeTransmit> pollTransmit() {
        return Optional.ofNullable(transmits.poll());
    }

    /** Returns the next event, if any. */
    public Optional<IkeEvent> pollEvent() {
        return Optional.ofNullable(events.poll());
    }

    /** Returns when {@link #handleTimeout} is due, if a timer runs. */
    public Optional<Instant> pollTimeout() {
        if (state == IkeSessionState.FAILED) {
            return Optional.empty();
        }
        Instant t = outstanding == null ? null : outstanding.deadline();
        if (halfOpenDeadline != null && (t == null || halfOpenDeadline.isBefore(t))) {
            t = halfOpenDeadline;
        }
        return Optional.ofNullable(t);
    }

    // ---- for the handshakes ----

    /** Sends a request with the next message ID and keeps it for retransmission; returns the IKE message bytes. */
    byte[] sendRequest(IkeExchangeType type, List<IkePayload> payloads, Instant now) throws CryptoException {
        IkeHeader header = IkeHeader.of(sa.spiI, sa.spiR, type, initiator, false, nextRequestId);
        byte[] message = sa.seal(header, payloads, initiator);
        outstanding = new IkeRetransmission(nextRequestId++, type, frame(message), now, options);
        transmits.add(new IkeTransmit(outstanding.datagram, local, remote));
        return message;
    }

    /** Sends IKE_SA_INIT again from message ID 0 (after COOKIE or INVALID_KE_PAYLOAD, RFC 7296 §2.6, §1.2). */
    byte[] restartInit(List<IkePayload> payloads, Instant now) throws CryptoException {
        nextRequestId = 0;
        return sendRequest(IkeExchangeType.IKE_SA_INIT, payloads, now);
    }

    /** Sends the response to {@code request} and caches it for retransmitted requests; returns the IKE message bytes. */
    byte[] sendResponse(IkeHeader request, List<IkePayload> payloads) throws CryptoException {
        IkeHeader header = IkeHeader.of(sa.spiI, sa.spiR, request.exchangeType(), initiator, true,
                request.messageId());
        byte[] message = sa.seal(header, payloads, initiator);
        cachedResponse = frame(message);
        cachedResponseType = request.exchangeType();
        nextPeerRequestId = request.messageId() + 1;
        transmits.add(new IkeTransmit(cachedResponse, local, remote));
        return message;
    }

    /** Answers an IKE_SA_INIT request without keeping any state (COOKIE, INVALID_KE_PAYLOAD, NO_PROPOSAL_CHOSEN). */
    void sendStatelessResponse(IkeHeader request, IkeNotifyPayload notify, InetSocketAddress to,
            InetSocketAddress from) {
        IkeHeader header = IkeHeader.of(request.initiatorSpi(), 0, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        byte[] message = IkeSaCrypto.encode(new IkeMessage(header, List.of(notify)));
        transmits.add(new IkeTransmit(message, from, to));
    }

    /** Moves both sides to port 4500 with the non-ESP marker (RFC 7296 §2.23). */
    void switchToNatT() {
        natT = true;
        local = new InetSocketAddress(local.getAddress(), NAT_T_PORT);
        remote = new InetSocketAddress(remote.getAddress(), NAT_T_PORT);
    }

    private byte[] frame(byte[] message) {
        if (!natT) {
            return message;
        }
        byte[] out = new byte[NON_ESP_MARKER_BYTES + message.length];
        System.arraycopy(message, 0, out, NON_ESP_MARKER_BYTES, message.length);
        return out;
    }

    void connecting() {
        state = IkeSessionState.CONNECTING;
    }

    void halfOpenUntil(Instant deadline) {
        halfOpenDeadline = deadline;
        options.cookieGate().ifPresent(IkeCookieGate::opened);
    }

    void established() {
        state = IkeSessionState.ESTABLISHED;
        closeHalfOpen();
    }

    void emit(IkeEvent event) {
        events.add(event);
    }

    void fail(IkeFailureReason reason, Optional<IkeNotifyType> notify, String detail) {
        if (state == IkeSessionState.FAILED) {
            return;
        }
        state = IkeSessionState.FAILED;
        outstanding = null;
        closeHalfOpen();
        handshake.close();
        sa.close();
        events.add(new IkeEvent.SessionFailed(reason, notify, detail));
    }

    private void closeHalfOpen() {
        if (halfOpenDeadline != null) {
            halfOpenDeadline = null;
            options.cookieGate().ifPresent(IkeCookieGate::closed);
        }
    }

    @Override
    public String toString() {
        return "IkeSession[" + (initiator ? "initiator" : "responder") + ", tunnel=" + tunnel.name() + ", state="
                + state + "]";
    }
}
