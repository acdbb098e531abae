package io.ipsec4j.ike.probe;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.probe.IkeProbeQuestion.Kind;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1NotifyType;
import io.ipsec4j.ike.v1.IkeV1VendorIds;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkeNatDetection;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeVendorPayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IKEv2 questions as IKE_SA_INIT requests.
 *
 * <p>Whether a transform is accepted is asked with a Key Exchange payload of a group the proposal
 * does not offer: a responder that selects the proposal must then answer INVALID_KE_PAYLOAD
 * (RFC 7296 §1.2), one that does not answers NO_PROPOSAL_CHOSEN, and neither answer leaves a
 * half-open IKE SA behind. Only the preference and the suite per cipher need a real answer; they
 * send a real key share of an accepted group and follow INVALID_KE_PAYLOAD once per group. COOKIE
 * is answered by repeating the request with the cookie first (RFC 7296 §2.6).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
final class IkeV2ProbePlan extends IkeProbePlan {
    /** A responder asking for a new cookie more often than this for one question is not followed. */
    static final int MAX_COOKIE_RETRIES = 2;
    private static final int NONCE_BYTES = 32;

    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private long spi;
    private Bytes nonce;
    private KeyExchangeMethod keGroup;
    private Bytes cookie;
    private int cookieRetries;
    /** A COOKIE arrived that the next request answers. */
    private boolean cookieToAnswer;
    private final Set<KeyExchangeMethod> triedGroups = new HashSet<>();

    IkeV2ProbePlan(IkeProbeCandidates candidates, IkeProbeKeyShares keyShares, SecureRandom random,
            InetSocketAddress local, InetSocketAddress remote) {
        super(candidates, keyShares, random);
        this.local = local;
        this.remote = remote;
    }

    @Override
    void queueTransforms(Deque<IkeProbeQuestion> queue) {
        candidates.integrity().forEach(i -> queue.add(new IkeProbeQuestion(Kind.INTEGRITY, i)));
        candidates.prf().forEach(p -> queue.add(new IkeProbeQuestion(Kind.PRF, p)));
    }

    @Override
    boolean begin(IkeProbeQuestion q) {
        cookie = null;
        cookieToAnswer = false;
        cookieRetries = 0;
        triedGroups.clear();
        keGroup = switch (q.kind()) {
            case KEY_EXCHANGE -> decoy(List.of((KeyExchangeMethod) q.transform()));
            case PREFERENCE, COMBINATION -> acceptedGroups().stream()
                    .filter(g -> keyShares.publicValue(g).isPresent()).findFirst().orElse(null);
            default -> {
                KeyExchangeMethod d = decoy(acceptedGroups());
                yield d != null ? d : acceptedGroups().get(0);
            }
        };
        if (keGroup == null) {
            unanswered("no key share to send");
            return false;
        }
        return true;
    }

    @Override
    void sending() {
        if (cookieToAnswer) {
            findings.cookieAnswered();
            cookieToAnswer = false;
        }
    }

    @Override
    Bytes request(IkeProbeQuestion q) {
        List<IkeProposal> offers = offers(q);
        if (offers.isEmpty()) {
            unanswered("nothing to offer");
            return null;
        }
        Optional<Bytes> share = keyShares.publicValue(keGroup);
        if (share.isEmpty()) {
            unanswered("no key share for " + IkeProbeResult.keyword(keGroup));
            return null;
        }
        triedGroups.add(keGroup);
        if (cookie == null) {
            // a COOKIE retry repeats the request, SPI and nonce included: the cookie may be bound to them
            spi = randomSpi();
            nonce = randomBytes(NONCE_BYTES);
        }
        IkeHeader header = IkeHeader.of(spi, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0);
        List<IkeSaProposal> wire = new ArrayList<>();
        for (IkeProposal p : offers) {
            wire.add(IkeSaProposals.fromIkeProposal(wire.size() + 1, p, Bytes.EMPTY));
        }
        List<IkePayload> payloads = new ArrayList<>();
        if (cookie != null) {
            payloads.add(IkeNotifyPayload.cookie(cookie)); // first, RFC 7296 §2.6
        }
        payloads.add(new IkeSaPayload(wire));
        payloads.add(new IkeKePayload(keGroup, share.get()));
        payloads.add(new IkeNoncePayload(nonce));
        payloads.add(IkeNatDetection.sourceIp(header, local));
        payloads.add(IkeNatDetection.destinationIp(header, remote));
        payloads.add(IkeNotifyPayload.status(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED));
        return IkeMessageEncoder.encodeToBytes(new IkeMessage(header, payloads));
    }

    private List<IkeProposal> offers(IkeProbeQuestion q) {
        IkeProbeCandidates c = candidates;
        List<KeyExchangeMethod> groups = acceptedGroups();
        return switch (q.kind()) {
            case KEY_EXCHANGE -> IkeProbeCandidates.offers(c.encryption(), c.integrity(), c.prf(),
                    List.of((KeyExchangeMethod) q.transform()));
            case ENCRYPTION, COMBINATION -> IkeProbeCandidates.offers(List.of((Encryption) q.transform()),
                    c.integrity(), c.prf(), groups);
            case INTEGRITY -> IkeProbeCandidates.offers(c.encryption().stream().filter(e -> !e.isAead()).toList(),
                    List.of((io.ipsec4j.model.algorithm.IntegrityAlgorithm) q.transform()), c.prf(), groups);
            case PRF -> IkeProbeCandidates.offers(c.encryption(), c.integrity(),
                    List.of((io.ipsec4j.model.algorithm.PrfAlgorithm) q.transform()), groups);
            case PREFERENCE -> IkeProbeCandidates.offers(c.encryption(), c.integrity(), c.prf(), c.keyExchange());
        };
    }

    @Override
    boolean answer(IkeDatagramDecoder.Decoded decoded) {
        if (decoded.ikeV1().isPresent()) { // an IKEv1-only responder
            IkeV1Message v1 = decoded.ikeV1().get();
            return otherVersion(v1.header().initiatorCookie(), spi, v1.payloads(IkeV1NotificationPayload.class).stream()
                    .anyMatch(n -> n.notifyType().equals(IkeV1NotifyType.INVALID_MAJOR_VERSION)), "IKEv2");
        }
        if (current == null || decoded.ikeV2().isEmpty()) {
            return false;
        }
        IkeMessage m = decoded.ikeV2().get();
        IkeHeader h = m.header();
        if (h.response() && m.notify(IkeNotifyType.INVALID_MAJOR_VERSION).isPresent()) {
            return otherVersion(h.initiatorSpi(), spi, true, "IKEv2"); // in any exchange type
        }
        if (h.initiatorSpi() != spi || !h.response() || !h.exchangeType().equals(IkeExchangeType.IKE_SA_INIT)
                || h.messageId() != 0) {
            return false;
        }
        for (IkeVendorPayload v : m.payloads(IkeVendorPayload.class)) {
            findings.vendorId(v.vendorId(), IkeV1VendorIds.name(v.vendorId()));
        }
        Optional<IkeNotifyPayload> newCookie = m.notify(IkeNotifyType.COOKIE);
        if (newCookie.isPresent()) {
            findings.cookieReceived();
            if (++cookieRetries > MAX_COOKIE_RETRIES) {
                unanswered("COOKIE asked " + cookieRetries + " times");
            } else {
                cookie = newCookie.get().data();
                cookieToAnswer = true;
            }
            return true;
        }
        Optional<IkeNotifyPayload> invalidKe = m.notify(IkeNotifyType.INVALID_KE_PAYLOAD);
        if (invalidKe.isPresent()) {
            invalidKe(invalidKe.get().acceptedKeyExchange());
            return true;
        }
        Optional<IkeSaPayload> sa = m.payload(IkeSaPayload.class);
        if (sa.isPresent() && !sa.get().proposals().isEmpty()) {
            findings.fragmentation(m.notify(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED).isPresent());
            findings.natTraversal(m.notify(IkeNotifyType.NAT_DETECTION_SOURCE_IP).isPresent());
            Optional<IkeProposal> chosen = IkeSaProposals.toIkeProposal(sa.get().proposals().get(0));
            chose(chosen, "a chosen proposal");
            return true;
        }
        Optional<IkeNotifyPayload> error = m.payloads(IkeNotifyPayload.class).stream()
                .filter(IkeNotifyPayload::isError).findFirst();
        if (error.isPresent() && error.get().notifyType().equals(IkeNotifyType.NO_PROPOSAL_CHOSEN)) {
            rejected();
        } else {
            unanswered(error.map(e -> e.notifyType().toString()).orElse("an answer without SA or error"));
        }
        return true;
    }

    private void invalidKe(KeyExchangeMethod wanted) {
        // A retry keeps the SPI and any cookie: the cookie is bound to them (RFC 7296 §2.6).
        switch (current.kind()) {
            case PREFERENCE, COMBINATION -> {
                if (triedGroups.contains(wanted) || keyShares.publicValue(wanted).isEmpty()) {
                    unanswered("INVALID_KE_PAYLOAD asks for " + IkeProbeResult.keyword(wanted));
                } else {
                    keGroup = wanted; // the next request repeats the question with that group
                }
            }
            default -> accepted(); // the proposal was selected; only the key share was refused
        }
    }
}
