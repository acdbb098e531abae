package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.esp.EspUdpEncapsulation;
import io.ipsec4j.ike.IkeDiscardException;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeErrorNotifyException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSkPayload;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The receive path of an {@link IkeSession}: a datagram is stripped of the non-ESP marker, decoded,
 * matched to the IKE SA it belongs to (a retiring one, or the current one by SPIs and flags),
 * checked against the message-ID window (a repeated request is answered from the cache), decrypted
 * or reassembled, and handed to the handshake before the IKE SA is up or to {@link
 * IkeInformational} after; each response goes to the exchange whose request carried its message ID.
 *
 * <p>RFC 7296 §2.21.1: nothing unprotected and undecodable is answered; §2.21.2: a message that
 * fails the integrity check is dropped silently, and an authenticated malformed request is answered
 * with the error notify; §2.3 and §2.1: message IDs outside the window are dropped, repeated ones
 * get the cached response (RFC 7383 §2.6.1: on the first fragment only). Nothing here changes state
 * before the message is authenticated, except what IKE_SA_INIT allows.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.21">RFC 7296 §2.21</a>
 */
final class IkeInbound {
    private static final System.Logger LOG = System.getLogger(IkeInbound.class.getName());

    private final IkeSession s;
    private final IkeMessageDecoder decoder = new IkeMessageDecoder();

    IkeInbound(IkeSession session) {
        this.s = session;
    }

    /** Takes one datagram of a session that is neither failed nor closed. */
    void receive(byte[] datagram, InetSocketAddress from, InetSocketAddress to, Instant now) {
        byte[] raw = datagram;
        if (EspUdpEncapsulation.hasNonEspMarker(raw)) {
            // RFC 3948 §2.2: the non-ESP marker; an IKE SPIi is never zero, so this is unambiguous.
            raw = java.util.Arrays.copyOfRange(raw, EspUdpEncapsulation.NON_ESP_MARKER_BYTES, raw.length);
        }
        IkeMessage message;
        try {
            message = decoder.decode(Unpooled.wrappedBuffer(raw));
        } catch (IkeProtocolException e) {
            // Unprotected and undecodable (or IKEv1): nothing in it may be answered (RFC 7296 §2.21.1).
            LOG.log(System.Logger.Level.DEBUG, "undecodable datagram dropped: {0}", e.getMessage());
            return;
        }
        try {
            dispatch(message, raw, from, to, now);
        } catch (CryptoException e) {
            s.fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "crypto: " + e.getMessage());
        }
    }

    private void dispatch(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws CryptoException {
        IkeHeader h = m.header();
        for (IkeRetiringSa old : s.retiring) {
            if (old.matches(h)) {
                if (old.onMessage(m, raw) && s.state() == IkeSessionState.ESTABLISHED) {
                    s.informational.peerSwitched(now); // the peer deleted an old SA: it has the new one
                }
                return;
            }
        }
        if (h.initiator() == s.outbox.saInitiator()) {
            return; // our own flags: a reflection, not the peer
        }
        boolean init = h.exchangeType().equals(IkeExchangeType.IKE_SA_INIT);
        if (h.response()) {
            if (!s.outbox.answersOutstanding(h) || h.initiatorSpi() != s.sa.spiI
                    || (!init && h.responderSpi() != s.sa.spiR)) {
                return;
            }
        } else if (s.state() != IkeSessionState.IDLE) {
            if (h.initiatorSpi() != s.sa.spiI || h.responderSpi() != (init ? 0 : s.sa.spiR)) {
                return;
            }
            if (!IkeFragmentation.isLaterFragment(m) && s.outbox.resendCached(h) || !s.outbox.inWindow(h)) {
                // a retransmitted request answered from the cache (§2.1; when fragmented, on its first
                // fragment only, RFC 7383 §2.6.1), or outside the window
                return;
            }
        }
        Optional<IkeMessage> opened = open(m, raw, h, init, now);
        if (opened.isEmpty()) {
            return;
        }
        if (init) {
            s.fragments.onInit(opened.get());
        }
        boolean established = s.state() == IkeSessionState.ESTABLISHED;
        if (established) {
            s.informational.heard(now);
        }
        try {
            if (h.response()) {
                s.outbox.completeOutstanding(h);
                if (established) {
                    s.informational.onResponse(opened.get(), now);
                } else {
                    s.handshake.onResponse(opened.get(), raw, from, to, now);
                }
            } else if (established) {
                s.informational.onRequest(opened.get(), now);
            } else {
                s.handshake.onRequest(opened.get(), raw, from, to, now);
            }
        } catch (IkeErrorNotifyException e) {
            protocolError(h, e, now);
        }
        if (s.state() == IkeSessionState.ESTABLISHED) {
            s.informational.heard(now);
            if (h.initiatorSpi() == s.sa.spiI && h.responderSpi() == s.sa.spiR) {
                s.informational.peerSwitched(now); // authentic on the current SA: the peer has its keys
            }
        }
    }

    /**
     * Decrypts an SK message or reassembles SKF fragments (RFC 7383 §2.6); empty (drop) without keys,
     * while fragments are missing, or when the integrity check fails.
     */
    private Optional<IkeMessage> open(IkeMessage m, byte[] raw, IkeHeader h, boolean init, Instant now)
            throws CryptoException {
        List<IkePayload> payloads = m.payloads();
        boolean protectedMessage = !payloads.isEmpty() && payloads.get(payloads.size() - 1) instanceof IkeSkPayload;
        boolean fragment = IkeFragmentation.isFragment(m);
        if (init) {
            return protectedMessage || fragment ? Optional.empty() : Optional.of(m);
        }
        if (!protectedMessage && !fragment || !s.sa.hasKeys()) {
            return Optional.empty();
        }
        try {
            return fragment ? s.fragments.accept(s.sa, raw, m, now)
                    : Optional.of(new IkeMessage(h, s.sa.peerCodec.decrypt(raw, m)));
        } catch (IkeDiscardException e) {
            return Optional.empty(); // integrity check failed or fragment refused: drop silently (§2.21.2)
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
            s.outbox.sendResponse(h, List.of(e.toNotifyPayload()));
        }
        if (s.state() != IkeSessionState.ESTABLISHED) {
            s.fail(IkeFailureReason.PROTOCOL_ERROR, Optional.of(e.notifyType()), e.getMessage());
        }
    }
}
