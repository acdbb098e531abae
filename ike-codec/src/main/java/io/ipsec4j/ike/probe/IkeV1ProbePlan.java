package io.ipsec4j.ike.probe;

import io.ipsec4j.ike.IkeDatagramDecoder;
import io.ipsec4j.ike.probe.IkeProbeQuestion.Kind;
import io.ipsec4j.ike.v1.IkeV1ExchangeType;
import io.ipsec4j.ike.v1.IkeV1Header;
import io.ipsec4j.ike.v1.IkeV1Identities;
import io.ipsec4j.ike.v1.IkeV1KePayload;
import io.ipsec4j.ike.v1.IkeV1Message;
import io.ipsec4j.ike.v1.IkeV1MessageEncoder;
import io.ipsec4j.ike.v1.IkeV1NatDPayload;
import io.ipsec4j.ike.v1.IkeV1NoncePayload;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1NotifyType;
import io.ipsec4j.ike.v1.IkeV1Payload;
import io.ipsec4j.ike.v1.IkeV1Phase1Attributes;
import io.ipsec4j.ike.v1.IkeV1Proposal;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1SaProposals;
import io.ipsec4j.ike.v1.IkeV1Transform;
import io.ipsec4j.ike.v1.IkeV1VendorIdPayload;
import io.ipsec4j.ike.v1.IkeV1VendorIds;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IkeV1AuthMethod;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * IKEv1 questions as first messages of Main Mode (SA and vendor IDs) or Aggressive Mode (SA, KE,
 * nonce, a harmless probe ID and vendor IDs).
 *
 * <p>An IKEv1 transform is a whole suite, so a question offers the product of its transform lists,
 * split into several requests where it would not fit one unfragmented datagram (and, in
 * Aggressive Mode, one group per request, as the KE payload commits to it). The first request
 * answered with an SA accepts the question and shows the suite chosen; NO-PROPOSAL-CHOSEN moves on
 * to the next request. The authentication method offered is the caller's (pre-shared key by
 * default, as the attribute value only: no key is ever used or sent).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 */
final class IkeV1ProbePlan extends IkeProbePlan {
    /** The identity an Aggressive Mode probe presents: in the reserved .invalid domain (RFC 2606). */
    static final Identity PROBE_ID = Identity.fqdn("ike-probe.ipsec4j.invalid");
    /**
     * The size a request aims to stay under, so that no IP fragmentation is needed: below the 1452
     * bytes of UDP payload an IPv6 packet of 1500 bytes holds (1472 for IPv4). The 35 suites of the
     * default IKEv1 candidates per group fit one Main Mode request.
     */
    static final int MAX_REQUEST_BYTES = 1440;
    /** A phase 1 transform with seven basic attributes. */
    private static final int TRANSFORM_BYTES = 36;
    /** Header, SA and proposal headers, four vendor IDs. */
    private static final int FIXED_BYTES = 28 + 20 + 4 * 24;
    private static final int NONCE_BYTES = 32;
    private static final List<Bytes> VENDOR_IDS = List.of(IkeV1VendorIds.NAT_T_RFC3947,
            IkeV1VendorIds.NAT_T_DRAFT_02_N, IkeV1VendorIds.DPD,
            Bytes.fromHex(IkeV1VendorIds.FRAGMENTATION.toHex() + "80000000"));

    private final boolean aggressive;
    private final IkeV1AuthMethod authMethod;
    private final Identity identity;
    private List<List<IkeV1Transform>> batches = List.of();
    private List<KeyExchangeMethod> batchGroups = List.of();
    private int batch;
    private long cookie;

    IkeV1ProbePlan(IkeProbeCandidates candidates, IkeProbeKeyShares keyShares, SecureRandom random,
            boolean aggressive, IkeV1AuthMethod authMethod, Identity identity) {
        super(candidates, keyShares, random);
        this.aggressive = aggressive;
        this.authMethod = authMethod;
        this.identity = identity;
    }

    @Override
    void queueTransforms(Deque<IkeProbeQuestion> queue) {
        candidates.prf().forEach(h -> queue.add(new IkeProbeQuestion(Kind.INTEGRITY, h))); // the hash
    }

    @Override
    boolean begin(IkeProbeQuestion q) {
        IkeProbeCandidates c = candidates;
        List<KeyExchangeMethod> groups = acceptedGroups();
        if (aggressive && !groups.isEmpty()) {
            groups = List.of(groups.get(0)); // one KE payload per request
        }
        batches = new ArrayList<>();
        batchGroups = new ArrayList<>();
        batch = 0;
        switch (q.kind()) {
            case KEY_EXCHANGE -> split(c.encryption(), c.prf(), List.of((KeyExchangeMethod) q.transform()));
            case ENCRYPTION, COMBINATION -> split(List.of((Encryption) q.transform()), c.prf(), groups);
            case INTEGRITY -> split(c.encryption(), List.of((PrfAlgorithm) q.transform()), groups);
            case PREFERENCE -> split(acceptedOrAll(c.encryption()), nonEmpty(findings.accepted(c.prf()), c.prf()),
                    groups);
            default -> { }
        }
        if (batches.isEmpty()) {
            unanswered("nothing to offer");
            return false;
        }
        return true;
    }

    private static <T> List<T> nonEmpty(List<T> a, List<T> fallback) {
        return a.isEmpty() ? fallback : a;
    }

    /** Splits encryption × hash × group into requests that fit, one group at a time. */
    private void split(List<Encryption> enc, List<PrfAlgorithm> hashes, List<KeyExchangeMethod> groups) {
        int fixed = FIXED_BYTES;
        for (KeyExchangeMethod g : groups) {
            int keBytes = aggressive ? g.publicValueLengthBytes() + 4 + NONCE_BYTES + 4 + 8 + 32 : 0;
            int perRequest = Math.max(1, Math.min(255, (MAX_REQUEST_BYTES - fixed - keBytes) / TRANSFORM_BYTES));
            List<IntegrityAlgorithm> integ = hashes.stream().map(IkeProbeCandidates::hashIntegrity).toList();
            IkeProposal suites = IkeProposal.builder().encryption(enc).integrity(integ).prf(hashes)
                    .keyExchange(List.of(g)).build();
            List<IkeV1Transform> all = IkeV1SaProposals.toPhase1(suites, authMethod, Lifetime.of(PhaseOne.DEFAULT_LIFETIME))
                    .transforms();
            for (int from = 0; from < all.size(); from += perRequest) {
                List<IkeV1Transform> chunk = new ArrayList<>();
                for (IkeV1Transform t : all.subList(from, Math.min(all.size(), from + perRequest))) {
                    chunk.add(new IkeV1Transform(chunk.size() + 1, t.transformId(), t.attributes()));
                }
                batches.add(chunk);
                batchGroups.add(g);
            }
        }
    }

    @Override
    Bytes request(IkeProbeQuestion q) {
        cookie = randomSpi();
        IkeV1ExchangeType exchange = aggressive ? IkeV1ExchangeType.AGGRESSIVE : IkeV1ExchangeType.IDENTITY_PROTECTION;
        IkeV1Header header = IkeV1Header.of(cookie, 0, exchange, 0, 0);
        List<IkeV1Payload> payloads = new ArrayList<>();
        payloads.add(IkeV1SaPayload.of(List.of(new IkeV1Proposal(1, IkeV1Phase1Attributes.PROTO_ISAKMP, Bytes.EMPTY,
                batches.get(batch)))));
        if (aggressive) {
            KeyExchangeMethod g = batchGroups.get(batch);
            Optional<Bytes> share = keyShares.publicValue(g);
            if (share.isEmpty()) {
                unanswered("no key share for " + IkeProbeResult.keyword(g));
                return null;
            }
            payloads.add(new IkeV1KePayload(share.get()));
            payloads.add(new IkeV1NoncePayload(randomBytes(NONCE_BYTES)));
            payloads.add(IkeV1Identities.toIdPayload(identity));
        }
        VENDOR_IDS.forEach(v -> payloads.add(new IkeV1VendorIdPayload(v)));
        return IkeV1MessageEncoder.encodeToBytes(IkeV1Message.of(header, payloads));
    }

    @Override
    boolean answer(IkeDatagramDecoder.Decoded decoded) {
        if (decoded.ikeV2().isPresent()) { // an IKEv2-only responder
            IkeMessage v2 = decoded.ikeV2().get();
            return otherVersion(v2.header().initiatorSpi(), cookie,
                    v2.notify(IkeNotifyType.INVALID_MAJOR_VERSION).isPresent(), "IKEv1");
        }
        if (current == null || decoded.ikeV1().isEmpty()) {
            return false;
        }
        IkeV1Message m = decoded.ikeV1().get();
        if (m.header().initiatorCookie() != cookie || m.header().encrypted()) {
            return false;
        }
        for (IkeV1VendorIdPayload v : m.payloads(IkeV1VendorIdPayload.class)) {
            findings.vendorId(v.vendorId(), IkeV1VendorIds.name(v));
        }
        Optional<IkeV1SaPayload> sa = m.payload(IkeV1SaPayload.class);
        if (!m.header().exchangeType().equals(IkeV1ExchangeType.INFORMATIONAL) && sa.isPresent()) {
            List<String> names = m.payloads(IkeV1VendorIdPayload.class).stream()
                    .map(v -> IkeV1VendorIds.name(v).orElse("")).toList();
            findings.natTraversal(names.stream().anyMatch(n -> n.contains("NAT-T") || n.contains("nat-t"))
                    || !m.payloads(IkeV1NatDPayload.class).isEmpty());
            findings.fragmentation(names.contains("FRAGMENTATION"));
            List<IkeV1Proposal> proposals = sa.get().proposals();
            Optional<IkeProposal> chosen = proposals.isEmpty() ? Optional.empty()
                    : IkeV1SaProposals.toIkeProposal(proposals.get(0));
            chose(chosen, "a chosen transform");
            return true;
        }
        Optional<IkeV1NotificationPayload> error = m.payloads(IkeV1NotificationPayload.class).stream()
                .filter(n -> n.notifyType().code() < 8192).findFirst();
        if (error.isEmpty()) {
            return false;
        }
        IkeV1NotifyType type = error.get().notifyType();
        if (type.equals(IkeV1NotifyType.INVALID_MAJOR_VERSION)) {
            return otherVersion(cookie, cookie, true, "IKEv1");
        }
        if (aggressive && (type.equals(IkeV1NotifyType.AUTHENTICATION_FAILED)
                || type.equals(IkeV1NotifyType.INVALID_ID_INFORMATION))) {
            unanswered(type + ": the responder refused the identity " + identity
                    + " or Aggressive Mode with this authentication method");
        } else if (!type.equals(IkeV1NotifyType.NO_PROPOSAL_CHOSEN)) {
            unanswered(type.toString());
        } else if (++batch >= batches.size()) {
            rejected();
        }
        return true;
    }
}
