package io.ipsec4j.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One IPsec site-to-site tunnel from a SASE gateway to a remote gateway: Phase I, Phase II and
 * how traffic is routed into it.
 *
 * <p>A value that exists is valid: building it checks every cross-field rule and throws a
 * {@link ModelValidationException} listing all errors. Weak or unusual choices that still work
 * are reported by {@link #warnings()}. {@code toString()} never shows the shared secret.
 *
 * <pre>{@code
 * Tunnel t = Tunnel.builder().name("aws-1").gateway("gw-frankfurt-1")
 *     .phaseOne(phaseOne).phaseTwo(phaseTwo)
 *     .routing(RoutingMode.ROUTE_BASED)
 *     .tunnelInterface(TunnelInterface.parse("169.254.10.2/30", "169.254.10.1"))
 *     .bgp(bgp).build();
 * }</pre>
 *
 * <p>BGP either runs over the inside /30 ({@link BgpPeeringKind#INSIDE}: neighbour = remote inside
 * address) or between addresses routed through the tunnel ({@link BgpPeeringKind#MULTIHOP}: no
 * inside network needed, but the neighbour must be on the inside network or covered by one of
 * {@link #routes()}, so that the session really runs through this tunnel).
 */
@Value.Immutable
@ValueStyle
public abstract class Tunnel {
    /** Display name, non-blank. */
    public abstract String name();

    /** The SASE gateway that terminates this tunnel (an id of the embedder's choosing). */
    public abstract String gateway();

    public abstract PhaseOne phaseOne();

    public abstract PhaseTwo phaseTwo();

    public abstract RoutingMode routing();

    /**
     * Inside addresses of the tunnel interface, when the configuration states them. BGP over the
     * inside network needs them; multihop BGP does not, and none is invented for it.
     */
    public abstract Optional<TunnelInterface> tunnelInterface();

    /**
     * Static routes into a route-based tunnel. A multihop BGP neighbour that is not on the inside
     * network is reached through one of them (typically its host route, {@code 172.21.101.4/32}).
     */
    public abstract List<Route> routes();

    /** BGP over a route-based tunnel, over the inside network or multihop. */
    public abstract Optional<BgpPeering> bgp();

    /**
     * Our BGP address: the peering's own local address, or for inside peering the local inside
     * address; empty without BGP.
     */
    public Optional<IpAddress> bgpLocalAddress() {
        return bgp().flatMap(b -> b.localAddress().or(() -> tunnelInterface().map(TunnelInterface::localAddress)));
    }

    /** Things that work but are weak, unusual or likely placeholders; computed once. */
    @Value.Lazy
    public List<Finding> warnings() {
        return TunnelRules.warnings(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Tunnel} values. */
    public static final class Builder extends ImmutableTunnel.Builder {}

    @Value.Check
    void check() {
        List<Finding> errors = TunnelRules.errors(this);
        if (!errors.isEmpty()) {
            throw new ModelValidationException("invalid tunnel \"" + name() + "\"", errors);
        }
    }
}
