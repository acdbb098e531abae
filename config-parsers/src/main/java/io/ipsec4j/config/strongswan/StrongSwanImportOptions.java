package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.BgpPeering;
import io.ipsec4j.model.Cidr;
import java.util.List;
import io.ipsec4j.model.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strongSwan file cannot tell an import: the SASE gateway for connections without an
 * {@code # ipsec4j.gateway} comment, a pre-shared key for connections whose secret is elsewhere, and
 * the BGP sessions of route-based tunnels (strongSwan does not speak BGP; a routing daemon does).
 * {@link #toString()} masks the key.
 *
 * @param gateway the SASE gateway id of tunnels whose file does not name one
 * @param preSharedKey the key for connections without one in the file
 * @param bgp BGP sessions by tunnel name
 * @param routes static routes for route-based tunnels that have neither routes nor BGP (the file's
 *     VPC CIDR, say, when it is a placeholder)
 */
public record StrongSwanImportOptions(String gateway, Optional<Secret> preSharedKey, Map<String, BgpPeering> bgp,
        List<Cidr> routes) {
    /** Validates and copies. */
    public StrongSwanImportOptions {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(preSharedKey, "preSharedKey");
        bgp = Map.copyOf(Objects.requireNonNull(bgp, "bgp"));
        routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        if (gateway.isBlank()) {
            throw new IllegalArgumentException("gateway: blank (expected: a SASE gateway id)");
        }
    }

    /** Gateway {@code sase-gateway-1}, no key, no BGP. */
    public static StrongSwanImportOptions defaults() {
        return new StrongSwanImportOptions("sase-gateway-1", Optional.empty(), Map.of(), List.of());
    }

    /** These options with another default gateway. */
    public StrongSwanImportOptions withGateway(String id) {
        return new StrongSwanImportOptions(id, preSharedKey, bgp, routes);
    }

    /** These options with a key for connections without one. */
    public StrongSwanImportOptions withPreSharedKey(Secret key) {
        return new StrongSwanImportOptions(gateway, Optional.of(Objects.requireNonNull(key, "key")), bgp, routes);
    }

    /** These options with the BGP sessions of route-based tunnels, by tunnel name. */
    public StrongSwanImportOptions withBgp(Map<String, BgpPeering> sessions) {
        return new StrongSwanImportOptions(gateway, preSharedKey, sessions, routes);
    }

    /** These options with static routes for route-based tunnels that have none. */
    public StrongSwanImportOptions withRoutes(Cidr... networks) {
        return new StrongSwanImportOptions(gateway, preSharedKey, bgp, List.of(networks));
    }
}
