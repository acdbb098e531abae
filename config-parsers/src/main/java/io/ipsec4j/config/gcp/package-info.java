/** GCP Cloud VPN input (CONFIG-FORMATS.md §3): the {@code compute#vpnTunnel} resource, Classic or HA. */
package io.ipsec4j.config.gcp;
