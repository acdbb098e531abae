package io.ipsec4j.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The routes table of a set of route-based tunnels: destination CIDR → the tunnels that carry
 * it. A destination listed by several tunnels (the two tunnels of a redundant pair) maps to all
 * of them, as equal-cost paths; lookups take the longest matching prefix (RFC 1812 §5.2.4.3).
 *
 * <p>Only static routes are in the table; what BGP learns over a tunnel is dynamic and lives in
 * the BGP speaker.
 */
public final class RouteTable {
    private final Map<Cidr, List<Tunnel>> entries;

    private RouteTable(Map<Cidr, List<Tunnel>> entries) {
        this.entries = entries;
    }

    /** The static routes of the route-based tunnels among {@code tunnels}, in tunnel order per destination. */
    public static RouteTable of(Collection<Tunnel> tunnels) {
        Objects.requireNonNull(tunnels, "tunnels");
        Map<Cidr, List<Tunnel>> table = new TreeMap<>();
        for (Tunnel t : tunnels) {
            if (t.routing() != RoutingMode.ROUTE_BASED) {
                continue;
            }
            for (Route r : t.routes()) {
                table.computeIfAbsent(r.destination(), d -> new ArrayList<>()).add(t);
            }
        }
        Map<Cidr, List<Tunnel>> frozen = new LinkedHashMap<>();
        table.forEach((d, list) -> frozen.put(d, List.copyOf(list)));
        return new RouteTable(Collections.unmodifiableMap(frozen));
    }

    /** Every destination with its tunnels, ordered by network then prefix. */
    public Map<Cidr, List<Tunnel>> entries() {
        return entries;
    }

    /** The tunnels for {@code destination} by longest-prefix match; empty when no route covers it. */
    public List<Tunnel> lookup(IpAddress destination) {
        Objects.requireNonNull(destination, "destination");
        Cidr best = null;
        for (Cidr c : entries.keySet()) {
            if (c.contains(destination) && (best == null || c.prefixLength() > best.prefixLength())) {
                best = c;
            }
        }
        return best == null ? List.of() : entries.get(best);
    }

    /** One line per destination: {@code 10.20.0.0/16 -> aws-1, aws-2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        entries.forEach((d, tunnels) -> {
            sb.append(d).append(" -> ");
            for (int i = 0; i < tunnels.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(tunnels.get(i).name());
            }
            sb.append('\n');
        });
        return sb.toString();
    }
}
