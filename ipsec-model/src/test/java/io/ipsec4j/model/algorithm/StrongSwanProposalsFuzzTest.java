package io.ipsec4j.model.algorithm;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link StrongSwanProposals}: whatever the string, parsing either
 * returns a proposal whose canonical form re-parses to the same proposal and formats identically,
 * or throws {@link IllegalArgumentException} (an {@link UnknownAlgorithmNameException} or a
 * validation error), never anything else. Seeds under {@code StrongSwanProposalsFuzzTestInputs} run
 * in every build; longer runs with {@code JAZZER_FUZZ=1}.
 */
class StrongSwanProposalsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parseIke(FuzzedDataProvider data) {
        IkeProposal p;
        try {
            p = StrongSwanProposals.parseIke(data.consumeRemainingAsString());
        } catch (IllegalArgumentException expected) {
            return;
        }
        String formatted = StrongSwanProposals.format(p);
        IkeProposal again = StrongSwanProposals.parseIke(formatted);
        if (!again.equals(p) || !StrongSwanProposals.format(again).equals(formatted)) {
            throw new AssertionError("IKE round trip of " + formatted + " gave " + again);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void parseEsp(FuzzedDataProvider data) {
        EspProposal p;
        try {
            p = StrongSwanProposals.parseEsp(data.consumeRemainingAsString());
        } catch (IllegalArgumentException expected) {
            return;
        }
        String formatted = StrongSwanProposals.format(p);
        EspProposal again = StrongSwanProposals.parseEsp(formatted);
        if (!again.equals(p) || !StrongSwanProposals.format(again).equals(formatted)) {
            throw new AssertionError("ESP round trip of " + formatted + " gave " + again);
        }
    }
}
