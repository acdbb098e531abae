package io.ipsec4j.config.json;

import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import java.util.Objects;

/**
 * The library's own JSON tunnel document: single tunnels and redundant pairs, with a schema
 * version. See {@link TunnelJson} for the field names.
 *
 * @param tunnels single tunnels
 * @param redundantTunnels redundant pairs
 */
public record TunnelDocument(List<Tunnel> tunnels, List<RedundantTunnels> redundantTunnels) {
    /** The schema version this library writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the lists. */
    public TunnelDocument {
        tunnels = List.copyOf(Objects.requireNonNull(tunnels, "tunnels"));
        redundantTunnels = List.copyOf(Objects.requireNonNull(redundantTunnels, "redundantTunnels"));
    }

    /** A document with single tunnels only. */
    public static TunnelDocument of(Tunnel... tunnels) {
        return new TunnelDocument(List.of(tunnels), List.of());
    }

    /** A document with redundant pairs only. */
    public static TunnelDocument of(RedundantTunnels... pairs) {
        return new TunnelDocument(List.of(), List.of(pairs));
    }
}
