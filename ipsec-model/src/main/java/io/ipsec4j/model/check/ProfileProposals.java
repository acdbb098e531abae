package io.ipsec4j.model.check;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.AlgorithmNames;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Checks IKE and ESP proposals against the algorithms a vendor accepts, and prints algorithms the
 * vendor's way ({@link AlgorithmNames}); an algorithm the vendor has no name for is printed as its
 * strongSwan keyword.
 */
final class ProfileProposals {
    private ProfileProposals() {}

    /**
     * How {@code vendor} spells {@code value} (an Encryption, integrity, PRF or key exchange); when it
     * has no name for it, the strongSwan keyword, with the group number for a DH group.
     */
    static String spell(Vendor vendor, Object value) {
        return name(vendor, value).orElseGet(() -> {
            String keyword = name(Vendor.STRONGSWAN, value).orElseGet(value::toString);
            return value instanceof KeyExchangeMethod
                    ? keyword + " (group " + ((KeyExchangeMethod) value).id() + ")" : keyword;
        });
    }

    private static Optional<String> name(Vendor vendor, Object value) {
        if (value instanceof Encryption) {
            return AlgorithmNames.name(vendor, (Encryption) value);
        }
        if (value instanceof IntegrityAlgorithm) {
            return AlgorithmNames.name(vendor, (IntegrityAlgorithm) value);
        }
        if (value instanceof PrfAlgorithm) {
            return AlgorithmNames.name(vendor, (PrfAlgorithm) value);
        }
        if (value instanceof KeyExchangeMethod) {
            return AlgorithmNames.name(vendor, (KeyExchangeMethod) value);
        }
        return Optional.empty();
    }

    /** {@link #spell(Vendor, Object)} as a function. */
    static Function<Object, String> speller(Vendor vendor) {
        return v -> spell(vendor, v);
    }

    static <T> String spellAll(List<? extends T> values, Function<? super T, String> spell) {
        StringJoiner j = new StringJoiner(", ");
        values.forEach(v -> j.add(spell.apply(v)));
        return j.toString();
    }

    /** An ERROR for each of {@code values} that is not in {@code allowed}. */
    static <T> void checkAllowed(List<Finding> out, String vendor, String code, String path, Phase phase, String what,
            List<? extends T> values, List<? extends T> allowed, Function<? super T, String> spell) {
        for (T v : values) {
            if (!allowed.contains(v)) {
                String all = spellAll(allowed, spell);
                ProfileRules.add(out, Severity.ERROR, code, path, phase, vendor + " does not accept " + what + " "
                        + spell.apply(v) + "; it accepts " + all, spell.apply(v), all);
            }
        }
    }

    /** Every IKE proposal's encryption, integrity, PRF and DH groups must be in {@code allowed}. */
    static void checkIke(List<Finding> out, String vendor, Function<Object, String> spell, List<IkeProposal> proposals,
            ProfileAlgorithms allowed) {
        for (int i = 0; i < proposals.size(); i++) {
            IkeProposal p = proposals.get(i);
            String path = "phaseOne.proposals[" + i + "]";
            checkAllowed(out, vendor, "PHASE1_ENCRYPTION_NOT_ALLOWED", path + ".encryption", Phase.PHASE_1,
                    "Phase 1 encryption", p.encryption(), allowed.encryption(), spell);
            checkAllowed(out, vendor, "PHASE1_INTEGRITY_NOT_ALLOWED", path + ".integrity", Phase.PHASE_1,
                    "Phase 1 integrity", p.integrity(), allowed.integrity(), spell);
            if (allowed.prfSetting() || p.isAead()) {
                checkAllowed(out, vendor, "PHASE1_PRF_NOT_ALLOWED", path + ".prf", Phase.PHASE_1, "Phase 1 PRF",
                        p.prf(), allowed.prf(), spell);
            }
            checkAllowed(out, vendor, "PHASE1_DH_NOT_ALLOWED", path + ".keyExchange", Phase.PHASE_1,
                    "Phase 1 DH group", p.keyExchange(), allowed.keyExchange(), spell);
            checkNoAdditionalKe(out, vendor, path, Phase.PHASE_1, !p.additionalKeyExchanges().isEmpty());
        }
    }

    /**
     * Every ESP proposal's encryption, integrity and PFS groups must be in {@code allowed}; PFS
     * NONE ("PFS optional") is left to the caller.
     */
    static void checkEsp(List<Finding> out, String vendor, Function<Object, String> spell, List<EspProposal> proposals,
            ProfileAlgorithms allowed, Function<Object, String> pfsSpell) {
        for (int i = 0; i < proposals.size(); i++) {
            EspProposal p = proposals.get(i);
            String path = "phaseTwo.proposals[" + i + "]";
            checkAllowed(out, vendor, "PHASE2_ENCRYPTION_NOT_ALLOWED", path + ".encryption", Phase.PHASE_2,
                    "Phase 2 encryption", p.encryption(), allowed.encryption(), spell);
            checkAllowed(out, vendor, "PHASE2_INTEGRITY_NOT_ALLOWED", path + ".integrity", Phase.PHASE_2,
                    "Phase 2 integrity", p.integrity(), allowed.integrity(), spell);
            List<KeyExchangeMethod> pfs = new ArrayList<>(p.pfsGroups());
            pfs.remove(KeyExchangeMethod.NONE);
            checkAllowed(out, vendor, "PHASE2_PFS_NOT_ALLOWED", path + ".pfsGroups", Phase.PHASE_2_REKEY,
                    "Phase 2 PFS group", pfs, allowed.keyExchange(), pfsSpell);
            checkNoAdditionalKe(out, vendor, path, Phase.PHASE_2, !p.additionalKeyExchanges().isEmpty());
        }
    }

    private static void checkNoAdditionalKe(List<Finding> out, String vendor, String path, Phase phase,
            boolean present) {
        if (present) {
            ProfileRules.add(out, Severity.ERROR, "ADDITIONAL_KE_NOT_SUPPORTED", path + ".additionalKeyExchanges",
                    phase, vendor + " does not offer additional key exchanges (RFC 9370)", null, "none");
        }
    }

    /**
     * Both phases of a vendor that takes one list per transform type and phase: a WARNING when
     * several proposals are merged, and every listed value checked against {@code phase1} and
     * {@code phase2}.
     */
    static void checkProposalLists(List<Finding> out, String vendor, Function<Object, String> spell, Tunnel t,
            ProfileAlgorithms phase1, ProfileAlgorithms phase2) {
        checkMergedProposals(out, vendor, "phaseOne.proposals", t.phaseOne().proposals().size());
        checkMergedProposals(out, vendor, "phaseTwo.proposals", t.phaseTwo().proposals().size());
        checkIke(out, vendor, spell, t.phaseOne().proposals(), phase1);
        checkEsp(out, vendor, spell, t.phaseTwo().proposals(), phase2, spell);
    }

    /**
     * A vendor that takes one list per transform type and phase (not a list of proposals) merges
     * several proposals into one: every combination of the listed values may then be chosen.
     */
    static void checkMergedProposals(List<Finding> out, String vendor, String path, int count) {
        if (count > 1) {
            ProfileRules.add(out, Severity.WARNING, "PROPOSALS_MERGED", path, Phase.NONE, vendor + " takes one list "
                    + "of algorithms per transform type, not " + count + " proposals: they are merged into one set, "
                    + "and any combination of the listed values may be negotiated", count + " proposals",
                    "1 proposal set");
        }
    }

    /**
     * A vendor without a PRF setting uses the integrity algorithm as PRF: a WARNING for PRFs that
     * are not the PRF of a listed integrity algorithm.
     */
    static void checkPrfFollowsIntegrity(List<Finding> out, String vendor, Function<Object, String> spell,
            List<IkeProposal> proposals) {
        for (int i = 0; i < proposals.size(); i++) {
            IkeProposal p = proposals.get(i);
            if (p.isAead()) {
                continue;
            }
            List<PrfAlgorithm> implied = new ArrayList<>();
            p.integrity().forEach(a -> implied.add(a.matchingPrf()));
            for (PrfAlgorithm prf : p.prf()) {
                if (!implied.contains(prf)) {
                    ProfileRules.add(out, Severity.WARNING, "PRF_NOT_EXPRESSIBLE", "phaseOne.proposals[" + i + "].prf",
                            Phase.PHASE_1, vendor + " has no PRF setting and uses the integrity algorithm as PRF; "
                                    + spell(Vendor.STRONGSWAN, prf) + " cannot be set there",
                            spell(Vendor.STRONGSWAN, prf), spellAll(p.integrity(), spell));
                }
            }
        }
    }
}
