package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** ESP seen in one direction only between two hosts (RFC 4303): the other end does not send, or it is lost. */
final class TrafficRules {
    private TrafficRules() {}

    static void apply(Collection<SaTrace> sas, EspFlows esp, List<Finding> out) {
        Set<List<String>> pairs = esp.counts.keySet().stream().map(f -> List.of(f.source(), f.destination()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        for (List<String> p : pairs) {
            if (!esp.anyFrom(p.get(1), p.get(0))) {
                int packets = esp.counts.entrySet().stream().filter(e -> e.getKey().source().equals(p.get(0))
                        && e.getKey().destination().equals(p.get(1))).mapToInt(e -> e.getValue()).sum();
                String spis = esp.counts.keySet().stream().filter(f -> f.source().equals(p.get(0))
                        && f.destination().equals(p.get(1))).map(f -> String.format("%08x", f.spi()))
                        .collect(Collectors.joining(", "));
                out.add(finding("ESP_ONE_WAY", Severity.ERROR, Phase.PHASE_2, "phaseTwo", null, p.get(0) + " -> " + p.get(1),
                        packets + " ESP packet(s) (SPI " + spis + ") went from " + p.get(0) + " to " + p.get(1)
                                + " and none came back: the far end does not route the return traffic into the tunnel,"
                                + " drops it (selectors, firewall), or its ESP is lost on the way."));
            }
        }
    }
}
