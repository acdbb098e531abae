package io.ipsec4j.config;

/**
 * The kind of cloud gateway that terminates the tunnels.
 *
 * <p>AWS text and XML files never name a Transit Gateway: an empty Virtual Private Gateway id is the
 * only hint (CONFIG-FORMATS.md §1.2.4 quirk 12), hence {@link #AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN}.
 */
public enum GatewayKind {
    /** AWS Virtual Private Gateway ({@code vgw-…}). */
    AWS_VIRTUAL_PRIVATE_GATEWAY,
    /** AWS Transit Gateway ({@code tgw-…}, known from the API). */
    AWS_TRANSIT_GATEWAY,
    /** AWS Cloud WAN core network (known from the API). */
    AWS_CLOUD_WAN,
    /** AWS Transit Gateway or Cloud WAN: the file's gateway id is empty. */
    AWS_TRANSIT_GATEWAY_OR_CLOUD_WAN,
    /** Azure Virtual WAN hub VPN gateway. */
    AZURE_VWAN_HUB,
    /** Azure virtual network (VPN) gateway. */
    AZURE_VPN_GATEWAY,
    /** GCP Classic VPN target gateway. */
    GCP_CLASSIC_VPN_GATEWAY,
    /** GCP HA VPN gateway. */
    GCP_HA_VPN_GATEWAY,
    /** The file does not say. */
    UNKNOWN
}
