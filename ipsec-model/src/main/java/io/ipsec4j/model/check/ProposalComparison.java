package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.Compatibility.mismatch;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** IKE and ESP proposal comparison, including IKEv2's deferred PFS (RFC 7296 §1.2, §1.3.1). */
final class ProposalComparison {
    private ProposalComparison() {}

    static void ike(PhaseOne ours, PhaseOne theirs, List<Finding> out) {
        List<ProposalMatch.Offer> a = ProposalMatch.offers(ours.proposals(), ProposalMatch::ike);
        List<ProposalMatch.Offer> b = ProposalMatch.offers(theirs.proposals(), ProposalMatch::ike);
        ProposalMatch.Result weInitiate = ProposalMatch.select(a, b);
        if (!weInitiate.matches()) {
            out.add(noProposal("IKE_PROPOSAL_MISMATCH", Phase.PHASE_1, "phaseOne.proposals", ours.proposals(),
                    theirs.proposals(), weInitiate, "no IKE proposal is acceptable to both ends, so the responder answers "
                            + "NO_PROPOSAL_CHOSEN and Phase I fails"));
            return;
        }
        ProposalMatch.Result theyInitiate = ProposalMatch.select(b, a);
        if (!weInitiate.selected.equals(theyInitiate.selected)) {
            out.add(mismatch("IKE_SUITE_DEPENDS_ON_INITIATOR", Severity.INFO, Phase.NONE, "phaseOne.proposals",
                    weInitiate.selected.get(), theyInitiate.selected.get(), "both work, but the suite depends on who "
                            + "initiates: " + weInitiate.selected.get() + " when we do, " + theyInitiate.selected.get() + " when they do"));
        }
        if (ours.ikeVersion() == IkeVersion.IKEV2) {
            invalidKeRoundTrip(ours.proposals(), theirs.proposals(), out);
        }
    }

    /** IKEv2 sends one KE guess; a responder preferring another group costs a round trip (§1.2). */
    private static void invalidKeRoundTrip(List<IkeProposal> ours, List<IkeProposal> theirs, List<Finding> out) {
        Optional<KeyExchangeMethod> guess = ProposalMatch.firstKe(ours);
        boolean theyAccept = guess.isPresent()
                && theirs.stream().anyMatch(p -> p.keyExchange().contains(guess.get()));
        if (guess.isPresent() && !theyAccept) {
            out.add(mismatch("IKE_KE_GUESS_REJECTED", Severity.INFO, Phase.NONE, "phaseOne.proposals[0].keyExchange",
                    guess.get().name(), theirs.stream().flatMap(p -> p.keyExchange().stream()).map(KeyExchangeMethod::name)
                            .distinct().collect(Collectors.joining(", ")),
                    "our first DH group is one the peer does not accept: it answers INVALID_KE_PAYLOAD and we retry "
                            + "with another group, one extra round trip per IKE SA"));
        }
    }

    static void esp(IkeVersion version, PhaseTwo ours, PhaseTwo theirs, List<Finding> out) {
        List<ProposalMatch.Offer> a = ProposalMatch.offers(ours.proposals(), p -> ProposalMatch.esp(p, false));
        List<ProposalMatch.Offer> b = ProposalMatch.offers(theirs.proposals(), p -> ProposalMatch.esp(p, false));
        ProposalMatch.Result base = ProposalMatch.select(a, b);
        if (!base.matches()) {
            out.add(noProposal("ESP_PROPOSAL_MISMATCH", Phase.PHASE_2, "phaseTwo.proposals", ours.proposals(),
                    theirs.proposals(), base, "no ESP proposal is acceptable to both ends, so the CHILD SA is refused "
                            + "with NO_PROPOSAL_CHOSEN and no traffic flows"));
            return;
        }
        List<ProposalMatch.Offer> aPfs = ProposalMatch.offers(ours.proposals(), p -> ProposalMatch.esp(p, true));
        List<ProposalMatch.Offer> bPfs = ProposalMatch.offers(theirs.proposals(), p -> ProposalMatch.esp(p, true));
        ProposalMatch.Result withPfs = ProposalMatch.select(aPfs, bPfs);
        if (withPfs.matches()) {
            return;
        }
        String oursPfs = pfsText(ours.proposals());
        String theirsPfs = pfsText(theirs.proposals());
        if (version == IkeVersion.IKEV2) {
            out.add(mismatch("PFS_MISMATCH", Severity.ERROR, Phase.PHASE_2_REKEY, "phaseTwo.proposals.pfsGroups", oursPfs,
                    theirsPfs, "the PFS settings do not match. The first CHILD SA is created inside IKE_AUTH without a "
                            + "key exchange, so the tunnel comes up; its first rekey (CREATE_CHILD_SA with KE) then fails "
                            + "with NO_PROPOSAL_CHOSEN and traffic stops when the CHILD SA expires"));
        } else {
            out.add(mismatch("PFS_MISMATCH", Severity.ERROR, Phase.PHASE_2, "phaseTwo.proposals.pfsGroups", oursPfs,
                    theirsPfs, "the PFS settings do not match; IKEv1 negotiates PFS in every Quick Mode, so Phase II "
                            + "fails from the start"));
        }
    }

    private static String pfsText(List<EspProposal> proposals) {
        String groups = proposals.stream().flatMap(p -> p.pfsGroups().stream()).map(KeyExchangeMethod::name).distinct()
                .collect(Collectors.joining(", "));
        boolean someWithout = proposals.stream().anyMatch(p -> !p.hasPfs());
        if (groups.isEmpty()) {
            return "no PFS";
        }
        return someWithout ? groups + " or no PFS" : groups;
    }

    private static <P> Finding noProposal(String code, Phase phase, String path, List<P> ours, List<P> theirs,
            ProposalMatch.Result r, String why) {
        String detail = r.typesWithoutOverlap.stream()
                .map(t -> "no common " + t + " (ours: " + ProposalMatch.listOf(r.closestOurs, t) + "; theirs: "
                        + ProposalMatch.listOf(r.closestTheirs, t) + ")")
                .collect(Collectors.joining("; "));
        return Finding.builder().code(code).severity(Severity.ERROR).phase(phase).path(path)
                .message(why + ". Closest pair: " + detail)
                .localValue(ours.stream().map(Object::toString).collect(Collectors.joining(", ")))
                .remoteValue(theirs.stream().map(Object::toString).collect(Collectors.joining(", ")))
                .build();
    }
}
