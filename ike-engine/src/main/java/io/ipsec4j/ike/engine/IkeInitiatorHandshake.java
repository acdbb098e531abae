package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.ike.v2.AuthenticationFailedException;
import io.ipsec4j.ike.v2.IkeAuthMethod;
import io.ipsec4j.ike.v2.IkeAuthPayload;
import io.ipsec4j.ike.v2.IkeErrorNotifyException;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNatDetection;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkePskAuth;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initiator's IKE_SA_INIT and IKE_AUTH: proposals, key exchange (retried once per
 * INVALID_KE_PAYLOAD with the group the responder asks for), COOKIE echo, NAT detection, PSK AUTH
 * and the first CHILD SA.
 *
 * <p>RFC 7296 §1.2 and §1.3 give the exchanges; §2.6 the COOKIE retry ("the initiator MUST retry
 * the IKE_SA_INIT with a Notify payload of type COOKIE containing the responder-supplied cookie
 * data as the first payload"); §1.2 the INVALID_KE_PAYLOAD retry; §2.15 the AUTH payload.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.6">RFC 7296 §2.6</a>
 */
final class IkeInitiatorHandshake implements IkeHandshake {
    /** Retries of IKE_SA_INIT after COOKIE or INVALID_KE_PAYLOAD before giving up. */
    private static final int MAX_INIT_RETRIES = 3;

    private final IkeSession s;
    private final PhaseOne p1;
    private final IkeChildRequest child;
    private KeyExchange ke;
    private Bytes cookie;
    private int initRetries;
    private boolean authSent;

    IkeInitiatorHandshake(IkeSession session) {
        this.s = session;
        this.p1 = session.tunnel.phaseOne();
        this.child = new IkeChildRequest(session);
    }

    void start(Instant now) throws CryptoException {
        s.sa.spiI = IkeRandom.ikeSpi(s.random);
        s.sa.ni = IkeRandom.nonce(s.random);
        ke = KeyExchange.generate(p1.proposals().get(0).keyExchange().get(0), s.options.providers(), s.random);
        s.sa.initRequest = Bytes.of(s.outbox.restartInit(initPayloads(), now));
    }

    private List<IkePayload> initPayloads() {
        IkeHeader header = IkeHeader.of(s.sa.spiI, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0);
        List<IkePayload> p = new ArrayList<>();
        if (cookie != null) {
            p.add(IkeNotifyPayload.cookie(cookie)); // first payload (§2.6)
        }
        List<IkeProposal> ours = p1.proposals();
        List<io.ipsec4j.ike.v2.IkeSaProposal> wire = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            wire.add(IkeSaProposals.fromIkeProposal(i + 1, ours.get(i), Bytes.EMPTY));
        }
        p.add(new IkeSaPayload(wire));
        p.add(new IkeKePayload(ke.method(), Bytes.of(ke.publicValue())));
        p.add(new IkeNoncePayload(s.sa.ni));
        p.add(IkeNatDetection.sourceIp(header, s.local));
        p.add(IkeNatDetection.destinationIp(header, s.remote));
        return p;
    }

    @Override
    public void onRequest(IkeMessage request, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now) {
        // Until IKE_AUTH completes the responder has nothing to ask (RFC 7296 §2.3).
    }

    @Override
    public void onResponse(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws IkeErrorNotifyException, CryptoException {
        if (!authSent) {
            onInitResponse(m, raw, from, to, now);
        } else {
            onAuthResponse(m);
        }
    }

    private void onInitResponse(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws CryptoException {
        Optional<IkeNotifyPayload> cookieNotify = m.notify(IkeNotifyType.COOKIE);
        Optional<IkeNotifyPayload> invalidKe = m.notify(IkeNotifyType.INVALID_KE_PAYLOAD);
        if (cookieNotify.isPresent() || invalidKe.isPresent()) {
            if (++initRetries > MAX_INIT_RETRIES) {
                s.fail(IkeFailureReason.PROTOCOL_ERROR, Optional.of(cookieNotify.or(() -> invalidKe).get().notifyType()),
                        "IKE_SA_INIT retried " + MAX_INIT_RETRIES + " times");
                return;
            }
            if (cookieNotify.isPresent()) {
                cookie = cookieNotify.get().data();
            } else {
                KeyExchangeMethod wanted = invalidKe.get().acceptedKeyExchange();
                boolean offered = p1.proposals().stream().anyMatch(p -> p.keyExchange().contains(wanted));
                if (!offered || wanted.equals(ke.method())) {
                    s.fail(IkeFailureReason.INVALID_KE_PAYLOAD, Optional.of(IkeNotifyType.INVALID_KE_PAYLOAD),
                            "responder asks for key exchange " + wanted + ", which we do not offer");
                    return;
                }
                ke.close();
                ke = KeyExchange.generate(wanted, s.options.providers(), s.random);
            }
            s.sa.initRequest = Bytes.of(s.outbox.restartInit(initPayloads(), now));
            return;
        }
        Optional<IkeNotifyPayload> error = m.payloads(IkeNotifyPayload.class).stream()
                .filter(IkeNotifyPayload::isError).findFirst();
        if (error.isPresent()) {
            IkeNotifyType type = error.get().notifyType();
            s.fail(type.equals(IkeNotifyType.NO_PROPOSAL_CHOSEN) ? IkeFailureReason.NO_PROPOSAL_CHOSEN
                    : IkeFailureReason.PEER_ERROR, Optional.of(type), "IKE_SA_INIT refused: " + type);
            return;
        }
        Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
        Optional<IkeKePayload> kePayload = m.payload(IkeKePayload.class);
        Optional<IkeNoncePayload> nonce = m.payload(IkeNoncePayload.class);
        if (sa.isEmpty() || kePayload.isEmpty() || nonce.isEmpty() || m.header().responderSpi() == 0) {
            s.fail(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(), "IKE_SA_INIT response without SA, KE, Nonce or SPIr");
            return;
        }
        Optional<IkeProposal> chosen = sa.get().proposals().size() == 1
                ? IkeSaProposals.toIkeProposal(sa.get().proposals().get(0)) : Optional.empty();
        if (chosen.isEmpty() || !IkeProposalSelector.acceptsIke(chosen.get(), p1.proposals())
                || !chosen.get().keyExchange().get(0).equals(ke.method())
                || !kePayload.get().method().equals(ke.method())) {
            s.fail(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(), "responder chose a proposal we did not offer");
            return;
        }
        s.sa.spiR = m.header().responderSpi();
        s.sa.nr = nonce.get().nonce();
        s.sa.initResponse = Bytes.of(raw);
        try {
            s.sa.install(chosen.get(), ke.computeSharedSecret(kePayload.get().data().toByteArray()), true,
                    s.options.providers());
        } catch (io.ipsec4j.crypto.InvalidPublicValueException e) {
            s.fail(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(), "responder's KE value rejected: " + e.getMessage());
            return;
        } finally {
            ke.close();
        }
        Optional<IkeNatDetection.Result> nat = IkeNatDetection.check(m, from, to);
        if (nat.map(IkeNatDetection.Result::natDetected).orElse(false)) {
            s.behindNat = nat.get().localBehindNat();
            s.switchToNatT();
        }
        sendAuth(now);
    }

    private void sendAuth(Instant now) throws CryptoException {
        IkeIdPayload idi = IkeIdentities.toPayload(localId(), true);
        Bytes auth = IkePskAuth.initiator(s.sa.keys, p1.sharedSecret(), s.sa.initRequest, s.sa.nr, idi);
        List<IkePayload> p = new ArrayList<>();
        p.add(idi);
        p.add(IkeNotifyPayload.status(IkeNotifyType.INITIAL_CONTACT));
        s.outbox.announceWindow(p); // SET_WINDOW_SIZE when our window is larger than one (RFC 7296 §2.3)
        p.add(new IkeAuthPayload(IkeAuthMethod.SHARED_KEY_MIC, auth));
        p.addAll(child.payloads());
        authSent = true;
        s.outbox.sendRequest(IkeExchangeType.IKE_AUTH, p, now);
    }

    private Identity localId() {
        return p1.effectiveLocalId().orElseGet(() -> Identity.address(IpAddress.of(s.local.getAddress())));
    }

    private void onAuthResponse(IkeMessage m) throws CryptoException {
        Optional<IkeIdPayload> idr = m.payloads(IkeIdPayload.class).stream().filter(id -> !id.initiator()).findFirst();
        Optional<IkeAuthPayload> auth = m.payload(IkeAuthPayload.class);
        if (idr.isEmpty() || auth.isEmpty()) {
            Optional<IkeNotifyType> error = m.payloads(IkeNotifyPayload.class).stream()
                    .filter(IkeNotifyPayload::isError).map(IkeNotifyPayload::notifyType).findFirst();
            s.fail(error.filter(IkeNotifyType.AUTHENTICATION_FAILED::equals).isPresent()
                    ? IkeFailureReason.AUTHENTICATION_FAILED
                    : error.isPresent() ? IkeFailureReason.PEER_ERROR : IkeFailureReason.PROTOCOL_ERROR,
                    error, "IKE_AUTH response without IDr and AUTH" + error.map(e -> ": " + e).orElse(""));
            return;
        }
        if (!IkeIdentities.matches(idr.get(), p1.effectiveRemoteId())) {
            s.fail(IkeFailureReason.AUTHENTICATION_FAILED, Optional.empty(),
                    "responder's ID is not " + p1.effectiveRemoteId());
            return;
        }
        try {
            IkePskAuth.verify(auth.get(), s.sa.keys.prf(), p1.sharedSecret(), s.sa.initResponse, s.sa.ni,
                    s.sa.keys.skPr(), idr.get());
        } catch (AuthenticationFailedException e) {
            s.fail(IkeFailureReason.AUTHENTICATION_FAILED, Optional.empty(), "responder's AUTH: " + e.getMessage());
            return;
        }
        s.outbox.peerAnnounced(m);
        s.established();
        s.emit(new IkeEvent.IkeSaEstablished(s.sa.spiI, s.sa.spiR, s.sa.proposal, s.natT));
        s.emit(child.complete(m));
    }

    @Override
    public void close() {
        if (ke != null) {
            ke.close();
        }
    }
}
