package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspSa;
import io.ipsec4j.ike.v2.IkeNotifyType;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link IkeSession} reports to its driver through {@link IkeSession#pollEvent()}.
 *
 * <p>An IKE SA is established when both AUTH payloads verified (RFC 7296 §1.2); its first CHILD SA
 * is installed in the same exchange or fails on its own without taking the IKE SA down (§2.21.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
public sealed interface IkeEvent {

    /**
     * The IKE SA is established: both sides authenticated.
     *
     * @param initiatorSpi the IKE SA initiator's SPI
     * @param responderSpi the IKE SA responder's SPI
     * @param proposal the negotiated transforms, one of each type
     * @param natDetected whether a NAT was found between the peers (both moved to port 4500)
     */
    record IkeSaEstablished(long initiatorSpi, long responderSpi, IkeProposal proposal, boolean natDetected)
            implements IkeEvent {
        /** Checks the arguments. */
        public IkeSaEstablished {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /**
     * The IKE SA was rekeyed (RFC 7296 §2.18): the session now runs on the new SPIs, the CHILD SAs
     * moved to it, and the old IKE SA is being deleted.
     *
     * @param oldInitiatorSpi the replaced SA's initiator SPI
     * @param oldResponderSpi the replaced SA's responder SPI
     * @param initiatorSpi the new SA's initiator SPI (the side that sent the rekey request)
     * @param responderSpi the new SA's responder SPI
     * @param proposal the transforms of the new SA
     */
    record IkeSaRekeyed(long oldInitiatorSpi, long oldResponderSpi, long initiatorSpi, long responderSpi,
            IkeProposal proposal) implements IkeEvent {
        /** Checks the arguments. */
        public IkeSaRekeyed {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /**
     * Our rekey of the IKE SA failed; the SA stays up and the rekey is tried again later, until the
     * SA's lifetime ends (RFC 7296 §2.21.2).
     *
     * @param reason why
     * @param notifyType the error notify received, if any
     * @param detail a human-readable explanation without secrets
     */
    record IkeSaRekeyFailed(IkeFailureReason reason, Optional<IkeNotifyType> notifyType, String detail)
            implements IkeEvent {
        /** Checks the arguments. */
        public IkeSaRekeyFailed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notifyType, "notifyType");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The IKE SA reached the end of the tunnel's phase-one lifetime without a rekey: re-authentication
     * is due. The session deletes the SA ({@link IkeSaDeleted} follows); a driver that keeps the tunnel
     * starts a new session, which authenticates afresh (RFC 7296 §2.8: lifetimes are local policy).
     *
     * @param initiatorSpi the expired SA's initiator SPI
     * @param responderSpi the expired SA's responder SPI
     */
    record IkeSaExpired(long initiatorSpi, long responderSpi) implements IkeEvent {
    }

    /**
     * A CHILD SA pair is installed: {@code inbound} opens what the peer seals with {@code outbound}'s
     * counterpart. The receiver owns both SAs and closes them.
     *
     * @param inbound the SA for packets from the peer (our SPI)
     * @param outbound the SA for packets to the peer (the peer's SPI)
     * @param proposal the negotiated transforms
     * @param localSelectors the narrowed selectors of our side
     * @param remoteSelectors the narrowed selectors of the peer's side
     */
    record ChildSaInstalled(EspSa inbound, EspSa outbound, EspProposal proposal,
            List<TrafficSelector> localSelectors, List<TrafficSelector> remoteSelectors) implements IkeEvent {
        /** Checks and copies the arguments. */
        public ChildSaInstalled {
            Objects.requireNonNull(inbound, "inbound");
            Objects.requireNonNull(outbound, "outbound");
            Objects.requireNonNull(proposal, "proposal");
            localSelectors = List.copyOf(localSelectors);
            remoteSelectors = List.copyOf(remoteSelectors);
        }
    }

    /**
     * The CHILD SA could not be created; the IKE SA stays up (RFC 7296 §2.21.2).
     *
     * @param reason why
     * @param notifyType the error notify sent or received, if any
     * @param detail a human-readable explanation without secrets
     */
    record ChildSaFailed(IkeFailureReason reason, Optional<IkeNotifyType> notifyType, String detail)
            implements IkeEvent {
        /** Checks the arguments. */
        public ChildSaFailed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notifyType, "notifyType");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A CHILD SA was rekeyed (RFC 7296 §1.3.3, §2.8): {@code replacement} is installed; the old pair
     * stays usable until its {@link ChildSaDeleted} follows.
     *
     * @param oldInboundSpi our SPI of the old SA
     * @param oldOutboundSpi the peer's SPI of the old SA
     * @param replacement the new SAs
     */
    record ChildSaRekeyed(int oldInboundSpi, int oldOutboundSpi, ChildSaInstalled replacement) implements IkeEvent {
        /** Checks the arguments. */
        public ChildSaRekeyed {
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    /**
     * A CHILD SA pair was deleted (RFC 7296 §1.4.1); the driver closes both {@link EspSa}.
     *
     * @param inboundSpi our SPI
     * @param outboundSpi the peer's SPI
     * @param byPeer whether the peer asked for it
     */
    record ChildSaDeleted(int inboundSpi, int outboundSpi, boolean byPeer) implements IkeEvent {
    }

    /**
     * The IKE SA and with it every CHILD SA were deleted (RFC 7296 §1.4.1); the session is closed.
     *
     * @param byPeer whether the peer asked for it
     */
    record IkeSaDeleted(boolean byPeer) implements IkeEvent {
    }

    /**
     * Dead peer detection declared the peer dead: a liveness check (RFC 7296 §2.4) went unanswered
     * for the tunnel's DPD timeout. {@link SessionFailed} with {@link IkeFailureReason#DEAD_PEER}
     * follows; the driver applies {@code action}, the tunnel's DPD action (e.g. starts a new
     * initiator for {@link DpdAction#RESTART}, stays down for {@link DpdAction#CLEAR}).
     *
     * @param action the tunnel's DPD action
     */
    record DeadPeerDetected(DpdAction action) implements IkeEvent {
        /** Checks the argument. */
        public DeadPeerDetected {
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * The session failed; it sends nothing more and ignores further input.
     *
     * @param reason why
     * @param notifyType the error notify sent or received, if any
     * @param detail a human-readable explanation without secrets
     */
    record SessionFailed(IkeFailureReason reason, Optional<IkeNotifyType> notifyType, String detail)
            implements IkeEvent {
        /** Checks the arguments. */
        public SessionFailed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(notifyType, "notifyType");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
