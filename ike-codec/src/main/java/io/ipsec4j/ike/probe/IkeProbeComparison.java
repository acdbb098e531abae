package io.ipsec4j.ike.probe;

import io.ipsec4j.model.PhaseOne;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.StrongSwanProposals;
import io.ipsec4j.model.check.Compatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which of a tunnel's Phase I proposals a probed responder would accept.
 *
 * <p>A proposal is {@link Verdict#ACCEPTED} when the model's proposal selection
 * ({@link Compatibility}) finds a match between it and the suites the responder actually chose;
 * {@link Verdict#LIKELY} when every transform type overlaps what the responder accepted but no
 * chosen suite confirms the combination; {@link Verdict#REJECTED} when a transform type has no
 * overlap at all (those types are named). A tunnel of the other IKE version is never accepted.
 *
 * @param tunnel the tunnel's name
 * @param entries one entry per Phase I proposal, in the tunnel's order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.7">RFC 7296 §2.7</a>
 */
public record IkeProbeComparison(String tunnel, List<Entry> entries) {

    /** How likely the responder accepts a proposal. */
    public enum Verdict {
        /** A suite the responder chose matches. */
        ACCEPTED,
        /** Every transform type overlaps, no chosen suite confirms the combination. */
        LIKELY,
        /** Some transform type has no overlap, or the IKE version differs. */
        REJECTED
    }

    /**
     * One Phase I proposal of the tunnel.
     *
     * @param proposal the proposal
     * @param verdict the verdict
     * @param reason one sentence saying why
     */
    public record Entry(IkeProposal proposal, Verdict verdict, String reason) {
        /** Checks the arguments. */
        public Entry {
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Copies the list. */
    public IkeProbeComparison {
        Objects.requireNonNull(tunnel, "tunnel");
        entries = List.copyOf(entries);
    }

    static IkeProbeComparison of(IkeProbeResult result, Tunnel tunnel) {
        Objects.requireNonNull(tunnel, "tunnel");
        PhaseOne ours = tunnel.phaseOne();
        List<Entry> entries = new ArrayList<>();
        boolean sameVersion = ours.ikeVersion().majorVersion() == result.version().majorVersion();
        for (IkeProposal p : ours.proposals()) {
            if (!sameVersion) {
                entries.add(new Entry(p, Verdict.REJECTED, "the tunnel uses " + ours.ikeVersion()
                        + " but the probe asked in " + result.version()));
            } else if (!result.proposals().isEmpty() && selected(tunnel, p, result.proposals())) {
                entries.add(new Entry(p, Verdict.ACCEPTED, "the responder chose a matching suite"));
            } else {
                List<String> missing = missingTypes(p, result);
                entries.add(missing.isEmpty()
                        ? new Entry(p, Verdict.LIKELY, "every transform type overlaps what the responder accepted,"
                                + " but no suite it chose confirms this combination")
                        : new Entry(p, Verdict.REJECTED, "no overlap in " + String.join(", ", missing)
                                + ": the responder answers NO_PROPOSAL_CHOSEN"));
            }
        }
        return new IkeProbeComparison(tunnel.name(), entries);
    }

    /** Runs the model's proposal selection: our tunnel offering only {@code p}, theirs the chosen suites. */
    private static boolean selected(Tunnel tunnel, IkeProposal p, List<IkeProposal> theirs) {
        Tunnel ours = with(tunnel, List.of(p));
        Tunnel remote = with(tunnel, theirs);
        return Compatibility.compare(ours, remote).findings().stream()
                .noneMatch(f -> f.code().equals("IKE_PROPOSAL_MISMATCH"));
    }

    private static Tunnel with(Tunnel tunnel, List<IkeProposal> proposals) {
        PhaseOne one = PhaseOne.builder().from(tunnel.phaseOne()).proposals(proposals).build();
        return Tunnel.builder().from(tunnel).phaseOne(one).build();
    }

    private static List<String> missingTypes(IkeProposal p, IkeProbeResult r) {
        List<String> missing = new ArrayList<>();
        if (p.encryption().stream().noneMatch(r.encryption()::contains)) {
            missing.add("encryption " + p.encryption().stream().map(IkeProbeResult::keyword).toList());
        }
        if (!p.isAead() && p.integrity().stream().noneMatch(r.integrity()::contains)) {
            missing.add("integrity " + p.integrity().stream().map(IkeProbeResult::keyword).toList());
        }
        if (p.prf().stream().noneMatch(r.prf()::contains)) {
            missing.add("PRF " + p.prf().stream().map(IkeProbeResult::keyword).toList());
        }
        if (p.keyExchange().stream().noneMatch(r.keyExchange()::contains)) {
            missing.add("key exchange " + p.keyExchange().stream().map(IkeProbeResult::keyword).toList());
        }
        return missing;
    }

    /** One line per proposal: verdict, the proposal in strongSwan syntax, the reason. */
    public String toText() {
        StringBuilder sb = new StringBuilder("tunnel ").append(tunnel).append(":\n");
        for (Entry e : entries) {
            sb.append("  ").append(e.verdict()).append(' ').append(StrongSwanProposals.format(e.proposal()))
                    .append(": ").append(e.reason()).append('\n');
        }
        return sb.toString();
    }
}
