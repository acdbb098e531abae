package io.ipsec4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProposalPlannerTest {
    @ParameterizedTest
    @EnumSource(value = CloudProvider.class)
    void derivesThePrfOfEveryIntegrityAlgorithmThatHasOne(CloudProvider provider) {
        for (IntegrityAlgorithm integrity : IntegrityAlgorithm.knownValues()) {
            if (integrity.matchingPrf() == null) {
                continue;
            }
            CloudPhase1 p1 = CloudPhase1.builder().addEncryption(Encryption.AES128_CBC).addIntegrity(integrity)
                    .addDhGroups(KeyExchangeMethod.MODP_2048).build();

            ProposalPlanner.Plan plan = ProposalPlanner.plan(provider, IkeVersion.IKEV2, p1, CloudPhase2.empty());

            assertThat(plan.ike()).extracting(IkeProposal::prf).as(integrity.toString())
                    .containsExactly(java.util.List.of(integrity.matchingPrf()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = CloudProvider.class)
    void derivesPrfsInIntegrityOrderWithoutRepeats(CloudProvider provider) {
        CloudPhase1 p1 = CloudPhase1.builder().addEncryption(Encryption.AES256_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_160, IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA1_96)
                .addDhGroups(KeyExchangeMethod.MODP_2048).build();

        ProposalPlanner.Plan plan = ProposalPlanner.plan(provider, IkeVersion.IKEV2, p1, CloudPhase2.empty());

        assertThat(plan.ike().get(0).prf()).containsExactly(PrfAlgorithm.HMAC_SHA1, PrfAlgorithm.HMAC_SHA2_256);
    }
}
