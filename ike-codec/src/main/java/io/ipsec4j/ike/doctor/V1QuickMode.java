package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;
import static io.ipsec4j.ike.doctor.Configured.join;

import io.ipsec4j.ike.v1.IkeV1DeletePayload;
import io.ipsec4j.ike.v1.IkeV1ExchangeType;
import io.ipsec4j.ike.v1.IkeV1IdPayload;
import io.ipsec4j.ike.v1.IkeV1Identities;
import io.ipsec4j.ike.v1.IkeV1KePayload;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1NotifyType;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1SaProposals;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The IKEv1 Quick Mode findings of one SA, from the messages the IKEv1 key table decrypted: an
 * encrypted NO-PROPOSAL-CHOSEN after a Quick Mode offer (the ESP proposals compared with the tunnel
 * by the model's Compatibility, per transform type, PFS groups included as IKEv1 negotiates them in
 * every Quick Mode), INVALID-ID-INFORMATION (the IDci/IDcr selectors against the configured subnets,
 * subnet by subnet), other encrypted error notifications, and deletes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5.5">RFC 2409 §5.5</a> (Quick Mode)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.2">RFC 2407 §4.6.2</a> (IDci/IDcr)
 */
final class V1QuickMode {
    private V1QuickMode() {}

    static void apply(IkeDoctor doctor, SaTrace sa, List<Finding> out) {
        for (Observed o : sa.messages) {
            if (o.retransmission() || !o.decrypted()
                    || !o.v1().header().exchangeType().equals(IkeV1ExchangeType.INFORMATIONAL)) {
                continue;
            }
            String who = o.fromInitiator() ? "initiator" : "responder";
            for (IkeV1NotificationPayload n : o.v1().payloads(IkeV1NotificationPayload.class)) {
                if (!n.notifyType().isError()) {
                    continue;
                }
                Optional<Observed> offer = offer(sa, o);
                if (offer.isEmpty()) {
                    continue; // a phase 1 refusal: V1Rules reads it with message 5
                }
                Optional<Tunnel> responder = offer.get().fromInitiator() ? Configured.responderSide(doctor.tunnel, sa)
                        : Configured.initiatorSide(doctor.tunnel, sa);
                if (n.notifyType().equals(IkeV1NotifyType.NO_PROPOSAL_CHOSEN)) {
                    proposals(doctor, offer.get(), out);
                } else if (!n.notifyType().equals(IkeV1NotifyType.INVALID_ID_INFORMATION)
                        || !selectors(offer.get(), responder, out)) {
                    out.add(finding(n.notifyType().name(), Severity.ERROR, Phase.PHASE_2, "phaseTwo", null,
                            n.notifyType().name(), "the " + who + " refused Quick Mode with the encrypted notification "
                                    + n.notifyType().name() + "."));
                }
            }
            for (IkeV1DeletePayload del : o.v1().payloads(IkeV1DeletePayload.class)) {
                String what = (del.protocolId() == 1 ? "the ISAKMP SA" : (del.protocolId() == 2 ? "AH"
                        : del.protocolId() == 3 ? "ESP" : "protocol " + del.protocolId()) + " SA(s)")
                        + (del.spis().isEmpty() ? "" : " " + del.spis().stream().map(b -> HexFormat.of()
                                .formatHex(b.toByteArray())).collect(Collectors.joining(", ")));
                out.add(finding("DELETE", Severity.INFO, Phase.NONE, "phaseTwo", null, what, "the " + who + " deleted "
                        + what + " (encrypted informational)."));
            }
        }
    }

    /** The last Quick Mode offer (a message with an SA payload) the other side sent before {@code notify}. */
    private static Optional<Observed> offer(SaTrace sa, Observed notify) {
        Observed last = null;
        for (Observed m : sa.messages) {
            if (m.datagram().frame() > notify.datagram().frame()) {
                break;
            }
            if (m.decrypted() && m.fromInitiator() != notify.fromInitiator()
                    && m.v1().header().exchangeType().equals(IkeV1ExchangeType.QUICK_MODE)
                    && m.v1().payload(IkeV1SaPayload.class).isPresent()) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    private static void proposals(IkeDoctor doctor, Observed offer, List<Finding> out) {
        List<EspProposal> offered = offer.v1().payload(IkeV1SaPayload.class).map(p -> p.proposals().stream()
                .map(IkeV1SaProposals::toEspProposal).flatMap(Optional::stream).toList()).orElse(List.of());
        String ke = offer.v1().payload(IkeV1KePayload.class).isPresent() ? "with a KE payload (PFS)" : "without PFS";
        String configured = doctor.tunnel.map(t -> join(t.phaseTwo().proposals())).orElse(null);
        Optional<Finding> compared;
        try {
            compared = doctor.tunnel.flatMap(t -> Configured.espMismatch(t, offered));
        } catch (IllegalArgumentException invalid) { // ModelValidationException: an offer the tunnel's rules refuse
            out.add(finding("NO_PROPOSAL_CHOSEN", Severity.ERROR, Phase.PHASE_2, "phaseTwo.proposals", configured,
                    join(offered), "the responder accepted none of the ESP proposals offered in Quick Mode; the offer is"
                            + " not valid for the configured tunnel (" + invalid.getMessage() + ")."));
            return;
        }
        if (compared.isPresent() && compared.get().code().equals("PFS_MISMATCH")) {
            Finding f = compared.get();
            out.add(finding("PFS_MISMATCH", Severity.ERROR, Phase.PHASE_2, "phaseTwo.proposals.pfsGroups",
                    f.localValue().orElse(null), f.remoteValue().orElse(null), "the responder refused Quick Mode with"
                            + " NO_PROPOSAL_CHOSEN: the ESP transforms offered " + ke + " match the configured ones but the"
                            + " PFS groups do not (configured: " + f.localValue().orElse("?") + "; offered: "
                            + f.remoteValue().orElse("?") + "); IKEv1 negotiates PFS in every Quick Mode."));
            return;
        }
        String overlap = compared.flatMap(f -> Configured.detail(List.of(f), "ESP_PROPOSAL_MISMATCH"))
                .map(d -> " Against the configured tunnel: " + d + ".")
                .orElse(doctor.tunnel.isPresent() ? " The configured tunnel would accept the offer: the responder's own"
                        + " configuration differs from it." : "");
        out.add(finding("NO_PROPOSAL_CHOSEN", Severity.ERROR, Phase.PHASE_2, "phaseTwo.proposals", configured,
                join(offered), "the ISAKMP SA is up, but the responder accepted none of the ESP proposals offered in"
                        + " Quick Mode (" + ke + "); no IPsec SA, no traffic." + overlap));
    }

    /** INVALID-ID-INFORMATION: IDci/IDcr against the subnets of the Quick Mode responder's tunnel. */
    private static boolean selectors(Observed offer, Optional<Tunnel> responder, List<Finding> out) {
        List<IkeV1IdPayload> ids = offer.v1().payloads(IkeV1IdPayload.class);
        List<TrafficSelector> ci = ids.size() < 2 ? List.of() : IkeV1Identities.toTrafficSelector(ids.get(0)).stream().toList();
        List<TrafficSelector> cr = ids.size() < 2 ? List.of() : IkeV1Identities.toTrafficSelector(ids.get(1)).stream().toList();
        if (responder.isEmpty() || ci.isEmpty() || cr.isEmpty()) {
            out.add(finding("INVALID_ID_INFORMATION", Severity.ERROR, Phase.PHASE_2, "phaseTwo", null,
                    ids.size() < 2 ? "no IDci/IDcr (the phase 1 addresses)" : "IDci " + join(ci) + "; IDcr " + join(cr),
                    "the responder refused the Quick Mode selectors (INVALID_ID_INFORMATION)" + (responder.isEmpty()
                            ? "; give the responder's tunnel to compare them subnet by subnet." : ".")));
            return true;
        }
        // The Quick Mode initiator's IDci are the responder's remote subnets, its IDcr the responder's local ones.
        boolean found = Selectors.compare("INVALID_ID_INFORMATION", ci, responder.get().phaseTwo().remoteSubnets(),
                "phaseTwo.remoteSubnets", "IDci", "Quick Mode", out);
        found |= Selectors.compare("INVALID_ID_INFORMATION", cr, responder.get().phaseTwo().localSubnets(),
                "phaseTwo.localSubnets", "IDcr", "Quick Mode", out);
        return found;
    }
}
