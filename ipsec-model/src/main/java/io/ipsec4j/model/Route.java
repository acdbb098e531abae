package io.ipsec4j.model;

import java.util.Objects;

/**
 * A static route of a route-based tunnel: traffic to {@code destination} goes into the tunnel.
 *
 * @param destination the destination network
 */
public record Route(Cidr destination) implements Comparable<Route> {
    /** Validates. */
    public Route {
        Objects.requireNonNull(destination, "destination");
    }

    public static Route of(Cidr destination) {
        return new Route(destination);
    }

    /** A route to {@code cidr}, e.g. {@code "10.20.0.0/16"}. */
    public static Route parse(String cidr) {
        return new Route(Cidr.parse(cidr));
    }

    @Override
    public int compareTo(Route other) {
        return destination.compareTo(other.destination);
    }

    @Override
    public String toString() {
        return destination.toString();
    }
}
