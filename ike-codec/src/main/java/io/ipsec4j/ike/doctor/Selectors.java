package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;
import static io.ipsec4j.ike.doctor.Configured.join;

import io.ipsec4j.ike.v2.IkeTsPayload;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import java.util.Optional;

/** TS_UNACCEPTABLE: the offered selectors against the configured subnets, subnet by subnet (RFC 7296 §2.9). */
final class Selectors {
    private Selectors() {}

    static void unacceptable(Observed request, Optional<Tunnel> responder, String exchange, List<Finding> out) {
        List<TrafficSelector> tsi = selectors(request, true);
        List<TrafficSelector> tsr = selectors(request, false);
        if (responder.isEmpty()) {
            out.add(finding("TS_UNACCEPTABLE", Severity.ERROR, Phase.PHASE_2, "phaseTwo", null,
                    "TSi " + join(tsi) + "; TSr " + join(tsr), "the responder refused the traffic selectors offered in "
                            + exchange + " (TS_UNACCEPTABLE); give the responder's tunnel to compare them subnet by subnet."));
            return;
        }
        // The initiator's TSi are the responder's remote subnets, its TSr the responder's local subnets.
        compare("TS_UNACCEPTABLE", tsi, responder.get().phaseTwo().remoteSubnets(), "phaseTwo.remoteSubnets", "TSi",
                exchange, out);
        compare("TS_UNACCEPTABLE", tsr, responder.get().phaseTwo().localSubnets(), "phaseTwo.localSubnets", "TSr",
                exchange, out);
    }

    /**
     * Adds a {@code code} finding when some of the {@code offered} selectors ({@code which}: TSi,
     * IDci, ...) lie outside every {@code configured} subnet; true if it did.
     */
    static boolean compare(String code, List<TrafficSelector> offered, List<TrafficSelector> configured, String path,
            String which, String exchange, List<Finding> out) {
        List<TrafficSelector> outside = offered.stream().filter(o -> configured.stream().noneMatch(c -> c.covers(o)))
                .toList();
        if (!outside.isEmpty()) {
            out.add(finding(code, Severity.ERROR, Phase.PHASE_2, path, join(configured), join(offered),
                    "the responder refused the selectors of " + exchange + " (" + code + "): " + which + " "
                            + join(outside) + " is not within the configured " + join(configured) + "."));
        }
        return !outside.isEmpty();
    }

    private static List<TrafficSelector> selectors(Observed request, boolean initiator) {
        if (request == null) {
            return List.of();
        }
        return request.payloads(IkeTsPayload.class).stream().filter(t -> t.initiator() == initiator)
                .flatMap(t -> t.toTrafficSelectors().selectors().stream()).toList();
    }
}
