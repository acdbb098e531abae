package io.ipsec4j.config;

/** The cloud whose file or API object describes the remote half of a tunnel pair. */
public enum CloudProvider {
    /** Amazon Web Services Site-to-Site VPN. */
    AWS("AWS"),
    /** Microsoft Azure VPN Gateway and Virtual WAN. */
    AZURE("Azure"),
    /** Google Cloud VPN (Classic and HA). */
    GCP("GCP");

    private final String displayName;

    CloudProvider(String displayName) {
        this.displayName = displayName;
    }

    /** The name users know the provider by. */
    public String displayName() {
        return displayName;
    }
}
