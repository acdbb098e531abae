package io.ipsec4j.model;

/**
 * How traffic is steered into a tunnel.
 *
 * <p>A policy-based tunnel negotiates the real subnets as traffic selectors, and a peer that does
 * not accept every one of them may reject all of Phase II. A route-based (VTI) tunnel negotiates
 * 0.0.0.0/0 (and/or ::/0) and decides by a routes table or BGP what enters the tunnel.
 */
public enum RoutingMode {
    /** Subnets are the traffic selectors. */
    POLICY_BASED,
    /** 0.0.0.0/0 selectors, routes (static or BGP) on a tunnel interface. */
    ROUTE_BASED
}
