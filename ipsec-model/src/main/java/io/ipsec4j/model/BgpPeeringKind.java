package io.ipsec4j.model;

/**
 * How the two BGP speakers of a tunnel reach each other.
 *
 * <p>AWS, GCP and most site-to-site setups peer between the two addresses of the tunnel's inside
 * network (a /30 from 169.254.0.0/16): the neighbour is directly connected and single-hop eBGP
 * (TTL 1) applies. Azure Virtual WAN and Azure VPN Gateway peer with per-instance addresses that
 * share no such network with the site's single BGP address (a hub's {@code 172.21.101.4} and
 * {@code .5}; APIPA {@code 169.254.21.1} and {@code 169.254.22.1}): each neighbour is reached
 * through its tunnel by a route, and eBGP needs multihop.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4271#section-8.2.1">RFC 4271 §8.2.1</a>
 *      (connection to the peer)
 */
public enum BgpPeeringKind {
    /** Between the inside addresses of the tunnel interface; the neighbour is directly connected (TTL 1). */
    INSIDE,
    /**
     * Between addresses routed through the tunnel (a loopback, a hub instance address); needs a
     * route to the neighbour through the tunnel and eBGP multihop.
     */
    MULTIHOP
}
