package io.ipsec4j.config;

/** How a cloud tunnel learns routes, as its file states it. */
public enum RoutingType {
    /** Dynamic routing: BGP over the inside addresses. */
    BGP,
    /** Static routes towards the tunnel (route-based, no BGP). */
    STATIC,
    /** Policy-based: the traffic selectors name the networks (Azure policy-based selectors, GCP Classic). */
    POLICY_BASED,
    /** The file does not say. */
    UNKNOWN
}
