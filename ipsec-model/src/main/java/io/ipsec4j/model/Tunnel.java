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

    /** Inside addresses; route-based tunnels with BGP need them. */
    public abstract Optional<TunnelInterface> tunnelInterface();

    /** Static routes into a route-based tunnel. */
    public abstract List<Route> routes();

    /** BGP over a route-based tunnel. */
    public abstract Optional<BgpPeering> bgp();

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
