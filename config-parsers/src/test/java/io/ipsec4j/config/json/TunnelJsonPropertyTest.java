package io.ipsec4j.config.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.fixtures.TunnelGenerators;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model → JSON → model is the identity; writing what was read gives the same text. */
class TunnelJsonPropertyTest {
    private static TunnelDocument roundTrip(TunnelDocument doc) {
        try {
            return TunnelJson.read(TunnelJson.write(doc, SecretOutput.REVEAL));
        } catch (ConfigParseException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void tunnelsSurviveTheRoundTrip() {
        qt().withExamples(300).forAll(TunnelGenerators.tunnels()).checkAssert(t -> {
            TunnelDocument doc = TunnelDocument.of(t);
            TunnelDocument back = roundTrip(doc);
            assertThat(back).isEqualTo(doc);
            assertThat(TunnelJson.write(back, SecretOutput.REVEAL)).isEqualTo(TunnelJson.write(doc, SecretOutput.REVEAL));
        });
    }

    @Test
    void redundantPairsSurviveTheRoundTrip() {
        qt().withExamples(150).forAll(TunnelGenerators.redundantPairs(), TunnelGenerators.tunnels()).checkAssert((p, t) -> {
            TunnelDocument doc = new TunnelDocument(List.of(t), List.of(p));
            assertThat(roundTrip(doc)).isEqualTo(doc);
        });
    }

    @Test
    void redactedOutputNeverContainsTheKey() {
        qt().withExamples(100).forAll(TunnelGenerators.redundantPairs()).checkAssert((RedundantTunnels p) -> {
            String json = TunnelJson.write(p, SecretOutput.REDACT);
            for (Tunnel t : p.tunnels()) {
                assertThat(json).doesNotContain(t.phaseOne().sharedSecret().reveal());
            }
        });
    }
}
