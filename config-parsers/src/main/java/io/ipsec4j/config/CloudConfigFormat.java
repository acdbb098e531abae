package io.ipsec4j.config;

import java.util.Optional;

/**
 * The file and API formats this module recognises (CONFIG-FORMATS.md §0).
 *
 * <p>Some formats are recognised only to be refused with a useful message (vendor-specific AWS
 * downloads, AWS and Azure XSLT templates); {@link #isImportable()} says which ones give tunnels.
 */
public enum CloudConfigFormat {
    /** AWS "Generic" text download, every wording version from the 2009 XSL on (§1.2). */
    AWS_GENERIC_TEXT(CloudProvider.AWS, "AWS Generic text", true),
    /** AWS vendor-specific download (Cisco, Juniper, strongSwan, …; §1.3): refused. */
    AWS_VENDOR_TEXT(CloudProvider.AWS, "AWS vendor-specific text", false),
    /** AWS {@code CustomerGatewayConfiguration} XML (§1.4). */
    AWS_XML(CloudProvider.AWS, "AWS CustomerGatewayConfiguration XML", true),
    /** AWS EC2 {@code describe-vpn-connections} JSON (§1.5). */
    AWS_API_JSON(CloudProvider.AWS, "AWS EC2 describe-vpn-connections JSON", true),
    /**
     * AWS EC2 tunnel options as a request states them: {@code modify-vpn-tunnel-options} input
     * ({@code --cli-input-json}, or the bare {@code --tunnel-options} object) or the {@code Options} of
     * {@code create-vpn-connection} (§1.5).
     */
    AWS_TUNNEL_OPTIONS_JSON(CloudProvider.AWS, "AWS EC2 tunnel options JSON", true),
    /** Azure Virtual WAN "Download VPN configuration" JSON (§2.1). */
    AZURE_VWAN_JSON(CloudProvider.AZURE, "Azure Virtual WAN JSON", true),
    /** Azure VPN Gateway "Download configuration" device script, header block (§2.2.1). */
    AZURE_DEVICE_SCRIPT(CloudProvider.AZURE, "Azure VPN Gateway device script", true),
    /** Azure ARM {@code Microsoft.Network/connections} JSON (§2.4). */
    AZURE_CONNECTION_JSON(CloudProvider.AZURE, "Azure ARM connection JSON", true),
    /** AWS XSLT stylesheet ({@code customer-gateway-generic.xslt}, §1.1): the source of a download; refused. */
    AWS_XSLT_TEMPLATE(CloudProvider.AWS, "AWS XSLT configuration template", false),
    /** Azure XSLT device template (§2.2.2): the source of a script, not a configuration; refused. */
    AZURE_XSLT_TEMPLATE(CloudProvider.AZURE, "Azure XSLT device template", false),
    /** GCP {@code compute#vpnTunnel} resource JSON, Classic or HA (§3). */
    GCP_VPN_TUNNEL_JSON(CloudProvider.GCP, "GCP compute#vpnTunnel JSON", true),
    /** The library's own JSON tunnel document ({@code io.ipsec4j.config.json}); not a cloud file. */
    IPSEC4J_TUNNEL_JSON(null, "ipsec4j tunnel JSON", false),
    /** strongSwan's swanctl.conf ({@code io.ipsec4j.config.strongswan}); not a cloud file. */
    STRONGSWAN_SWANCTL_CONF(null, "strongSwan swanctl.conf", false),
    /** strongSwan's legacy ipsec.conf with ipsec.secrets ({@code io.ipsec4j.config.strongswan}); not a cloud file. */
    STRONGSWAN_IPSEC_CONF(null, "strongSwan ipsec.conf", false),
    /** Not recognised (or not yet known when an error happened). */
    UNKNOWN(null, "unrecognised input", false);

    private final CloudProvider provider;
    private final String displayName;
    private final boolean importable;

    CloudConfigFormat(CloudProvider provider, String displayName, boolean importable) {
        this.provider = provider;
        this.displayName = displayName;
        this.importable = importable;
    }

    /** The provider, empty for {@link #UNKNOWN}. */
    public Optional<CloudProvider> provider() {
        return Optional.ofNullable(provider);
    }

    /** A human-readable name used in messages. */
    public String displayName() {
        return displayName;
    }

    /** True when a parser turns this format into tunnels. */
    public boolean isImportable() {
        return importable;
    }
}
