package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;
import static io.ipsec4j.ike.doctor.Configured.join;

import io.ipsec4j.ike.v2.IkeDeletePayload;
import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeNatDetection;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeSkfPayload;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The IKEv2 findings of one SA: failed exchanges by their error notify, silence, NAT, deletes, rekeys. */
final class V2Rules {
    private V2Rules() {}

    static IkeSaSummary apply(IkeDoctor doctor, SaTrace sa, Collection<SaTrace> all, List<Finding> out) {
        String progress = "no request seen";
        for (Exchange e : sa.exchanges) {
            Optional<IkeNotifyPayload> error = e.response().flatMap(Observed::error);
            switch (e.type) {
                case "IKE_SA_INIT" -> {
                    progress = "IKE_SA_INIT " + e.outcome();
                    error.ifPresent(n -> initFailed(doctor, sa, e, n, all, out));
                    nat(e, out);
                }
                case "IKE_AUTH" -> {
                    progress = "IKE_AUTH " + e.outcome();
                    error.ifPresent(n -> childOrAuthFailed(doctor, sa, e, n, false, out));
                    if (e.answered() && error.isEmpty() && e.response().get().decrypted()) {
                        progress = "IKE_AUTH done, IKE SA and first CHILD_SA up";
                    }
                }
                case "CREATE_CHILD_SA" -> {
                    boolean rekey = e.request().map(r -> r.notify(IkeNotifyType.REKEY_SA).isPresent()).orElse(false);
                    progress = "CREATE_CHILD_SA" + (rekey ? " (rekey) " : " ") + e.outcome();
                    error.ifPresent(n -> childOrAuthFailed(doctor, sa, e, n, rekey, out));
                }
                case "INFORMATIONAL" -> informational(e, out);
                default -> { }
            }
            if (!e.answered() && !e.requests.isEmpty()) {
                Silence.unanswered(sa, e, all, out);
            }
        }
        List<String> lines = sa.exchanges.stream().map(Exchange::toString).collect(Collectors.toList());
        if (sa.dropped > 0) {
            lines.add(sa.dropped + " more message(s) not analysed (limit " + SaTrace.MAX_MESSAGES + " per SA)");
        }
        return new IkeSaSummary(2, sa.initiator, sa.responder, sa.initiatorSpi, sa.responderSpi, progress, lines,
                sa.messages.size() + sa.dropped, sa.retransmissions);
    }

    private static void initFailed(IkeDoctor doctor, SaTrace sa, Exchange e, IkeNotifyPayload n,
            Collection<SaTrace> all, List<Finding> out) {
        Observed request = e.request().orElse(null);
        if (n.notifyType().equals(IkeNotifyType.NO_PROPOSAL_CHOSEN)) {
            List<IkeProposal> offered = request == null ? List.of() : request.payload(IkeSaPayload.class)
                    .map(p -> p.proposals().stream().map(IkeSaProposals::toIkeProposal).flatMap(Optional::stream)
                            .toList()).orElse(List.of());
            Optional<Tunnel> t = doctor.tunnel;
            String overlap = t.flatMap(x -> Configured.ikeOverlap(x, offered)).map(d -> " Against the configured tunnel: " + d + ".")
                    .orElse(t.isPresent() ? " The configured tunnel would accept the offer: the responder's own configuration differs from it." : "");
            out.add(finding("NO_PROPOSAL_CHOSEN", Severity.ERROR, Phase.PHASE_1, "phaseOne.proposals",
                    t.map(x -> join(x.phaseOne().proposals())).orElse(null), join(offered),
                    "the responder accepted none of the IKE proposals offered in IKE_SA_INIT." + overlap));
        } else if (n.notifyType().equals(IkeNotifyType.INVALID_KE_PAYLOAD)) {
            String asked = n.data().length() == 2 ? n.acceptedKeyExchange().name() : "?";
            String sent = request == null ? "?" : request.payload(IkeKePayload.class).map(k -> k.method().name()).orElse("none");
            boolean retried = all.stream().flatMap(s -> s.exchanges("IKE_SA_INIT").stream())
                    .filter(x -> x.request().isPresent() && x.request().get().datagram().frame() > e.responses.get(0).datagram().frame())
                    .anyMatch(x -> x.request().get().payload(IkeKePayload.class).map(k -> k.method().name().equals(asked)).orElse(false));
            out.add(retried
                    ? finding("INVALID_KE_PAYLOAD", Severity.WARNING, Phase.NONE, "phaseOne.proposals[0].keyExchange", asked,
                            sent, "the responder asked for " + asked + " instead of the " + sent
                                    + " key exchange sent, and the initiator retried with it: one extra round trip per IKE SA")
                    : finding("INVALID_KE_PAYLOAD", Severity.ERROR, Phase.PHASE_1, "phaseOne.proposals[0].keyExchange", asked,
                            sent, "the responder asked for " + asked + " instead of the " + sent
                                    + " key exchange sent, and no retry with " + asked + " followed: the initiator does not offer that group"));
        } else if (!n.notifyType().equals(IkeNotifyType.COOKIE)) {
            out.add(finding(n.notifyType().name(), Severity.ERROR, Phase.PHASE_1, "phaseOne", null, n.notifyType().name(),
                    "the responder refused IKE_SA_INIT with " + n.notifyType().name() + "."));
        }
    }

    /** NAT_DETECTION_*_IP hashes that do not match the captured addresses (RFC 7296 §2.23), once per SA. */
    private static void nat(Exchange e, List<Finding> out) {
        if (e.request().isEmpty() || e.response().isEmpty()) {
            return;
        }
        List<String> translated = new java.util.ArrayList<>();
        for (Observed o : List.of(e.request().get(), e.response().get())) {
            var d = o.datagram();
            IkeNatDetection.check(o.v2(), new InetSocketAddress(d.source(), d.sourcePort()),
                    new InetSocketAddress(d.destination(), d.destinationPort())).filter(r -> r.peerBehindNat())
                    .ifPresent(r -> translated.add((o.fromInitiator() ? "initiator " : "responder ") + d.endpoints()
                            .substring(0, d.endpoints().indexOf(" ->"))));
        }
        if (!translated.isEmpty()) {
            out.add(finding("NAT_DETECTED", Severity.INFO, Phase.NONE, "phaseOne.remotePublicIp", null,
                    String.join(", ", translated), "NAT detected in IKE_SA_INIT: the NAT_DETECTION_SOURCE_IP hash of the "
                            + String.join(" and the ", translated.stream().map(t -> t.substring(0, t.indexOf(' '))).toList())
                            + " does not match its captured address and port (translated on the way, or NAT-T forced),"
                            + " so IKE moves to UDP 4500 and ESP is UDP-encapsulated (RFC 7296 §2.23)."));
        }
    }

    private static void childOrAuthFailed(IkeDoctor doctor, SaTrace sa, Exchange e, IkeNotifyPayload n, boolean rekey,
            List<Finding> out) {
        Observed request = e.request().orElse(null);
        String code = n.notifyType().name();
        Optional<Tunnel> responder = Configured.responderSide(doctor.tunnel, sa);
        if (n.notifyType().equals(IkeNotifyType.AUTHENTICATION_FAILED)) {
            Auth.failed(doctor, sa, request, out);
        } else if (rekey && (n.notifyType().equals(IkeNotifyType.NO_PROPOSAL_CHOSEN)
                || n.notifyType().equals(IkeNotifyType.INVALID_KE_PAYLOAD))) {
            String sent = request == null ? "none" : request.payload(IkeKePayload.class).map(k -> k.method().name()).orElse("none (no PFS)");
            out.add(finding("PFS_MISMATCH", Severity.ERROR, Phase.PHASE_2_REKEY, "phaseTwo.proposals.pfsGroups",
                    doctor.tunnel.map(t -> join(t.phaseTwo().proposals())).orElse(null), sent,
                    "the CHILD_SA came up inside IKE_AUTH without a key exchange, but its rekey with KE " + sent
                            + " was refused with " + code + ": the PFS groups differ, and traffic stops when the CHILD_SA expires."));
        } else if (n.notifyType().equals(IkeNotifyType.NO_PROPOSAL_CHOSEN)) {
            List<EspProposal> offered = request == null ? List.of() : request.payload(IkeSaPayload.class)
                    .map(p -> p.proposals().stream().map(IkeSaProposals::toEspProposal).flatMap(Optional::stream).toList())
                    .orElse(List.of());
            String overlap = doctor.tunnel.flatMap(t -> Configured.espOverlap(t, offered))
                    .map(d -> " Against the configured tunnel: " + d + ".").orElse("");
            out.add(finding("NO_PROPOSAL_CHOSEN", Severity.ERROR, Phase.PHASE_2, "phaseTwo.proposals",
                    doctor.tunnel.map(t -> join(t.phaseTwo().proposals())).orElse(null), join(offered),
                    "the IKE SA is up, but the responder accepted none of the ESP proposals offered in " + e.type
                            + "; no CHILD_SA, no traffic." + overlap));
        } else if (n.notifyType().equals(IkeNotifyType.TS_UNACCEPTABLE)) {
            Selectors.unacceptable(request, responder, e.type, out);
        } else {
            out.add(finding(code, Severity.ERROR, e.type.equals("IKE_AUTH") ? Phase.PHASE_1 : Phase.PHASE_2, "phaseTwo",
                    null, code, e.type + " was refused with " + code + "."));
        }
    }

    private static void informational(Exchange e, List<Finding> out) {
        for (Observed o : e.requests.stream().filter(r -> !r.retransmission()).toList()) {
            for (IkeDeletePayload del : o.payloads(IkeDeletePayload.class)) {
                String what = del.spis().isEmpty() ? "the IKE SA" : del.protocol().name() + " SA(s) "
                        + del.spis().stream().map(b -> b.toHex()).collect(Collectors.joining(", "));
                String notifies = o.payloads(IkeNotifyPayload.class).stream().map(x -> x.notifyType().name())
                        .collect(Collectors.joining(", "));
                out.add(finding("DELETE", Severity.INFO, Phase.NONE, "phaseTwo", null, what, "the "
                        + (o.fromInitiator() ? "initiator" : "responder") + " deleted " + what
                        + (notifies.isEmpty() ? "." : ", with notify " + notifies + ".")));
            }
            o.error().ifPresent(n -> out.add(finding(n.notifyType().name(), Severity.ERROR, Phase.PHASE_1, "phaseOne",
                    null, n.notifyType().name(), "the " + (o.fromInitiator() ? "initiator" : "responder")
                            + " sent " + n.notifyType().name() + " in an INFORMATIONAL exchange"
                            + (n.notifyType().equals(IkeNotifyType.AUTHENTICATION_FAILED)
                                    ? ": it could not authenticate its peer's IKE_AUTH response." : "."))));
        }
    }

    /** True when the request was sent as SKF fragments (RFC 7383). */
    static boolean fragmented(Observed o) {
        return o.v2() != null && o.v2().payload(IkeSkfPayload.class).isPresent();
    }
}
