package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;

import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import java.util.Collection;
import java.util.List;

/**
 * Requests that got no answer: what the rest of the capture says about why (nothing at all from the
 * peer; an answer on the other port; a request too large for one IP packet; a dead peer on DPD).
 */
final class Silence {
    /** An IPv4 datagram above this (1500-byte MTU less IP and UDP headers) leaves as IP fragments. */
    static final int UNFRAGMENTED_IKE_BYTES = 1500 - 20 - 8 - 4;

    private Silence() {}

    static void unanswered(SaTrace sa, Exchange e, Collection<SaTrace> all, List<Finding> out) {
        Observed req = e.requests.get(e.requests.size() - 1);
        UdpDatagram d = req.datagram();
        String peer = d.destination().getHostAddress();
        int copies = e.copies();
        String sent = copies + " cop" + (copies == 1 ? "y" : "ies") + " of " + e.type + " #" + e.messageId + " to "
                + d.endpoints().substring(d.endpoints().indexOf("-> ") + 3);
        boolean anythingBack = all.stream().flatMap(s -> s.messages.stream())
                .anyMatch(m -> m.datagram().source().getHostAddress().equals(peer));
        switch (e.type) {
            case "IKE_SA_INIT" -> {
                boolean answeredOn4500 = all.stream().flatMap(s -> s.exchanges("IKE_SA_INIT").stream())
                        .flatMap(x -> x.response().stream()).map(Observed::datagram)
                        .anyMatch(r -> r.sourcePort() == UdpDatagram.NAT_T_PORT && r.source().getHostAddress().equals(peer));
                if (answeredOn4500 && d.destinationPort() == UdpDatagram.IKE_PORT) {
                    out.add(finding("RESPONDER_ON_4500_ONLY", Severity.WARNING, Phase.PHASE_1, "phaseOne.remotePublicIp",
                            null, d.endpoints(), sent + " got no answer, while IKE_SA_INIT on port 4500 was answered: the"
                                    + " responder (or a filter before it) answers on UDP 4500 only; start IKE on port 4500."));
                } else if (!anythingBack) {
                    out.add(finding("PEER_UNREACHABLE", Severity.ERROR, Phase.PHASE_1, "phaseOne.remotePublicIp", null,
                            d.endpoints(), sent + " got no answer and nothing at all came back from " + peer
                                    + ": the peer is unreachable, runs no IKE, or UDP " + d.destinationPort() + " is filtered."));
                }
            }
            case "IKE_AUTH" -> {
                // a capture may hold a response without its request: request() is then empty
                boolean initOn500 = sa.exchanges("IKE_SA_INIT").stream().filter(Exchange::answered)
                        .flatMap(x -> x.request().stream())
                        .anyMatch(r -> r.datagram().destinationPort() == UdpDatagram.IKE_PORT);
                if (req.size() > UNFRAGMENTED_IKE_BYTES && !V2Rules.fragmented(req)) {
                    out.add(finding("IKE_AUTH_LOST_LARGE", Severity.ERROR, Phase.PHASE_1, "phaseOne", null,
                            req.size() + " bytes", sent + " got no answer although IKE_SA_INIT was answered; at "
                                    + req.size() + " bytes the request leaves as IP fragments and IKE fragmentation (RFC 7383)"
                                    + " was not used: fragments are most likely dropped on the path. Enable IKE fragmentation."));
                } else if (initOn500 && d.destinationPort() == UdpDatagram.NAT_T_PORT) {
                    out.add(finding("UDP_4500_BLOCKED", Severity.ERROR, Phase.PHASE_1, "phaseOne", null, d.endpoints(),
                            sent + " got no answer although IKE_SA_INIT on port 500 was answered: UDP 4500 is filtered"
                                    + " on the path (NAT-T moved IKE there)."));
                } else {
                    out.add(finding("IKE_AUTH_UNANSWERED", Severity.ERROR, Phase.PHASE_1, "phaseOne", null, req.size()
                            + " bytes", sent + " got no answer although IKE_SA_INIT was answered and the request fits one"
                                    + " packet: the responder dropped it (an IKE_AUTH it could not process, or a filter)."));
                }
            }
            case "INFORMATIONAL" -> {
                if (copies > 1) {
                    boolean empty = req.decrypted() && req.inner().isEmpty();
                    out.add(finding("DPD_FAILED", Severity.ERROR, Phase.NONE, "phaseTwo.dpd", null, sent,
                            sent + " got no answer: " + (empty ? "dead peer detection" : "the INFORMATIONAL request (DPD"
                                    + " or a notify)") + " failed and the peer is considered dead; its SAs are deleted."));
                }
            }
            default -> {
                if (copies > 1) {
                    out.add(finding(e.type + "_UNANSWERED", Severity.ERROR, Phase.PHASE_2, "phaseTwo", null, sent,
                            sent + " got no answer."));
                }
            }
        }
    }
}
