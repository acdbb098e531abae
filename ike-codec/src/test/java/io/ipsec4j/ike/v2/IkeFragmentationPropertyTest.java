package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.ike.v2.FragmentFixtures.Suite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.generators.Generate;

/**
 * Properties of RFC 7383 fragmentation: any payload chain, split by {@link IkeFragmenter} at any
 * limit, comes back whole from {@link IkeReassembler} whatever the order of the fragments and
 * whatever duplicates are mixed in; every fragment fits the limit.
 */
class IkeFragmentationPropertyTest {

    @ParameterizedTest
    @EnumSource(Suite.class)
    void splitThenReassembleInAnyOrderGivesTheChainBack(Suite suite) throws Exception {
        try (IkeFragmenter f = suite.fragmenter(); IkeSkCodec codec = suite.codec()) {
            qt().withExamples(150)
                    .forAll(IkeGenerators.payloadChains(), Generate.range(80, 600), Generate.longRange(0, Long.MAX_VALUE),
                            Generate.range(0, 3))
                    .checkAssert((payloads, limit, seed, duplicates) -> {
                        try {
                            List<IkeMessage> fragments = f.fragment(FragmentFixtures.HEADER, payloads, limit);
                            List<byte[]> datagrams = FragmentFixtures.datagrams(fragments);
                            datagrams.forEach(d -> assertThat(d.length).isLessThanOrEqualTo(limit));
                            Random random = new Random(seed);
                            List<Integer> arrival = new ArrayList<>();
                            for (int i = 0; i < datagrams.size(); i++) {
                                arrival.add(i);
                            }
                            for (int i = 0; i < duplicates; i++) {
                                arrival.add(random.nextInt(datagrams.size()));
                            }
                            Collections.shuffle(arrival, random);
                            IkeReassembler r = new IkeReassembler(codec);
                            Set<Integer> seen = new HashSet<>();
                            Optional<IkeMessage> result = Optional.empty();
                            for (int index : arrival) {
                                seen.add(index);
                                result = r.accept(datagrams.get(index));
                                // complete exactly when the last missing fragment arrives, never before
                                assertThat(result.isPresent()).isEqualTo(seen.size() == datagrams.size());
                                if (result.isPresent()) {
                                    break;
                                }
                            }
                            assertThat(result).contains(new IkeMessage(FragmentFixtures.HEADER, payloads));
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    });
        }
    }
}
