package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.InvalidPublicValueException;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.crypto.KeyExchangeResponse;
import io.ipsec4j.ike.v2.AuthenticationFailedException;
import io.ipsec4j.ike.v2.IkeAuthMethod;
import io.ipsec4j.ike.v2.IkeAuthPayload;
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
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responder's IKE_SA_INIT and IKE_AUTH: stateless COOKIE, NO_PROPOSAL_CHOSEN and
 * INVALID_KE_PAYLOAD answers, proposal choice, key exchange, NAT detection, the initiator's ID and
 * PSK AUTH checked, our AUTH, and the first CHILD SA ({@link IkeChildResponse}). With several
 * tunnels ({@link IkeResponderTunnels}), IKE_SA_INIT chooses from the proposals of those the
 * initiator's address allows and IKE_AUTH picks the tunnel by IDi (and IDr when sent).
 *
 * <p>RFC 7296 §2.6: until IKE_SA_INIT succeeds, refusals keep no state, so a flood of requests
 * costs memory only for those that complete; §2.21.2: an IKE_AUTH whose AUTH does not verify is
 * answered with AUTHENTICATION_FAILED inside the SK payload.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.6">RFC 7296 §2.6</a>
 */
final class IkeResponderHandshake implements IkeHandshake {
    private final IkeSession s;
    /** The tunnels to choose from, or {@code null} for the session's one tunnel. */
    private final IkeResponderTunnels choices;
    /** The tunnels the initiator's address allows, from IKE_SA_INIT on. */
    private List<Tunnel> candidates = List.of();

    IkeResponderHandshake(IkeSession session, IkeResponderTunnels choices) {
        this.s = session;
        this.choices = choices;
    }

    @Override
    public void onRequest(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws CryptoException {
        IkeExchangeType type = m.header().exchangeType();
        if (s.state() == IkeSessionState.IDLE && type.equals(IkeExchangeType.IKE_SA_INIT)) {
            onInitRequest(m, raw, from, to, now);
        } else if (s.state() == IkeSessionState.CONNECTING && type.equals(IkeExchangeType.IKE_AUTH)) {
            s.remote = from; // the initiator may have moved to port 4500 (RFC 7296 §2.23)
            s.local = to;
            onAuthRequest(m);
        }
    }

    private void onInitRequest(IkeMessage m, byte[] raw, InetSocketAddress from, InetSocketAddress to, Instant now)
            throws CryptoException {
        IkeHeader h = m.header();
        Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
        Optional<IkeKePayload> ke = m.payload(IkeKePayload.class);
        Optional<IkeNoncePayload> nonce = m.payload(IkeNoncePayload.class);
        if (h.messageId() != 0 || h.responderSpi() != 0 || sa.isEmpty() || ke.isEmpty() || nonce.isEmpty()) {
            return;
        }
        Optional<IkeCookieGate> gate = s.options.cookieGate();
        if (gate.isPresent() && gate.get().cookieRequired()) {
            Optional<IkeNotifyPayload> cookie = m.notify(IkeNotifyType.COOKIE);
            if (cookie.isEmpty() || !gate.get().verify(cookie.get().data(), nonce.get().nonce(), from.getAddress(),
                    h.initiatorSpi())) {
                s.outbox.sendStatelessResponse(h, IkeNotifyPayload.cookie(
                        gate.get().cookie(nonce.get().nonce(), from.getAddress(), h.initiatorSpi())), from, to);
                return;
            }
        }
        List<Tunnel> allowed = choices == null ? List.of(s.tunnel) : choices.candidates(from.getAddress());
        Optional<IkeProposalSelector.Chosen<IkeProposal>> chosen = IkeProposalSelector.selectIke(
                sa.get().proposals(), IkeResponderTunnels.proposals(allowed), ke.get().method());
        if (chosen.isEmpty()) { // also when no tunnel serves this address: nothing to offer
            s.outbox.sendStatelessResponse(h, IkeNotifyPayload.status(IkeNotifyType.NO_PROPOSAL_CHOSEN), from, to);
            return;
        }
        IkeProposal proposal = chosen.get().proposal();
        if (!proposal.keyExchange().get(0).equals(ke.get().method())) {
            s.outbox.sendStatelessResponse(h, IkeNotifyPayload.invalidKePayload(proposal.keyExchange().get(0)), from, to);
            return;
        }
        KeyExchangeResponse answer;
        try {
            answer = KeyExchange.respond(ke.get().method(), ke.get().data().toByteArray(), s.options.providers(),
                    s.random);
        } catch (InvalidPublicValueException e) {
            return; // an unusable KE value: nothing to answer with (RFC 7296 §2.21.1 leaves this open)
        }
        candidates = allowed;
        s.sa.spiI = h.initiatorSpi();
        s.sa.spiR = IkeRandom.ikeSpi(s.random);
        s.sa.ni = nonce.get().nonce();
        s.sa.nr = IkeRandom.nonce(s.random);
        s.sa.initRequest = Bytes.of(raw);
        s.remote = from;
        s.local = to;
        s.sa.install(proposal, answer.sharedSecret(), false, s.options.providers());
        IkeHeader responseHeader = IkeHeader.of(s.sa.spiI, s.sa.spiR, IkeExchangeType.IKE_SA_INIT, false, true, 0);
        List<IkePayload> p = new ArrayList<>();
        p.add(new IkeSaPayload(List.of(IkeSaProposals.fromIkeProposal(chosen.get().number(), proposal, Bytes.EMPTY))));
        p.add(new IkeKePayload(ke.get().method(), Bytes.of(answer.publicValue())));
        p.add(new IkeNoncePayload(s.sa.nr));
        Optional<IkeNatDetection.Result> nat = IkeNatDetection.check(m, from, to);
        if (nat.isPresent()) {
            p.add(IkeNatDetection.sourceIp(responseHeader, to));
            p.add(IkeNatDetection.destinationIp(responseHeader, from));
        }
        s.connecting();
        s.sa.initResponse = Bytes.of(s.outbox.sendResponse(h, p));
        s.halfOpenUntil(now.plus(s.options.halfOpenTimeout()));
        if (nat.map(IkeNatDetection.Result::natDetected).orElse(false)) {
            s.natT = true; // the initiator moves to 4500; we follow where its IKE_AUTH arrives
            s.behindNat = nat.get().localBehindNat();
        }
    }

    private void onAuthRequest(IkeMessage m) throws CryptoException {
        Optional<IkeIdPayload> idi = m.payloads(IkeIdPayload.class).stream().filter(IkeIdPayload::initiator).findFirst();
        Optional<IkeAuthPayload> auth = m.payload(IkeAuthPayload.class);
        if (idi.isEmpty() || auth.isEmpty()) {
            refuse(m, "IKE_AUTH request without IDi and AUTH");
            return;
        }
        Optional<IkeIdPayload> idr = m.payloads(IkeIdPayload.class).stream().filter(id -> !id.initiator()).findFirst();
        Optional<Tunnel> tunnel = choices == null
                ? Optional.of(s.tunnel).filter(t -> IkeIdentities.matches(idi.get(), t.phaseOne().effectiveRemoteId()))
                : IkeResponderTunnels.select(candidates, idi.get(), idr, s.sa.proposal, this::localId);
        if (tunnel.isEmpty()) {
            refuse(m, choices == null ? "initiator's ID is not " + s.tunnel.phaseOne().effectiveRemoteId()
                    : "no tunnel for the initiator's ID " + idi.get().toIdentity().map(Object::toString).orElse("?")
                            + idr.map(r -> " and IDr " + r.toIdentity().map(Object::toString).orElse("?")).orElse(""));
            return;
        }
        if (tunnel.get() != s.tunnel) {
            s.selectTunnel(tunnel.get());
        }
        PhaseOne p1 = s.tunnel.phaseOne();
        try {
            IkePskAuth.verify(auth.get(), s.sa.keys.prf(), p1.sharedSecret(), s.sa.initRequest, s.sa.nr,
                    s.sa.keys.skPi(), idi.get());
        } catch (AuthenticationFailedException e) {
            refuse(m, "initiator's AUTH: " + e.getMessage());
            return;
        }
        IkeIdPayload ourId = IkeIdentities.toPayload(localId(s.tunnel), false);
        Bytes ours = IkePskAuth.responder(s.sa.keys, p1.sharedSecret(), s.sa.initResponse, s.sa.ni, ourId);
        List<IkePayload> p = new ArrayList<>();
        p.add(ourId);
        p.add(new IkeAuthPayload(IkeAuthMethod.SHARED_KEY_MIC, ours));
        s.outbox.peerAnnounced(m);
        s.outbox.announceWindow(p); // SET_WINDOW_SIZE when our window is larger than one (RFC 7296 §2.3)
        IkeChildResponse child = IkeChildResponse.answer(s, m);
        p.addAll(child.payloads());
        s.outbox.sendResponse(m.header(), p);
        s.established();
        s.emit(new IkeEvent.IkeSaEstablished(s.sa.spiI, s.sa.spiR, s.sa.proposal, s.natT));
        s.emit(child.event());
    }

    private Identity localId(Tunnel t) {
        return t.phaseOne().effectiveLocalId().orElseGet(() -> Identity.address(IpAddress.of(s.local.getAddress())));
    }

    /** Answers AUTHENTICATION_FAILED, protected, and fails (RFC 7296 §2.21.2). */
    private void refuse(IkeMessage m, String detail) throws CryptoException {
        s.outbox.sendResponse(m.header(), List.of(IkeNotifyPayload.status(IkeNotifyType.AUTHENTICATION_FAILED)));
        s.fail(IkeFailureReason.AUTHENTICATION_FAILED, Optional.of(IkeNotifyType.AUTHENTICATION_FAILED), detail);
    }

    @Override
    public void onResponse(IkeMessage response, byte[] raw, InetSocketAddress from, InetSocketAddress to,
            Instant now) {
        // The responder sends no requests of its own yet.
    }

    @Override
    public void close() {
    }
}
