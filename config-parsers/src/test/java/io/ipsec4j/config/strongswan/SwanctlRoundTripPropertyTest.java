package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ConfigText;
import io.ipsec4j.fixtures.TunnelGenerators;
import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model → swanctl.conf → model is the identity; writing what was read gives the same text. */
class SwanctlRoundTripPropertyTest {
    static StrongSwanImport roundTrip(List<Tunnel> tunnels, List<RedundantTunnels> pairs) {
        String text = SwanctlWriter.connections(tunnels, pairs, SwanctlOptions.defaults())
                + SwanctlWriter.secrets(tunnels, pairs);
        Map<String, BgpPeering> bgp = new HashMap<>();
        tunnels.forEach(t -> t.bgp().ifPresent(b -> bgp.put(t.name(), b)));
        pairs.forEach(p -> p.tunnels().forEach(t -> t.bgp().ifPresent(b -> bgp.put(t.name(), b))));
        try {
            StrongSwanImport in = SwanctlReader.read(ConfigText.of(text), StrongSwanImportOptions.defaults().withBgp(bgp));
            assertThat(in.findings(Severity.ERROR)).as(text).isEmpty();
            return in;
        } catch (ConfigParseException e) {
            throw new AssertionError(e.getMessage() + "\n" + text, e);
        }
    }

    @Test
    void tunnelsSurviveTheRoundTrip() {
        qt().withExamples(300).forAll(TunnelGenerators.tunnels()).checkAssert(t -> {
            StrongSwanImport in = roundTrip(List.of(t), List.of());
            assertThat(in.singleTunnels()).containsExactly(t);
            assertThat(SwanctlWriter.connections(in.singleTunnels(), List.of(), SwanctlOptions.defaults()))
                    .isEqualTo(SwanctlWriter.connections(List.of(t), List.of(), SwanctlOptions.defaults()));
        });
    }

    @Test
    void redundantPairsSurviveTheRoundTrip() {
        qt().withExamples(150).forAll(TunnelGenerators.redundantPairs(), TunnelGenerators.policyBasedTunnels())
                .checkAssert((p, t) -> {
                    StrongSwanImport in = roundTrip(List.of(t.name().startsWith("vti") ? t : t), List.of(p));
                    assertThat(in.redundantPairs()).containsExactly(p);
                    assertThat(in.singleTunnels()).containsExactly(t);
                });
    }

    @Test
    void connectionsNeverContainTheKey() {
        qt().withExamples(100).forAll(TunnelGenerators.tunnels()).checkAssert(t ->
                assertThat(SwanctlWriter.connections(t)).doesNotContain(t.phaseOne().sharedSecret().reveal()));
    }
}
