package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeIdPayload;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tunnels one responder serves, and how it picks the tunnel of an initiator: at IKE_SA_INIT,
 * by the initiator's address, the candidates whose proposals it may choose from; at IKE_AUTH, by
 * the initiator's ID (IDi) and, when sent, the ID it expects of us (IDr), the one tunnel whose PSK,
 * CHILD SA proposals, selectors, lifetimes and DPD apply from then on.
 *
 * <p>RFC 7296 §2.15 and §3.5: the responder learns who the initiator claims to be only from IDi,
 * inside the IKE_AUTH exchange, so the proposal of IKE_SA_INIT comes from every tunnel that the
 * address allows; an initiator whose ID names none of them is refused with AUTHENTICATION_FAILED
 * (§2.21.2), one whose proposals none of them accepts with NO_PROPOSAL_CHOSEN.
 *
 * @see IkeSession#responder(IkeResponderTunnels, java.net.InetSocketAddress, IkeSessionOptions,
 *     java.security.SecureRandom)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.5">RFC 7296 §3.5</a>
 */
public final class IkeResponderTunnels {
    private final List<Tunnel> tunnels;

    private IkeResponderTunnels(List<Tunnel> tunnels) {
        this.tunnels = tunnels;
    }

    /**
     * Returns the choice among {@code tunnels}, in order of preference.
     *
     * @throws IllegalArgumentException if there is none, one is not IKEv2, or one names an ID that
     *     an ID payload cannot carry
     */
    public static IkeResponderTunnels of(List<Tunnel> tunnels) {
        List<Tunnel> copy = List.copyOf(tunnels);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("IkeResponderTunnels: no tunnel");
        }
        for (Tunnel t : copy) {
            if (t.phaseOne().ikeVersion() != IkeVersion.IKEV2) {
                throw new IllegalArgumentException("IkeResponderTunnels: tunnel " + t.name() + " is not IKEv2");
            }
            IkeIdentities.toPayload(t.phaseOne().effectiveRemoteId(), true); // rejects unsupported IDs now
        }
        return new IkeResponderTunnels(copy);
    }

    /** Returns the tunnels, in order of preference. */
    public List<Tunnel> tunnels() {
        return tunnels;
    }

    /**
     * Returns the tunnels an initiator at {@code initiator} may use: those whose remote public IP is
     * that address, or the unspecified address (0.0.0.0 or ::, any initiator), in order of preference.
     */
    public List<Tunnel> candidates(InetAddress initiator) {
        Objects.requireNonNull(initiator, "initiator");
        List<Tunnel> out = new ArrayList<>();
        for (Tunnel t : tunnels) {
            InetAddress remote = t.phaseOne().remotePublicIp().toInetAddress();
            if (remote.equals(initiator) || remote.isAnyLocalAddress()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Returns the first of {@code candidates} that expects the initiator's ID {@code idi}, whose own
     * ID ({@code localId} of a tunnel) is {@code idr} when the initiator sent one, and that accepts
     * the IKE proposal {@code negotiated} at IKE_SA_INIT; empty if none does.
     */
    static Optional<Tunnel> select(List<Tunnel> candidates, IkeIdPayload idi, Optional<IkeIdPayload> idr,
            IkeProposal negotiated, Function<Tunnel, Identity> localId) {
        for (Tunnel t : candidates) {
            if (IkeIdentities.matches(idi, t.phaseOne().effectiveRemoteId())
                    && idr.map(r -> IkeIdentities.matches(r, localId.apply(t))).orElse(true)
                    && IkeProposalSelector.acceptsIke(negotiated, t.phaseOne().proposals())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Returns the IKE proposals of {@code candidates}, each once, in order of preference. */
    static List<IkeProposal> proposals(List<Tunnel> candidates) {
        List<IkeProposal> out = new ArrayList<>();
        for (Tunnel t : candidates) {
            for (IkeProposal p : t.phaseOne().proposals()) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "IkeResponderTunnels" + tunnels.stream().map(Tunnel::name).toList();
    }
}
