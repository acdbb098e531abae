package io.ipsec4j.ike.doctor;

import static io.ipsec4j.ike.doctor.Configured.finding;
import static io.ipsec4j.ike.doctor.Configured.join;

import io.ipsec4j.ike.v1.IkeV1ExchangeType;
import io.ipsec4j.ike.v1.IkeV1IdPayload;
import io.ipsec4j.ike.v1.IkeV1Identities;
import io.ipsec4j.ike.v1.IkeV1NotificationPayload;
import io.ipsec4j.ike.v1.IkeV1NotifyType;
import io.ipsec4j.ike.v1.IkeV1SaPayload;
import io.ipsec4j.ike.v1.IkeV1SaProposals;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The IKEv1 phase 1 findings of one SA: Main Mode messages 1–4 and Aggressive Mode's SA/KE,
 * unencrypted notifications, and which message went unanswered. Main Mode 5/6, Quick Mode and most
 * informationals are encrypted: with the IKEv1 key table they arrive here decrypted
 * ({@link Observed#decrypted()}), which names the ID sent in message 5 and tells a PSK mismatch
 * (the responder's answer does not open with the key that opened message 5) from an ID mismatch;
 * {@link V1QuickMode} reads the decrypted Quick Mode and informational messages.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a> (Main and Aggressive Mode)
 */
final class V1Rules {
    private V1Rules() {}

    static IkeSaSummary apply(IkeDoctor doctor, SaTrace sa, List<Finding> out) {
        List<Observed> mm = distinct(sa, IkeV1ExchangeType.IDENTITY_PROTECTION);
        List<Observed> am = distinct(sa, IkeV1ExchangeType.AGGRESSIVE);
        Map<Long, Integer> quick = new LinkedHashMap<>();
        distinct(sa, IkeV1ExchangeType.QUICK_MODE).forEach(o -> quick.merge(o.messageId(), 1, Integer::sum));
        String progress = !am.isEmpty() ? "Aggressive Mode " + Math.min(am.size(), 3) + "/3"
                : "Main Mode " + Math.min(mm.size(), 6) + "/6";
        if (!quick.isEmpty()) {
            progress += ", Quick Mode " + quick.values().stream().map(n -> Math.min(n, 3) + "/3")
                    .collect(Collectors.joining(", "));
        }
        notifications(doctor, sa, out);
        V1QuickMode.apply(doctor, sa, out);
        List<Observed> phase1 = am.isEmpty() ? mm : am;
        int total = am.isEmpty() ? 6 : 3;
        if (!phase1.isEmpty() && phase1.size() < total && phase1.get(phase1.size() - 1).fromInitiator()) {
            Observed last = phase1.get(phase1.size() - 1);
            int number = phase1.size();
            byte[] lastBytes = last.datagram().ikeMessage();
            long copies = sa.messages.stream().filter(m -> m.fromInitiator() && m.size() == last.size()
                    && java.util.Arrays.equals(m.datagram().ikeMessage(), lastBytes)).count();
            boolean anyAnswer = sa.messages.stream().anyMatch(m -> !m.fromInitiator());
            if (number == 1 && !anyAnswer) {
                out.add(finding("PEER_UNREACHABLE", Severity.ERROR, Phase.PHASE_1, "phaseOne.remotePublicIp", null,
                        sa.responder, copies + " cop(ies) of the first IKEv1 message got no answer: the peer is unreachable,"
                                + " runs no IKEv1, or UDP 500 is filtered."));
            } else if (am.isEmpty() && number == 5) {
                messageFive(doctor, sa, last, copies, out);
            } else if (number > 1) {
                out.add(finding("IKEV1_NO_ANSWER", Severity.ERROR, Phase.PHASE_1, "phaseOne", null,
                        "message " + number, (am.isEmpty() ? "Main Mode" : "Aggressive Mode") + " stopped after message "
                                + number + " (" + copies + " cop(ies)): the responder did not answer it."));
            }
        }
        List<String> lines = sa.exchanges.stream().map(Exchange::toString).collect(Collectors.toList());
        return new IkeSaSummary(1, sa.initiator, sa.responder, sa.initiatorSpi, sa.responderSpi, progress, lines,
                sa.messages.size() + sa.dropped, sa.retransmissions);
    }

    /**
     * Main Mode stopped after message 5. The responder's encrypted notifications tell the two causes
     * apart: when the initiator keeps retransmitting message 5 after one, it could not decrypt it, so
     * the ends derived different keys: the pre-shared keys differ. When it stops after the first, it
     * read it with the same keys, so the PSK matches and the responder refused the identity.
     */
    private static void messageFive(IkeDoctor doctor, SaTrace sa, Observed five, long copies, List<Finding> out) {
        List<Observed> notifies = sa.messages.stream().filter(m -> !m.fromInitiator() && m.encryptedV1()
                && m.v1().header().exchangeType().equals(IkeV1ExchangeType.INFORMATIONAL)
                && m.datagram().frame() > five.datagram().frame()).toList();
        Optional<io.ipsec4j.model.Tunnel> responder = Configured.responderSide(doctor.tunnel, sa);
        if (keyed(sa, five, notifies, responder, copies, out)) {
            return;
        }
        if (notifies.isEmpty()) {
            out.add(finding("IKEV1_NO_ANSWER_AFTER_MESSAGE_5", Severity.ERROR, Phase.PHASE_1, "phaseOne.sharedSecret",
                    null, copies + " cop(ies) of message 5", "Main Mode stopped after message 5 (" + copies
                            + " cop(ies), no message 6, no notification): the responder could not verify it, a pre-shared"
                            + " key mismatch or an ID it has no configuration for. Message 5 is encrypted: an IKEv1"
                            + " decryptor with the PSK tells which."));
            return;
        }
        long firstNotify = notifies.get(0).datagram().frame();
        boolean retransmittedAfter = sa.messages.stream().anyMatch(m -> m.fromInitiator() && m.retransmission()
                && m.v1().header().exchangeType().equals(IkeV1ExchangeType.IDENTITY_PROTECTION)
                && m.datagram().frame() > firstNotify);
        if (retransmittedAfter) {
            out.add(finding("PSK_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.sharedSecret", null,
                    copies + " cop(ies) of message 5, " + notifies.size() + " encrypted notification(s)",
                    "Main Mode stopped after message 5: the responder answered each copy with an encrypted notification"
                            + " (" + notifies.size() + ") and the initiator kept retransmitting, so it could not decrypt"
                            + " them: the two ends derived different keys, the pre-shared keys differ."));
        } else {
            out.add(finding("ID_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.remoteId",
                    responder.map(t -> t.phaseOne().effectiveRemoteId().value()).orElse(null), "encrypted in message 5",
                    "Main Mode stopped after message 5: the responder sent one encrypted notification and the initiator"
                            + " accepted it and stopped, so both derived the same keys and the PSK matches: the responder"
                            + " refused the initiator's identity" + responder.map(t -> " (it expects "
                                    + t.phaseOne().effectiveRemoteId().value() + ")").orElse("")
                            + ". Message 5 is encrypted: an IKEv1 decryptor shows the ID sent."));
        }
    }

    /**
     * Message 5 and the responder's answer read with the key table's key: when one of them opens and
     * the other does not, the two ends derived different keys from different pre-shared keys; when
     * both open, the keys agree and the ID message 5 carries is compared with the configured one.
     * False when the key table had no key for the SA (nothing decided).
     */
    private static boolean keyed(SaTrace sa, Observed five, List<Observed> notifies,
            Optional<io.ipsec4j.model.Tunnel> responder, long copies, List<Finding> out) {
        Observed opened = sa.messages.stream().filter(m -> m.fromInitiator() && m.decrypted() && m.messageId() == 0
                && m.v1().header().exchangeType().equals(IkeV1ExchangeType.IDENTITY_PROTECTION)).findFirst().orElse(null);
        if (five.v1Outcome() == null || opened == null && !five.v1KeyFailed()) {
            return false;
        }
        String sent = opened == null ? null : opened.v1().payload(IkeV1IdPayload.class).map(V1Rules::idText).orElse(null);
        boolean answerFailed = notifies.stream().anyMatch(Observed::v1KeyFailed);
        boolean answerOpened = notifies.stream().anyMatch(Observed::decrypted);
        if (opened != null && answerFailed || opened == null && answerOpened) {
            out.add(finding("PSK_MISMATCH", Severity.ERROR, Phase.PHASE_1, "phaseOne.sharedSecret", null,
                    copies + " cop(ies) of message 5" + (sent == null ? "" : " (ID " + sent + ")"),
                    "Main Mode stopped after message 5: " + (opened != null ? "message 5 opens with the key table's key"
                            + " but the responder's encrypted notification does not" : "the responder's notification opens"
                            + " with the key table's key but message 5 does not") + ", so the two ends derived different"
                            + " keys: the pre-shared keys differ."));
            return true;
        }
        if (opened == null || !answerOpened || sent == null) {
            return false;
        }
        String notified = notifies.stream().filter(Observed::decrypted).flatMap(m -> m.v1()
                .payloads(IkeV1NotificationPayload.class).stream()).map(n -> n.notifyType().name()).distinct()
                .collect(Collectors.joining(", "));
        String expected = responder.map(t -> t.phaseOne().effectiveRemoteId().value()).orElse(null);
        boolean differs = expected == null || !sent.equalsIgnoreCase(expected);
        out.add(finding(differs ? "ID_MISMATCH" : "IKEV1_REFUSED_AFTER_MESSAGE_5", Severity.ERROR, Phase.PHASE_1,
                "phaseOne.remoteId", expected, sent, "Main Mode stopped after message 5: the responder answered with "
                        + (notified.isEmpty() ? "an encrypted notification" : notified) + " and it opens with the key that"
                        + " opens message 5, so both derived the same keys and the PSK matches; message 5 identifies the"
                        + " initiator as " + sent + (expected == null ? ", an identity the responder refused"
                                : differs ? " but the responder expects " + expected
                                        : ", the identity the responder expects: it refused something else")
                        + "."));
        return true;
    }

    static String idText(IkeV1IdPayload id) {
        return IkeV1Identities.toIdentity(id).map(io.ipsec4j.model.Identity::value)
                .or(() -> IkeV1Identities.toTrafficSelector(id).map(Object::toString)).orElseGet(() -> id.data().toHex());
    }

    private static List<Observed> distinct(SaTrace sa, IkeV1ExchangeType type) {
        return sa.messages.stream().filter(m -> !m.retransmission() && m.v1().header().exchangeType().equals(type)).toList();
    }

    private static void notifications(IkeDoctor doctor, SaTrace sa, List<Finding> out) {
        for (Observed o : sa.messages) {
            if (o.retransmission() || o.decrypted()) {
                continue; // decrypted notifications: V1QuickMode
            }
            for (IkeV1NotificationPayload n : o.v1().payloads(IkeV1NotificationPayload.class)) {
                IkeV1NotifyType t = n.notifyType();
                if (t.equals(IkeV1NotifyType.NO_PROPOSAL_CHOSEN)) {
                    List<IkeProposal> offered = sa.messages.stream().filter(Observed::fromInitiator)
                            .map(m -> m.v1().payload(IkeV1SaPayload.class)).flatMap(Optional::stream).findFirst()
                            .map(p -> p.proposals().stream().map(IkeV1SaProposals::toIkeProposal).flatMap(Optional::stream)
                                    .toList()).orElse(List.of());
                    String overlap = doctor.tunnel.flatMap(x -> Configured.ikeOverlap(x, offered))
                            .map(d -> " Against the configured tunnel: " + d + ".").orElse("");
                    out.add(finding("NO_PROPOSAL_CHOSEN", Severity.ERROR, Phase.PHASE_1, "phaseOne.proposals",
                            doctor.tunnel.map(x -> join(x.phaseOne().proposals())).orElse(null), join(offered),
                            "the IKEv1 responder accepted none of the Phase 1 proposals offered." + overlap));
                } else if (t.code() < 16384) {
                    out.add(finding(t.name(), Severity.ERROR, Phase.PHASE_1, "phaseOne", null, t.name(), "the "
                            + (o.fromInitiator() ? "initiator" : "responder") + " sent the IKEv1 notification " + t.name()
                            + " in the clear."));
                }
            }
        }
    }
}
