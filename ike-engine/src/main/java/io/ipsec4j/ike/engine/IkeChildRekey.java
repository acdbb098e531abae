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
 * <p>Each request of ours is an {@link Exchange} with its own nonce, SPI and key exchange, so that
 * with a message-ID window larger than one (§2.3) several run at once; the caller routes each
 * response to the exchange that sent its message ID.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.3.3">RFC 7296 §1.3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.8">RFC 7296 §2.8</a>
 */
final class IkeChildRekey {
    private final IkeSession s;
    private final PhaseTwo p2;
    /** Our CREATE_CHILD_SA requests awaiting their responses. */
    private final List<Exchange> active = new ArrayList<>();

    /** One CREATE_CHILD_SA request of ours: what it asked for and its key exchange. */
    static final class Exchange {
        /** The CHILD SA it rekeys, or {@code null} for a new one. */
        final IkeEvent.ChildSaInstalled rekeying;
        private final List<TrafficSelector> wantLocal;
        private final List<TrafficSelector> wantRemote;
        private final EspMode wantMode;
        private Bytes ni;
        private KeyExchange ke;
        private int newSpi;
        private Bytes responderNonce;
        private Bytes collisionNi;
        private Bytes collisionNr;

        private Exchange(IkeEvent.ChildSaInstalled rekeying, List<TrafficSelector> local, List<TrafficSelector> remote,
                EspMode mode) {
            this.rekeying = rekeying;
            this.wantLocal = List.copyOf(local);
            this.wantRemote = List.copyOf(remote);
            this.wantMode = mode;
        }

        private void close() {
            if (ke != null) {
                ke.close();
                ke = null;
            }
        }
    }

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
        Optional<Exchange> ours = old.flatMap(o -> active.stream().filter(x -> o.equals(x.rekeying)).findFirst());
        if (ours.isPresent() && r.event() instanceof IkeEvent.ChildSaInstalled) {
            // §2.8.1: both sides rekey this SA; which new SA survives is decided when our response arrives.
            ours.get().collisionNi = nonce.get().nonce();
            ours.get().collisionNr = nr;
            return r.event();
        }
        if (old.isPresent() && r.event() instanceof IkeEvent.ChildSaInstalled installed) {
            return new IkeEvent.ChildSaRekeyed(old.get().inbound().spi(), old.get().outbound().spi(), installed);
        }
        return r.event();
    }

    /** Sends our CREATE_CHILD_SA that rekeys {@code old} (RFC 7296 §1.3.3); returns the exchange. */
    Exchange start(IkeEvent.ChildSaInstalled old, Instant now) throws CryptoException {
        return send(new Exchange(old, old.localSelectors(), old.remoteSelectors(), old.inbound().mode()), now);
    }

    /** Returns {@code true} while a rekey of ours of {@code child} awaits its response. */
    boolean isRekeying(IkeEvent.ChildSaInstalled child) {
        return active.stream().anyMatch(x -> child.equals(x.rekeying));
    }

    /**
     * Sends our CREATE_CHILD_SA for a new CHILD SA with these selectors, which the responder may
     * narrow (RFC 7296 §1.3.1, §2.9); returns the exchange.
     */
    Exchange startNew(List<TrafficSelector> local, List<TrafficSelector> remote, Instant now) throws CryptoException {
        return send(new Exchange(null, local, remote, p2.mode()), now);
    }

    private Exchange send(Exchange x, Instant now) throws CryptoException {
        x.ni = IkeRandom.nonce(s.random);
        x.newSpi = IkeRandom.childSpi(s.random);
        List<IkePayload> p = new ArrayList<>();
        if (x.rekeying != null) {
            p.add(IkeNotifyPayload.rekeySa(IkeProtocolId.ESP, x.rekeying.inbound().spi()));
        }
        if (x.wantMode == EspMode.TRANSPORT) {
            p.add(IkeNotifyPayload.status(IkeNotifyType.USE_TRANSPORT_MODE));
        }
        List<IkeSaProposal> wire = new ArrayList<>();
        for (EspProposal proposal : p2.proposals()) {
            wire.add(IkeSaProposals.fromEspProposal(wire.size() + 1, proposal, IkeRandom.spiBytes(x.newSpi)));
        }
        p.add(new IkeSaPayload(wire));
        p.add(new IkeNoncePayload(x.ni));
        if (p2.proposals().get(0).hasPfs()) {
            x.ke = KeyExchange.generate(p2.proposals().get(0).pfsGroups().get(0), s.options.providers(), s.random);
            p.add(new IkeKePayload(x.ke.method(), Bytes.of(x.ke.publicValue())));
        }
        p.add(IkeTsPayload.of(true, x.wantLocal)); // TSi: the side of this exchange's initiator
        p.add(IkeTsPayload.of(false, x.wantRemote));
        active.add(x);
        s.outbox.sendRequest(IkeExchangeType.CREATE_CHILD_SA, p, now);
        return x;
    }

    /**
     * Takes the response to our rekey; on success the old SA is to be deleted, unless the peer rekeyed
     * it at the same time and our new SA holds the lowest nonce: then ours is redundant and goes instead
     * (RFC 7296 §2.8.1).
     */
    Result onResponse(Exchange x, IkeMessage m) throws CryptoException {
        IkeEvent.ChildSaInstalled old = x.rekeying;
        active.remove(x);
        IkeEvent event = complete(x, m);
        Bytes peerNi = x.collisionNi;
        Bytes peerNr = x.collisionNr;
        if (!(event instanceof IkeEvent.ChildSaRekeyed r)) {
            // Ours failed, but the peer's rekey of the same SA that we answered meanwhile replaces it:
            // the peer deletes the old SA, which we must not rekey again (§2.8.1).
            Optional<Integer> superseded = peerNi != null && old != null ? Optional.of(old.inbound().spi())
                    : Optional.empty();
            return new Result(Optional.of(event), Optional.empty(), superseded);
        }
        if (peerNi != null && IkeSaRekey.holdsLowestNonce(x.ni, x.responderNonce, peerNi, peerNr)) {
            r.replacement().inbound().close(); // never handed out: the peer deletes its half on our Delete
            r.replacement().outbound().close();
            // The peer's new SA replaces the old one, which the peer deletes: we must not rekey it again.
            return new Result(Optional.empty(), Optional.of(r.replacement().inbound().spi()),
                    Optional.of(r.oldInboundSpi()));
        }
        return new Result(Optional.of(event), Optional.of(r.oldInboundSpi()), Optional.empty());
    }

    private IkeEvent complete(Exchange x, IkeMessage m) throws CryptoException {
        IkeEvent.ChildSaInstalled old = x.rekeying;
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
            x.responderNonce = nr.get().nonce();
            SecretBytes secret = null;
            if (!chosen.get().pfsGroups().isEmpty()) {
                Optional<IkeKePayload> ker = m.payload(IkeKePayload.class);
                if (x.ke == null || ker.isEmpty() || !ker.get().method().equals(x.ke.method())
                        || !chosen.get().pfsGroups().get(0).equals(x.ke.method())) {
                    return failed("the rekey's key exchange does not match");
                }
                secret = x.ke.computeSharedSecret(ker.get().data().toByteArray());
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
                    || !IkeTrafficSelectorNarrowing.isSubset(local, x.wantLocal)
                    || !IkeTrafficSelectorNarrowing.isSubset(remote, x.wantRemote)) {
                return failed("the responder's selectors are not within those requested");
            }
            IkeEvent.ChildSaInstalled installed = IkeChildSaFactory.install(s.sa.keys, true, x.ni, nr.get().nonce(),
                    secret, chosen.get(), x.newSpi, IkeRandom.spiValue(wire.spi()), x.wantMode,
                    IkeChildRequest.replayWindow(p2), local, remote, s.options.providers());
            if (old == null) {
                return installed;
            }
            return new IkeEvent.ChildSaRekeyed(old.inbound().spi(), old.outbound().spi(), installed);
        } catch (io.ipsec4j.crypto.InvalidPublicValueException e) {
            return failed("the responder's KE value was rejected");
        } finally {
            x.close();
        }
    }

    /** The Delete of the old SA that follows a successful rekey (RFC 7296 §2.8). */
    static List<IkePayload> deleteOld(int oldInboundSpi) {
        return List.of(IkeDeletePayload.esp(List.of(IkeRandom.spiBytes(oldInboundSpi))));
    }

    private static IkeEvent failed(String detail) {
        return new IkeEvent.ChildSaFailed(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(), detail);
    }

    /** Drops every exchange of ours and its key exchange (the IKE SA ends or was replaced). */
    void close() {
        active.forEach(Exchange::close);
        active.clear();
    }
}
