package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.KeyExchange;
import io.ipsec4j.crypto.KeyExchangeResponse;
import io.ipsec4j.ike.v2.IkeKePayload;
import io.ipsec4j.ike.v2.IkeNoncePayload;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeTsPayload;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.EspProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responder's side of the first CHILD SA in IKE_AUTH: chooses an ESP proposal, narrows the
 * traffic selectors to the tunnel's subnets, settles the mode, allocates our SPI and installs the
 * SAs; or names the error notify that refuses the CHILD SA while the IKE SA comes up.
 *
 * <p>RFC 7296 §2.9 (narrowing, TS_UNACCEPTABLE), §1.3.1 (USE_TRANSPORT_MODE: the responder
 * confirms it, or answers in tunnel mode), §2.21.2 (a refused CHILD SA in IKE_AUTH does not fail the
 * IKE SA).
 *
 * @param payloads the payloads for the IKE_AUTH response after IDr and AUTH
 * @param event the CHILD SA installed, or why not
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
record IkeChildResponse(List<IkePayload> payloads, IkeEvent event) {

    /** Answers the first CHILD SA of IKE_AUTH: the IKE SA's nonces, no key exchange. */
    static IkeChildResponse answer(IkeSession s, IkeMessage request) throws CryptoException {
        return answer(s, request, s.sa.ni, s.sa.nr, false);
    }

    /**
     * Answers a CHILD SA request; with {@code createChild}, a CREATE_CHILD_SA whose nonces {@code ni}
     * (the requester's) and {@code nr} (ours, sent back) key the SA, with a key exchange when the
     * chosen proposal names a PFS group (RFC 7296 §1.3.1, §2.17).
     */
    static IkeChildResponse answer(IkeSession s, IkeMessage request, Bytes ni, Bytes nr, boolean createChild)
            throws CryptoException {
        PhaseTwo p2 = s.tunnel.phaseTwo();
        Optional<IkeSaPayload> sa = request.payload(IkeSaPayload.class);
        List<IkeTsPayload> ts = request.payloads(IkeTsPayload.class);
        Optional<IkeTsPayload> tsi = ts.stream().filter(IkeTsPayload::initiator).findFirst();
        Optional<IkeTsPayload> tsr = ts.stream().filter(t -> !t.initiator()).findFirst();
        if (sa.isEmpty() || tsi.isEmpty() || tsr.isEmpty()) {
            return refuse(IkeNotifyType.INVALID_SYNTAX, IkeFailureReason.PROTOCOL_ERROR,
                    "IKE_AUTH request without SA, TSi and TSr");
        }
        Optional<IkeProposalSelector.Chosen<EspProposal>> chosen =
                IkeProposalSelector.selectEsp(sa.get().proposals(), p2.proposals(), createChild);
        if (chosen.isEmpty()) {
            return refuse(IkeNotifyType.NO_PROPOSAL_CHOSEN, IkeFailureReason.NO_PROPOSAL_CHOSEN,
                    "no ESP proposal of the initiator is acceptable");
        }
        // The initiator's TSi is its side: our remote subnets; its TSr is ours. Offered selectors the
        // model cannot express are not selectable: narrowing keeps only parts of our own subnets.
        List<TrafficSelector> remote = IkeTrafficSelectorNarrowing.narrow(tsi.get().toTrafficSelectors().selectors(),
                p2.remoteSubnets());
        List<TrafficSelector> local = IkeTrafficSelectorNarrowing.narrow(tsr.get().toTrafficSelectors().selectors(),
                p2.localSubnets());
        if (remote.isEmpty() || local.isEmpty()) {
            return refuse(IkeNotifyType.TS_UNACCEPTABLE, IkeFailureReason.TS_UNACCEPTABLE,
                    "the initiator's selectors do not meet the tunnel's subnets");
        }
        boolean transportRequested = request.notify(IkeNotifyType.USE_TRANSPORT_MODE).isPresent();
        if (p2.mode() == EspMode.TRANSPORT && !transportRequested) {
            return refuse(IkeNotifyType.NO_PROPOSAL_CHOSEN, IkeFailureReason.MODE_MISMATCH,
                    "transport mode configured, the initiator asked for tunnel mode");
        }
        EspMode mode = transportRequested && p2.mode() == EspMode.TRANSPORT ? EspMode.TRANSPORT : EspMode.TUNNEL;
        int chosenNumber = chosen.get().number();
        IkeSaProposal offered = sa.get().proposals().stream().filter(p -> p.number() == chosenNumber).findFirst()
                .orElseThrow();
        SecretBytes secret = null;
        IkeKePayload keResponse = null;
        if (!chosen.get().proposal().pfsGroups().isEmpty()) {
            KeyExchangeMethod group = chosen.get().proposal().pfsGroups().get(0);
            Optional<IkeKePayload> ke = request.payload(IkeKePayload.class);
            if (ke.isEmpty() || !ke.get().method().equals(group)) {
                return refuse(IkeNotifyPayload.invalidKePayload(group), IkeFailureReason.INVALID_KE_PAYLOAD,
                        "the PFS group must be " + group);
            }
            KeyExchangeResponse answer = KeyExchange.respond(group, ke.get().data().toByteArray(),
                    s.options.providers(), s.random);
            secret = answer.sharedSecret();
            keResponse = new IkeKePayload(group, Bytes.of(answer.publicValue()));
        }
        int ourSpi = IkeRandom.childSpi(s.random);
        IkeEvent.ChildSaInstalled installed = IkeChildSaFactory.install(s.sa.keys, false, ni, nr, secret,
                chosen.get().proposal(), ourSpi, IkeRandom.spiValue(offered.spi()), mode,
                IkeChildRequest.replayWindow(p2), local, remote, s.options.providers());
        List<IkePayload> p = new ArrayList<>();
        if (mode == EspMode.TRANSPORT) {
            p.add(IkeNotifyPayload.status(IkeNotifyType.USE_TRANSPORT_MODE));
        }
        p.add(new IkeSaPayload(List.of(IkeSaProposals.fromEspProposal(chosenNumber, chosen.get().proposal(),
                IkeRandom.spiBytes(ourSpi)))));
        if (createChild) {
            p.add(new IkeNoncePayload(nr));
        }
        if (keResponse != null) {
            p.add(keResponse);
        }
        p.add(IkeTsPayload.of(true, remote));
        p.add(IkeTsPayload.of(false, local));
        return new IkeChildResponse(List.copyOf(p), installed);
    }

    private static IkeChildResponse refuse(IkeNotifyType notify, IkeFailureReason reason, String detail) {
        return refuse(IkeNotifyPayload.status(notify), reason, detail);
    }

    private static IkeChildResponse refuse(IkeNotifyPayload notify, IkeFailureReason reason, String detail) {
        return new IkeChildResponse(List.of(notify),
                new IkeEvent.ChildSaFailed(reason, Optional.of(notify.notifyType()), detail));
    }
}
