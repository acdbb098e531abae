package io.ipsec4j.ike.probe;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a probe has learnt so far; turned into an {@link IkeProbeResult}. Not thread-safe. */
final class IkeProbeFindings {
    /** A probe keeps at most this many vendor IDs (a responder cannot grow the result without bound). */
    static final int MAX_VENDOR_IDS = 32;
    /** And at most this many unanswered questions and chosen suites. */
    static final int MAX_ENTRIES = 1024;

    private final Set<Object> accepted = new LinkedHashSet<>();
    private final List<IkeProposal> proposals = new ArrayList<>();
    private final Map<Bytes, Optional<String>> vendorIds = new LinkedHashMap<>();
    private final List<String> unanswered = new ArrayList<>();
    private IkeProposal preferred;
    private Boolean fragmentation;
    private Boolean natTraversal;
    private int cookiesReceived;
    private int cookiesAnswered;

    void accept(Object transform) {
        accepted.add(transform);
    }

    boolean isAccepted(Object transform) {
        return accepted.contains(transform);
    }

    /** Records a suite the responder chose: the suite, and each of its transforms as accepted. */
    void chosen(IkeProposal suite) {
        if (!proposals.contains(suite) && proposals.size() < MAX_ENTRIES) {
            proposals.add(suite);
        }
        accepted.addAll(suite.encryption());
        accepted.addAll(suite.integrity());
        accepted.addAll(suite.prf());
        accepted.addAll(suite.keyExchange());
    }

    List<IkeProposal> proposals() {
        return proposals;
    }

    void preferred(IkeProposal suite) {
        preferred = suite;
    }

    void unanswered(IkeProbeQuestion q, String why) {
        if (unanswered.size() < MAX_ENTRIES) {
            unanswered.add(q + " (" + why + ")");
        }
    }

    void vendorId(Bytes id, Optional<String> name) {
        if (vendorIds.size() < MAX_VENDOR_IDS) {
            vendorIds.putIfAbsent(id, name);
        }
    }

    void fragmentation(boolean supported) {
        fragmentation = fragmentation == Boolean.TRUE || supported;
    }

    void natTraversal(boolean supported) {
        natTraversal = natTraversal == Boolean.TRUE || supported;
    }

    /** The responder asked for a COOKIE (RFC 7296 §2.6). */
    void cookieReceived() {
        cookiesReceived++;
    }

    /** A request went out repeating a question with the responder's cookie. */
    void cookieAnswered() {
        cookiesAnswered++;
    }

    /** Accepted transforms of {@code candidates}, in candidate order. */
    <T> List<T> accepted(List<T> candidates) {
        return candidates.stream().filter(accepted::contains).toList();
    }

    IkeProbeResult toResult(IkeVersion version, IkeProbeResult.Stop stop, IkeProbeCandidates c, int sent) {
        List<Encryption> enc = new ArrayList<>(accepted(c.encryption()));
        List<IntegrityAlgorithm> integ = new ArrayList<>(accepted(c.integrity()));
        List<PrfAlgorithm> prf = new ArrayList<>(accepted(c.prf()));
        List<KeyExchangeMethod> ke = new ArrayList<>(accepted(c.keyExchange()));
        for (IkeProposal p : proposals) { // a chosen suite may hold transforms that were no candidate
            p.encryption().stream().filter(x -> !enc.contains(x)).forEach(enc::add);
            p.integrity().stream().filter(x -> !integ.contains(x)).forEach(integ::add);
            p.prf().stream().filter(x -> !prf.contains(x)).forEach(prf::add);
            p.keyExchange().stream().filter(x -> !ke.contains(x)).forEach(ke::add);
        }
        List<IkeProbeResult.VendorId> vids = new ArrayList<>();
        vendorIds.forEach((id, name) -> vids.add(new IkeProbeResult.VendorId(id, name)));
        return new IkeProbeResult(version, stop, enc, integ, prf, ke, proposals, Optional.ofNullable(preferred),
                Optional.ofNullable(fragmentation), Optional.ofNullable(natTraversal), vids, unanswered, sent,
                cookiesReceived, cookiesAnswered);
    }
}
