package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeFragmenter;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeReassembler;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IKE fragmentation (RFC 7383) for an {@link IkeSession}: the IKEV2_FRAGMENTATION_SUPPORTED
 * exchange in IKE_SA_INIT, splitting our large protected messages into SKF fragments, and
 * reassembling the peer's.
 *
 * <p>RFC 7383 §2.3: the initiator announces support in its IKE_SA_INIT request and the responder,
 * if it supports it too, in its response; only then is fragmentation used. §2.5: fragmentation
 * applies to protected messages that would not fit {@link IkeSessionOptions#fragmentSize()}, never
 * to IKE_SA_INIT; a retransmission resends the same fragments. §2.6: every fragment is authenticated
 * before it is kept ({@link IkeReassembler}, bounded by {@link IkeReassembler.Limits#DEFAULTS} and
 * timed with the session's clock); the reassembled message then goes through the same path as an SK
 * message. Fragmenter and reassembler belong to the current IKE SA and are replaced when it is
 * rekeyed; an incomplete message is dropped after the reassembly window or when the session ends.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.3">RFC 7383 §2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6">RFC 7383 §2.6</a>
 */
final class IkeFragmentation {
    private final IkeSession s;
    private final boolean enabled;
    private final IkeMessageDecoder decoder = new IkeMessageDecoder();
    private boolean peerSupports;
    private Instant clock = Instant.EPOCH;
    private Instant startedAt = Instant.EPOCH;
    private IkeSaCrypto fragmenterSa;
    private IkeFragmenter fragmenter;
    private IkeSaCrypto reassemblerSa;
    private IkeReassembler reassembler;

    IkeFragmentation(IkeSession session) {
        this.s = session;
        this.enabled = session.options.fragmentSize() > 0;
    }

    /** Returns {@code true} once both sides announced support in IKE_SA_INIT. */
    boolean negotiated() {
        return enabled && peerSupports;
    }

    /** Notes whether the peer's IKE_SA_INIT request or response announces support (RFC 7383 §2.3). */
    void onInit(IkeMessage init) {
        peerSupports = init.notify(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isPresent();
    }

    /**
     * Returns the payloads of our IKE_SA_INIT {@code header} with our announcement: always in a
     * request, in a response only if the request had one (RFC 7383 §2.3).
     */
    List<IkePayload> announce(IkeHeader header, List<IkePayload> payloads) {
        if (!header.exchangeType().equals(IkeExchangeType.IKE_SA_INIT) || !enabled
                || header.response() && !peerSupports) {
            return payloads;
        }
        List<IkePayload> p = new ArrayList<>(payloads);
        p.add(IkeNotifyPayload.status(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED));
        return p;
    }

    /**
     * Returns the IKE messages (without non-ESP marker) that carry {@code payloads} under {@code
     * header} on {@code sa}, where we are the original initiator if {@code saInitiator}: one, or SKF
     * fragments when negotiated and the message would not fit.
     */
    List<byte[]> seal(IkeSaCrypto sa, boolean saInitiator, IkeHeader header, List<IkePayload> payloads)
            throws CryptoException {
        byte[] whole = sa.seal(header, announce(header, payloads));
        if (!negotiated() || header.exchangeType().equals(IkeExchangeType.IKE_SA_INIT) || sa != s.sa) {
            return List.of(whole); // a retiring SA only sends small Deletes and empty responses
        }
        int max = IkeFragmenter.maxMessageBytes(s.options.fragmentSize(), s.local.getAddress() instanceof Inet6Address,
                s.natT);
        if (whole.length <= max) {
            return List.of(whole);
        }
        if (fragmenterSa != sa) {
            closeFragmenter();
            fragmenter = IkeFragmenter.of(sa.keys, saInitiator, s.options.providers());
            fragmenterSa = sa;
        }
        List<byte[]> out = new ArrayList<>();
        for (IkeMessage fragment : fragmenter.fragment(header, payloads, max)) {
            out.add(IkeSaCrypto.encode(fragment));
        }
        return out;
    }

    /** Returns {@code true} for a fragment other than the first: it never triggers a resent response (§2.6.1). */
    static boolean isLaterFragment(IkeMessage m) {
        List<IkePayload> p = m.payloads();
        return !p.isEmpty() && p.get(p.size() - 1) instanceof IkeSkfPayload skf && skf.fragmentNumber() > 1;
    }

    /** Returns {@code true} if {@code m} carries an SKF payload. */
    static boolean isFragment(IkeMessage m) {
        List<IkePayload> p = m.payloads();
        return !p.isEmpty() && p.get(p.size() - 1) instanceof IkeSkfPayload;
    }

    /**
     * Takes an SKF fragment of the current IKE SA {@code sa}; returns the whole message once the last
     * missing fragment arrived, empty while fragments are missing or when it was not negotiated.
     *
     * @throws IkeProtocolException if the fragment is not authentic, does not fit the others or the
     *         limits (drop), or the reassembled message is malformed
     */
    Optional<IkeMessage> accept(IkeSaCrypto sa, byte[] raw, IkeMessage m, Instant now) throws IkeProtocolException {
        if (!negotiated()) {
            return Optional.empty();
        }
        clock = now;
        if (reassemblerSa != sa) {
            dropReassembly();
            reassembler = new IkeReassembler(sa.peerCodec, decoder, IkeReassembler.Limits.DEFAULTS,
                    () -> clock.getEpochSecond() * 1_000_000_000L + clock.getNano());
            reassemblerSa = sa;
        }
        boolean idle = !reassembler.inProgress();
        Optional<IkeMessage> whole = reassembler.accept(raw, m);
        if (idle && reassembler.inProgress()) {
            startedAt = now; // an authentic first kept fragment
        }
        return whole;
    }

    /** Drops an incomplete message once the reassembly window has passed since its first kept fragment. */
    void expire(Instant now) {
        if (reassembler != null && reassembler.inProgress()
                && now.isAfter(startedAt.plus(IkeReassembler.Limits.DEFAULTS.window()))) {
            reassembler.reset();
        }
    }

    /** Returns {@code true} while fragments of a message are kept. */
    boolean inProgress() {
        return reassembler != null && reassembler.inProgress();
    }

    /** Drops the reassembly state and zeroes the fragmenter's keys (the session ended). */
    void close() {
        dropReassembly();
        closeFragmenter();
    }

    private void dropReassembly() {
        if (reassembler != null) {
            reassembler.reset();
            reassembler = null;
            reassemblerSa = null;
        }
    }

    private void closeFragmenter() {
        if (fragmenter != null) {
            fragmenter.close();
            fragmenter = null;
            fragmenterSa = null;
        }
    }
}
