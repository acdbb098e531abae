package io.ipsec4j.model;

import io.ipsec4j.model.algorithm.IkeProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Phase I of a tunnel: the IKE SA's shared secret, peer address, identities, version, lifetime
 * and proposals.
 *
 * <p>Proposals are ordered by preference and follow IKEv2 semantics (each lists alternatives per
 * transform type, RFC 7296 §3.3); for IKEv1 each proposal stands for the transforms it expands
 * to. When no remote ID is set, the peer is expected to identify with its public IP, as most
 * gateways do by default.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-1.2">RFC 7296 §1.2</a>
 */
@Value.Immutable
@ValueStyle
public abstract class PhaseOne {
    /** IKE SA lifetime used when none is given: 8 hours, as AWS and Azure use. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    @Value.Default
    public IkeVersion ikeVersion() {
        return IkeVersion.IKEV2;
    }

    /** The pre-shared key; never printed. */
    public abstract Secret sharedSecret();

    /** The peer's public IP: where IKE is sent. */
    public abstract IpAddress remotePublicIp();

    /** Our public IP, when known (needed to mirror the tunnel and to check the peer's view). */
    public abstract Optional<IpAddress> localPublicIp();

    /**
     * The ID the peer must present; empty means its public IP. An address ID equal to
     * {@link #remotePublicIp()} is that default and is normalized to empty when built, so two
     * Phase I values that mean the same thing are equal.
     */
    public abstract Optional<Identity> remoteId();

    /**
     * The ID we present; empty means our public IP. An address ID equal to {@link #localPublicIp()}
     * is that default and is normalized to empty when built.
     */
    public abstract Optional<Identity> localId();

    @Value.Default
    public Lifetime lifetime() {
        return Lifetime.of(DEFAULT_LIFETIME);
    }

    /** IKE proposals, most preferred first; at least one. */
    public abstract List<IkeProposal> proposals();

    /** The remote ID in effect: {@link #remoteId()} or an address ID of the remote public IP. */
    public Identity effectiveRemoteId() {
        return remoteId().orElseGet(() -> Identity.address(remotePublicIp()));
    }

    /** The local ID in effect, when it can be known. */
    public Optional<Identity> effectiveLocalId() {
        return localId().isPresent() ? localId() : localPublicIp().map(Identity::address);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PhaseOne} values. */
    public static final class Builder extends ImmutablePhaseOne.Builder {}

    @Value.Check
    PhaseOne check() {
        List<Finding> errors = new ArrayList<>();
        if (sharedSecret().isEmpty()) {
            errors.add(Finding.error("PSK_EMPTY", "phaseOne.sharedSecret", "the shared secret is empty"));
        }
        if (proposals().isEmpty()) {
            errors.add(Finding.error("NO_IKE_PROPOSAL", "phaseOne.proposals", "at least one IKE proposal is needed"));
        }
        if (localPublicIp().isPresent() && localPublicIp().get().equals(remotePublicIp())) {
            errors.add(Finding.error("SAME_PUBLIC_IP", "phaseOne.remotePublicIp",
                    "the remote public IP " + remotePublicIp() + " is our own public IP"));
        }
        if (ikeVersion().isV1()) {
            for (int i = 0; i < proposals().size(); i++) {
                IkeProposal p = proposals().get(i);
                // RFC 5282 defines AEAD ciphers for IKEv2's SK payload only; IKEv1 has no such use.
                if (p.isAead()) {
                    errors.add(Finding.error("IKEV1_AEAD", "phaseOne.proposals[" + i + "]",
                            "IKEv1 Phase I cannot use AEAD encryption (" + p.toStrongSwan()
                                    + "); AEAD for IKE is defined for IKEv2 only (RFC 5282)"));
                }
                if (!p.additionalKeyExchanges().isEmpty()) {
                    errors.add(Finding.error("IKEV1_ADDKE", "phaseOne.proposals[" + i + "]",
                            "additional key exchanges (RFC 9370) exist in IKEv2 only"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ModelValidationException("invalid Phase I", errors);
        }
        boolean localIsDefault = localId().isPresent() && localId().equals(localPublicIp().map(Identity::address));
        boolean remoteIsDefault = remoteId().equals(Optional.of(Identity.address(remotePublicIp())));
        if (!localIsDefault && !remoteIsDefault) {
            return this;
        }
        Builder normalized = new Builder();
        normalized.from(this);
        if (localIsDefault) {
            normalized.localId(Optional.empty());
        }
        if (remoteIsDefault) {
            normalized.remoteId(Optional.empty());
        }
        return normalized.build();
    }
}
