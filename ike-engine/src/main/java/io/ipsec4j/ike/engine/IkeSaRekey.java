package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.InvalidPublicValueException;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.crypto.KeyExchangeResponse;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeProtocolId;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IKE SA rekey by CREATE_CHILD_SA, in either role, with simultaneous rekeys resolved.
 *
 * <p>RFC 7296 §1.3.2: the request carries an SA payload of IKE proposals with the new initiator
 * SPI, a nonce and a KE payload; the response the chosen proposal with the new responder SPI, a
 * nonce and KE. §2.18: SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr), the side that sent the
 * request becomes the new SA's original initiator, the CHILD SAs move to the new SA and the
 * requester deletes the old one. §2.8.1: when both sides rekeyed at once, "the SA created with the
 * lowest of the four nonces used in the two exchanges SHOULD be deleted by the endpoint that
 * created it", and the other new SA replaces the old one. {@link #switchTo} makes the new SA the
 * session's current one and keeps the old one as an {@link IkeRetiringSa} until its Delete.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.18">RFC 7296 §2.18</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.8.1">RFC 7296 §2.8.1</a>
 */
final class IkeSaRekey {
    private static final System.Logger LOG = System.getLogger(IkeSaRekey.class.getName());
    /** How the replaced SA ends. */
    enum OldSa { WE_DELETE, PEER_DELETES, PEER_DELETED }

    private final IkeSession s;
    private final PhaseOne p1;
    private KeyExchange ke;
    private Bytes ni;
    private long newSpiI;
    private boolean retriedKe;
    private IkeSaCrypto peerCandidate;
    private Bytes peerNi;
    private Bytes peerNr;

    IkeSaRekey(IkeSession session) {
        this.s = session;
        this.p1 = session.tunnel.phaseOne();
    }

    boolean inProgress() {
        return ke != null;
    }

    /** Sends our rekey request with the key exchange method of the current IKE SA. */
    void start(Instant now) throws CryptoException {
        retriedKe = false;
        send(s.sa.proposal.keyExchange().get(0), now);
    }

    private void send(KeyExchangeMethod group, Instant now) throws CryptoException {
        close();
        newSpiI = IkeRandom.ikeSpi(s.random);
        ni = IkeRandom.nonce(s.random);
        ke = KeyExchange.generate(group, s.options.providers(), s.random);
        List<IkeSaProposal> wire = new ArrayList<>();
        for (IkeProposal p : p1.proposals()) {
            wire.add(IkeSaProposals.fromIkeProposal(wire.size() + 1, p, spiBytes(newSpiI)));
        }
        s.outbox.sendRequest(IkeExchangeType.CREATE_CHILD_SA, List.of(new IkeSaPayload(wire), new IkeNoncePayload(ni),
                new IkeKePayload(ke.method(), Bytes.of(ke.publicValue()))), now);
    }

    /**
     * Takes the response to our rekey: switches to the new SA, or reports why not; returns {@code
     * true} if it sent the rekey again instead, with the key exchange method the peer asked for.
     */
    boolean onResponse(IkeMessage m, Instant now) throws CryptoException {
        IkeSaCrypto candidate = peerCandidate;
        peerCandidate = null;
        // This exchange's own values: switching SAs may already start the next rekey, which sets the fields.
        KeyExchange mine = ke;
        Bytes myNi = ni;
        long mySpi = newSpiI;
        ke = null;
        try {
            Optional<IkeNotifyPayload> error = m.payloads(IkeNotifyPayload.class).stream()
                    .filter(IkeNotifyPayload::isError).findFirst();
            if (error.isPresent() && error.get().notifyType().equals(IkeNotifyType.INVALID_KE_PAYLOAD)
                    && candidate == null && !retriedKe) {
                KeyExchangeMethod wanted = error.get().acceptedKeyExchange();
                if (!wanted.equals(mine.method()) && p1.proposals().stream().anyMatch(p -> p.keyExchange().contains(wanted))) {
                    retriedKe = true;
                    send(wanted, now);
                    return true;
                }
            }
            Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
            Optional<IkeNoncePayload> nr = m.payload(IkeNoncePayload.class);
            Optional<IkeKePayload> ker = m.payload(IkeKePayload.class);
            Optional<IkeProposal> chosen = sa.filter(p -> p.proposals().size() == 1)
                    .flatMap(p -> IkeSaProposals.toIkeProposal(p.proposals().get(0)));
            String problem = error.isPresent() ? "IKE SA rekey refused: " + error.get().notifyType()
                    : chosen.isEmpty() || nr.isEmpty() || ker.isEmpty() ? "IKE SA rekey response without SA, Nonce or KE"
                    : !IkeProposalSelector.acceptsIke(chosen.get(), p1.proposals())
                            || !chosen.get().keyExchange().get(0).equals(mine.method())
                            || !ker.get().method().equals(mine.method()) ? "responder chose a proposal we did not offer"
                    : spiValue(sa.get().proposals().get(0).spi()) == 0 ? "IKE SA rekey response without a new SPI"
                    : null;
            if (problem != null) {
                if (candidate != null) {
                    switchTo(candidate, false, OldSa.PEER_DELETES, now); // only the peer's rekey succeeded
                } else {
                    s.emit(new IkeEvent.IkeSaRekeyFailed(error.isPresent() ? IkeFailureReason.PEER_ERROR
                            : IkeFailureReason.PROTOCOL_ERROR, error.map(IkeNotifyPayload::notifyType), problem));
                }
                return false;
            }
            long spiR = spiValue(sa.get().proposals().get(0).spi());
            IkeSaCrypto ours;
            try {
                ours = IkeSaCrypto.rekeyed(s.sa, chosen.get(), mine.computeSharedSecret(ker.get().data().toByteArray()),
                        myNi, nr.get().nonce(), mySpi, spiR, true, s.options.providers());
            } catch (InvalidPublicValueException e) {
                if (candidate != null) {
                    switchTo(candidate, false, OldSa.PEER_DELETES, now);
                } else {
                    s.emit(new IkeEvent.IkeSaRekeyFailed(IkeFailureReason.PROTOCOL_ERROR, Optional.empty(),
                            "the responder's KE value was rejected"));
                }
                return false;
            }
            if (candidate == null) {
                switchTo(ours, true, OldSa.WE_DELETE, now);
            } else if (holdsLowestNonce(myNi, nr.get().nonce(), peerNi, peerNr)) {
                switchTo(candidate, false, OldSa.PEER_DELETES, now); // ours is redundant: we delete it
                retire(ours, true, true, now);
            } else {
                switchTo(ours, true, OldSa.WE_DELETE, now); // the peer deletes its redundant SA
                retire(candidate, false, false, now);
            }
            return false;
        } finally {
            mine.close();
        }
    }

    /** Answers the peer's rekey request; {@code refuse} is the notify to answer instead, if any. */
    void onRequest(IkeMessage m, Optional<IkeNotifyType> refuse, Instant now) throws CryptoException {
        Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
        Optional<IkeNoncePayload> nonce = m.payload(IkeNoncePayload.class);
        Optional<IkeKePayload> ke = m.payload(IkeKePayload.class);
        if (refuse.isPresent() || sa.isEmpty() || nonce.isEmpty() || ke.isEmpty() || peerCandidate != null) {
            answer(m, IkeNotifyPayload.status(refuse.orElse(peerCandidate != null
                    ? IkeNotifyType.TEMPORARY_FAILURE : IkeNotifyType.INVALID_SYNTAX)));
            return;
        }
        List<IkeSaProposal> offered = sa.get().proposals().stream()
                .filter(p -> p.protocol().equals(IkeProtocolId.IKE) && p.spi().length() == 8 && spiValue(p.spi()) != 0)
                .toList();
        Optional<IkeProposalSelector.Chosen<IkeProposal>> chosen =
                IkeProposalSelector.selectIke(offered, p1.proposals(), ke.get().method());
        if (chosen.isEmpty()) {
            answer(m, IkeNotifyPayload.status(IkeNotifyType.NO_PROPOSAL_CHOSEN));
            return;
        }
        IkeProposal proposal = chosen.get().proposal();
        if (!proposal.keyExchange().get(0).equals(ke.get().method())) {
            answer(m, IkeNotifyPayload.invalidKePayload(proposal.keyExchange().get(0)));
            return;
        }
        KeyExchangeResponse answer;
        try {
            answer = KeyExchange.respond(ke.get().method(), ke.get().data().toByteArray(), s.options.providers(),
                    s.random);
        } catch (InvalidPublicValueException e) {
            answer(m, IkeNotifyPayload.status(IkeNotifyType.INVALID_SYNTAX));
            return;
        }
        long peerSpi = spiValue(offered.stream().filter(p -> p.number() == chosen.get().number()).findFirst()
                .orElseThrow().spi());
        long spiR = IkeRandom.ikeSpi(s.random);
        Bytes nr = IkeRandom.nonce(s.random);
        s.outbox.sendResponse(m.header(), List.of(new IkeSaPayload(List.of(IkeSaProposals.fromIkeProposal(
                chosen.get().number(), proposal, spiBytes(spiR)))), new IkeNoncePayload(nr),
                new IkeKePayload(ke.get().method(), Bytes.of(answer.publicValue()))));
        IkeSaCrypto next = IkeSaCrypto.rekeyed(s.sa, proposal, answer.sharedSecret(), nonce.get().nonce(), nr, peerSpi,
                spiR, false, s.options.providers());
        if (inProgress()) {
            peerCandidate = next; // §2.8.1: decided when our own response arrives
            peerNi = nonce.get().nonce();
            peerNr = nr;
        } else {
            switchTo(next, false, OldSa.PEER_DELETES, now);
        }
    }

    /**
     * The peer deleted the old SA while both rekeys were under way: its rekey won and ours will not
     * be answered; returns whether there was such a rekey to switch to.
     */
    boolean adoptAfterPeerDelete(Instant now) {
        if (peerCandidate == null) {
            return false;
        }
        IkeSaCrypto candidate = peerCandidate;
        peerCandidate = null;
        close();
        switchTo(candidate, false, OldSa.PEER_DELETED, now);
        return true;
    }

    private void answer(IkeMessage m, IkeNotifyPayload notify) throws CryptoException {
        s.outbox.sendResponse(m.header(), List.of(notify));
    }

    /**
     * Switches to the IKE SA {@code next} that replaces the current one (RFC 7296 §2.18): the CHILD
     * SAs stay, message IDs restart at zero, and the old SA is kept until its Delete is exchanged.
     *
     * @param weRekeyed whether we sent the request that created {@code next} (we become its original initiator)
     */
    void switchTo(IkeSaCrypto next, boolean weRekeyed, OldSa old, Instant now) {
        IkeOutbox previous = s.outbox;
        IkeRetiringSa r = new IkeRetiringSa(s, previous, now);
        s.retiring.add(r);
        if (old == OldSa.PEER_DELETED) {
            previous.stop(); // our own request on it will not be answered
        }
        try {
            if (old == OldSa.WE_DELETE) {
                r.sendDelete(now);
            }
        } catch (CryptoException e) {
            LOG.log(System.Logger.Level.DEBUG, "Delete of the old IKE SA not sent: {0}", e.getMessage());
        }
        s.replaceSa(next, s.outboxFor(next, weRekeyed));
        s.emit(new IkeEvent.IkeSaRekeyed(previous.sa().spiI, previous.sa().spiR, next.spiI, next.spiR,
                next.proposal));
        s.informational.ikeSaCreated(now);
        try {
            s.informational.resume(old == OldSa.PEER_DELETES, now);
        } catch (CryptoException e) {
            s.fail(IkeFailureReason.LOCAL_ERROR, Optional.empty(), "crypto: " + e.getMessage());
        }
    }

    /** Keeps a redundant IKE SA of a simultaneous rekey until its Delete is exchanged (RFC 7296 §2.8.1). */
    void retire(IkeSaCrypto redundant, boolean saInitiator, boolean weDelete, Instant now) throws CryptoException {
        IkeRetiringSa r = new IkeRetiringSa(s, s.outboxFor(redundant, saInitiator), now);
        s.retiring.add(r);
        if (weDelete) {
            r.sendDelete(now);
        }
    }

    /**
     * Returns {@code true} if the lowest of the four nonces is one of the first exchange's
     * ({@code a1}, {@code a2}); nonces compare as unsigned byte strings (RFC 7296 §2.8.1).
     */
    static boolean holdsLowestNonce(Bytes a1, Bytes a2, Bytes b1, Bytes b2) {
        byte[] a = min(a1.toByteArray(), a2.toByteArray());
        byte[] b = min(b1.toByteArray(), b2.toByteArray());
        return Arrays.compareUnsigned(a, b) < 0;
    }

    private static byte[] min(byte[] x, byte[] y) {
        return Arrays.compareUnsigned(x, y) <= 0 ? x : y;
    }

    static Bytes spiBytes(long spi) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (spi >>> (56 - 8 * i));
        }
        return Bytes.of(b);
    }

    static long spiValue(Bytes spi) {
        if (spi.length() != 8) {
            return 0;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (spi.get(i) & 0xFF);
        }
        return v;
    }

    void close() {
        if (ke != null) {
            ke.close();
            ke = null;
        }
    }

    /** Drops everything, also a peer's rekey held for the collision decision. */
    void closeAll() {
        close();
        if (peerCandidate != null) {
            peerCandidate.close();
            peerCandidate = null;
        }
    }
}
