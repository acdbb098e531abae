package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeProtocolId;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeTsConversion;
import io.ipsec4j.ike.v2.IkeTsPayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.EspProposal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE_CHILD_SA for CHILD SAs, in either role: rekeying an installed CHILD SA (with a new key
 * exchange when the tunnel's ESP proposal names a PFS group) and, as responder, new CHILD SAs.
 *
 * <p>RFC 7296 §1.3.1 and §1.3.3: the request carries REKEY_SA with the old SA's inbound SPI, an SA
 * with the new SPI, a fresh nonce, KEi for PFS and the selectors; §2.17: the KEYMAT uses the
 * exchange's nonces and {@code g^ir (new)}, the first keys for the direction from the exchange's
 * initiator; §2.8: the rekeying side then deletes the old SA. IKE SA rekeys go to
 * {@link IkeSaRekey}; of two simultaneous rekeys of one
 * CHILD SA (§2.8.1) the new SA with the lowest of the four nonces is deleted by its creator.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.3.3">RFC 7296 §1.3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.8">RFC 7296 §2.8</a>
 */
final class IkeChildRekey {
    private final IkeSession s;
    private final PhaseTwo p2;
    private IkeEvent.ChildSaInstalled rekeying;
    private Bytes ni;
    private KeyExchange ke;
    private int newSpi;
    private List<TrafficSelector> wantLocal = List.of();
    private List<TrafficSelector> wantRemote = List.of();
    private EspMode wantMode;
    private Bytes responderNonce;
    private Bytes collisionNi;
    private Bytes collisionNr;

    /**
     * What our rekey's response led to: the event to raise and the inbound SPI of the CHILD SA to
     * delete next (the replaced one, or our redundant one after a simultaneous rekey).
     */
    record Result(Optional<IkeEvent> event, Optional<Integer> deleteInboundSpi, Optional<Integer> supersededSpi) {
    }

    IkeChildRekey(IkeSession session) {
        this.s = session;
        this.p2 = session.tunnel.phaseTwo();
    }

    /** Answers the peer's CREATE_CHILD_SA; returns the event to raise. */
    IkeEvent onRequest(IkeMessage m, List<IkeEvent.ChildSaInstalled> children) throws CryptoException {
        Optional<IkeNoncePayload> nonce = m.payload(IkeNoncePayload.class);
        if (nonce.isEmpty()) {
            s.outbox.sendResponse(m.header(), List.of(IkeNotifyPayload.status(IkeNotifyType.INVALID_SYNTAX)));
            return new IkeEvent.ChildSaFailed(IkeFailureReason.PROTOCOL_ERROR, Optional.of(IkeNotifyType.INVALID_SYNTAX),
                    "CREATE_CHILD_SA without a nonce");
        }
        Optional<IkeEvent.ChildSaInstalled> old = Optional.empty();
        Optional<IkeNotifyPayload> rekey = m.notify(IkeNotifyType.REKEY_SA);
        if (rekey.isPresent()) {
            int spi = rekey.get().childSpi(); // the peer's inbound SPI: our outbound one
            old = children.stream().filter(c -> c.outbound().spi() == spi).findFirst();
            if (old.isEmpty()) {
                s.outbox.sendResponse(m.header(), List.of(IkeNotifyPayload.of(IkeProtocolId.ESP,
                        IkeRandom.spiBytes(spi), IkeNotifyType.CHILD_SA_NOT_FOUND, Bytes.EMPTY)));
                return new IkeEvent.ChildSaFailed(IkeFailureReason.PROTOCOL_ERROR,
                        Optional.of(IkeNotifyType.CHILD_SA_NOT_FOUND), "rekey of an unknown CHILD SA");
            }
        }
        Bytes nr = IkeRandom.nonce(s.random);
        IkeChildResponse r = IkeChildResponse.answer(s, m, nonce.get().nonce(), nr, true);
        s.outbox.sendResponse(m.header(), r.payloads());
        if (old.isPresent() && rekeying != null && old.get().equals(rekeying)
                && r.event() instanceof IkeEvent.ChildSaInstalled) {
            // §2.8.1: both sides rekey this SA; which new SA survives is decided when our response arrives.
            collisionNi = nonce.get().nonce();
            collisionNr = nr;
            return r.event();
        }
        if (old.isPresent() && r.event() instanceof IkeEvent.ChildSaInstalled installed) {
            return new IkeEvent.ChildSaRekeyed(old.get().inbound().spi(), old.get().outbound().spi(), installed);
        }
        return r.event();
    }

    /** Sends our CREATE_CHILD_SA that rekeys {@code old} (RFC 7296 §1.3.3). */
    void start(IkeEvent.ChildSaInstalled old, Instant now) throws CryptoException {
        send(old, old.localSelectors(), old.remoteSelectors(), old.inbound().mode(), now);
    }

    /**
     * Sends our CREATE_CHILD_SA for a new CHILD SA with these selectors, which the responder may
     * narrow (RFC 7296 §1.3.1, §2.9).
     */
    void startNew(List<TrafficSelector> local, List<TrafficSelector> remote, Instant now) throws CryptoException {
        send(null, local, remote, p2.mode(), now);
    }

    private void send(IkeEvent.ChildSaInstalled old, List<TrafficSelector> local, List<TrafficSelector> remote,
            EspMode mode, Instant now) throws CryptoException {
        rekeying = old;
        wantLocal = List.copyOf(local);
        wantRemote = List.copyOf(remote);
        wantMode = mode;
        ni = IkeRandom.nonce(s.random);
        newSpi = IkeRandom.childSpi(s.random);
        List<IkePayload> p = new ArrayList<>();
        if (old != null) {
            p.add(IkeNotifyPayload.rekeySa(IkeProtocolId.ESP, old.inbound().spi()));
        }
        if (mode == EspMode.TRANSPORT) {
            p.add(IkeNotifyPayload.status(IkeNotifyType.USE_TRANSPORT_MODE));
        }
        List<IkeSaProposal> wire = new ArrayList<>();
        for (EspProposal proposal : p2.proposals()) {
            wire.add(IkeSaProposals.fromEspProposal(wire.size() + 1, proposal, IkeRandom.spiBytes(newSpi)));
        }
        p.add(new IkeSaPayload(wire));
        p.add(new IkeNoncePayload(ni));
        if (p2.proposals().get(0).hasPfs()) {
            ke = KeyExchange.generate(p2.proposals().get(0).pfsGroups().get(0), s.options.providers(), s.random);
            p.add(new IkeKePayload(ke.method(), Bytes.of(ke.publicValue())));
        }
        p.add(IkeTsPayload.of(true, local)); // TSi: the side of this exchange's initiator
        p.add(IkeTsPayload.of(false, remote));
        s.outbox.sendRequest(IkeExchangeType.CREATE_CHILD_SA, p, now);
    }

    /**
     * Takes the response to our rekey; on success the old SA is to be deleted, unless the peer rekeyed
     * it at the same time and our new SA holds the lowest nonce: then ours is redundant and goes instead
     * (RFC 7296 §2.8.1).
     */
    Result onResponse(IkeMessage m, Instant now) throws CryptoException {
        IkeEvent.ChildSaInstalled old = rekeying;
        IkeEvent event = complete(m);
        Bytes peerNi = collisionNi;
        Bytes peerNr = collisionNr;
        collisionNi = null;
        collisionNr = null;
        if (!(event instanceof IkeEvent.ChildSaRekeyed r)) {
            // Ours failed, but the peer's rekey of the same SA that we answered meanwhile replaces it:
            // the peer deletes the old SA, which we must not rekey again (§2.8.1).
            Optional<Integer> superseded = peerNi != null && old != null ? Optional.of(old.inbound().spi())
                    : Optional.empty();
            return new Result(Optional.of(event), Optional.empty(), superseded);
        }
        if (peerNi != null && IkeSaRekey.holdsLowestNonce(ni, responderNonce, peerNi, peerNr)) {
            r.replacement().inbound().close(); // never handed out: the peer deletes its half on our Delete
            r.replacement().outbound().close();
            // The peer's new SA replaces the old one, which the peer deletes: we must not rekey it again.
            return new Result(Optional.empty(), Optional.of(r.replacement().inbound().spi()),
                    Optional.of(r.oldInboundSpi()));
        }
        return new Result(Optional.of(event), Optional.of(r.oldInboundSpi()), Optional.empty());
    }

    private IkeEvent complete(IkeMessage m) throws CryptoException {
        IkeEvent.ChildSaInstalled old = rekeying;
        rekeying = null;
        responderNonce = null;
        try {
            Optional<IkeNotifyType> error = m.payloads(IkeNotifyPayload.class).stream()
                    .filter(IkeNotifyPayload::isError).map(IkeNotifyPayload::notifyType).findFirst();
            Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
            Optional<IkeNoncePayload> nr = m.payload(IkeNoncePayload.class);
            List<IkeTsPayload> ts = m.payloads(IkeTsPayload.class);
            if (error.isPresent() || sa.isEmpty() || sa.get().proposals().size() != 1 || nr.isEmpty() || ts.size() != 2) {
                return new IkeEvent.ChildSaFailed(error.isPresent() ? IkeFailureReason.PEER_ERROR
                        : IkeFailureReason.PROTOCOL_ERROR, error, (old == null ? "new CHILD SA" : "CHILD SA rekey")
                        + " refused or malformed" + error.map(e -> ": " + e).orElse(""));
            }
            IkeSaProposal wire = sa.get().proposals().get(0);
            Optional<EspProposal> chosen = IkeSaProposals.toEspProposal(wire);
            if (chosen.isEmpty() || wire.spi().length() != 4
                    || !IkeProposalSelector.acceptsEsp(chosen.get(), p2.proposals(), true)) {
                return failed("responder chose an ESP proposal we did not offer");
            }
            responderNonce = nr.get().nonce();
            SecretBytes secret = null;
            if (!chosen.get().pfsGroups().isEmpty()) {
                Optional<IkeKePayload> ker = m.payload(IkeKePayload.class);
                if (ke == null || ker.isEmpty() || !ker.get().method().equals(ke.method())
                        || !chosen.get().pfsGroups().get(0).equals(ke.method())) {
                    return failed("the rekey's key exchange does not match");
                }
                secret = ke.computeSharedSecret(ker.get().data().toByteArray());
            }
            Optional<IkeTsPayload> tsi = ts.stream().filter(IkeTsPayload::initiator).findFirst();
            Optional<IkeTsPayload> tsr = ts.stream().filter(t -> !t.initiator()).findFirst();
            if (tsi.isEmpty() || tsr.isEmpty()) {
                return failed("the responder's selectors are not within those requested");
            }
            // A selector the model cannot express cannot be shown to lie within the old SA's.
            IkeTsConversion tsiConversion = tsi.get().toTrafficSelectors();
            IkeTsConversion tsrConversion = tsr.get().toTrafficSelectors();
            var local = tsiConversion.selectors();
            var remote = tsrConversion.selectors();
            if (!tsiConversion.isComplete() || !tsrConversion.isComplete()
                    || !IkeTrafficSelectorNarrowing.isSubset(local, wantLocal)
                    || !IkeTrafficSelectorNarrowing.isSubset(remote, wantRemote)) {
                return failed("the responder's selectors are not within those requested");
            }
            IkeEvent.ChildSaInstalled installed = IkeChildSaFactory.install(s.sa.keys, true, ni, nr.get().nonce(),
                    secret, chosen.get(), newSpi, IkeRandom.spiValue(wire.spi()), wantMode,
                    IkeChildRequest.replayWindow(p2), local, remote, s.options.providers());
            if (old == null) {
                return installed;
            }
            return new IkeEvent.ChildSaRekeyed(old.inbound().spi(), old.outbound().spi(), installed);
        } catch (io.ipsec4j.crypto.InvalidPublicValueException e) {
            return failed("the responder's KE value was rejected");
        } finally {
            close();
        }
    }

    /** The Delete of the old SA that follows a successful rekey (RFC 7296 §2.8). */
    static List<IkePayload> deleteOld(int oldInboundSpi) {
        return List.of(IkeDeletePayload.esp(List.of(IkeRandom.spiBytes(oldInboundSpi))));
    }

    private static IkeEvent failed(String detail) {
        return new IkeEvent.ChildSaFailed(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(), detail);
    }

    void close() {
        if (ke != null) {
            ke.close();
            ke = null;
        }
    }
}
