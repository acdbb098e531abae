package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeNotifyPayload;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSaPayload;
import io.ipsec4j.ike.v2.IkeSaProposal;
import io.ipsec4j.ike.v2.IkeSaProposals;
import io.ipsec4j.ike.v2.IkeTsConversion;
import io.ipsec4j.ike.v2.IkeTsPayload;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.TransformType;
import io.ipsec4j.model.algorithm.EspProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The initiator's side of the first CHILD SA, carried in IKE_AUTH: SA with our inbound SPI, TSi
 * and TSr from the tunnel's subnets, USE_TRANSPORT_MODE when configured; then the check of the
 * responder's choice and narrowed selectors.
 *
 * <p>RFC 7296 §1.2: the first CHILD SA has no key exchange of its own, so KE transforms are left
 * out of the proposals (PFS applies from the first rekey, §1.3.1); §2.9: the responder may narrow;
 * §1.3.1: a transport-mode request that the responder does not confirm means tunnel mode.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
final class IkeChildRequest {
    private final IkeSession s;
    private final PhaseTwo p2;
    private int ourSpi;

    IkeChildRequest(IkeSession session) {
        this.s = session;
        this.p2 = session.tunnel.phaseTwo();
    }

    List<IkePayload> payloads() {
        ourSpi = IkeRandom.childSpi(s.random);
        List<IkePayload> p = new ArrayList<>();
        if (p2.mode() == EspMode.TRANSPORT) {
            p.add(IkeNotifyPayload.status(IkeNotifyType.USE_TRANSPORT_MODE));
        }
        List<IkeSaProposal> wire = new ArrayList<>();
        for (EspProposal proposal : p2.proposals()) {
            IkeSaProposal full = IkeSaProposals.fromEspProposal(wire.size() + 1, proposal, IkeRandom.spiBytes(ourSpi));
            wire.add(new IkeSaProposal(full.number(), full.protocol(), full.spi(), full.transforms().stream()
                    .filter(t -> !t.transformType().equals(TransformType.KE)).toList()));
        }
        p.add(new IkeSaPayload(wire));
        p.add(IkeTsPayload.of(true, p2.localSubnets()));
        p.add(IkeTsPayload.of(false, p2.remoteSubnets()));
        return p;
    }

    /** Returns the CHILD SA installed from the responder's answer, or why it failed. */
    IkeEvent complete(IkeMessage response) throws CryptoException {
        Optional<IkeNotifyType> error = response.payloads(IkeNotifyPayload.class).stream()
                .filter(IkeNotifyPayload::isError).map(IkeNotifyPayload::notifyType).findFirst();
        if (error.isPresent()) {
            IkeFailureReason reason = error.get().equals(IkeNotifyType.NO_PROPOSAL_CHOSEN)
                    ? IkeFailureReason.NO_PROPOSAL_CHOSEN
                    : error.get().equals(IkeNotifyType.TS_UNACCEPTABLE) ? IkeFailureReason.TS_UNACCEPTABLE
                    : IkeFailureReason.PEER_ERROR;
            return new IkeEvent.ChildSaFailed(reason, error, "responder refused the CHILD SA: " + error.get());
        }
        Optional<IkeSaPayload> sa = response.payload(IkeSaPayload.class);
        List<IkeTsPayload> ts = response.payloads(IkeTsPayload.class);
        Optional<IkeTsPayload> tsi = ts.stream().filter(IkeTsPayload::initiator).findFirst();
        Optional<IkeTsPayload> tsr = ts.stream().filter(t -> !t.initiator()).findFirst();
        if (sa.isEmpty() || sa.get().proposals().size() != 1 || tsi.isEmpty() || tsr.isEmpty()) {
            return failed(IkeFailureReason.PROTOCOL_ERROR, "IKE_AUTH response without one SA proposal, TSi and TSr");
        }
        IkeSaProposal wire = sa.get().proposals().get(0);
        Optional<EspProposal> chosen = IkeSaProposals.toEspProposal(wire);
        if (chosen.isEmpty() || wire.spi().length() != 4
                || !IkeProposalSelector.acceptsEsp(chosen.get(), p2.proposals(), false)) {
            return failed(IkeFailureReason.PROTOCOL_ERROR, "responder chose an ESP proposal we did not offer");
        }
        IkeTsConversion tsiConversion = tsi.get().toTrafficSelectors();
        IkeTsConversion tsrConversion = tsr.get().toTrafficSelectors();
        List<TrafficSelector> local = tsiConversion.selectors();
        List<TrafficSelector> remote = tsrConversion.selectors();
        // A selector the model cannot express cannot be shown to lie within ours (RFC 7296 §2.9).
        if (!tsiConversion.isComplete() || !tsrConversion.isComplete()
                || !IkeTrafficSelectorNarrowing.isSubset(local, p2.localSubnets())
                || !IkeTrafficSelectorNarrowing.isSubset(remote, p2.remoteSubnets())) {
            return failed(IkeFailureReason.TS_UNACCEPTABLE, "responder's selectors are not within ours");
        }
        boolean transport = response.notify(IkeNotifyType.USE_TRANSPORT_MODE).isPresent();
        if (transport != (p2.mode() == EspMode.TRANSPORT)) {
            return failed(IkeFailureReason.MODE_MISMATCH, "responder answered " + (transport ? "transport" : "tunnel")
                    + " mode, configured " + p2.mode());
        }
        return IkeChildSaFactory.install(s.sa.keys, true, s.sa.ni, s.sa.nr, null, chosen.get(), ourSpi,
                IkeRandom.spiValue(wire.spi()), p2.mode(), replayWindow(p2), local, remote, s.options.providers());
    }

    /** The model allows 0–65536; esp-crypto takes 0 (off) or 32 and more. */
    static int replayWindow(PhaseTwo p2) {
        int w = p2.replayWindow();
        return w == 0 ? 0 : Math.max(32, w);
    }

    private static IkeEvent failed(IkeFailureReason reason, String detail) {
        return new IkeEvent.ChildSaFailed(reason, Optional.empty(), detail);
    }
}
