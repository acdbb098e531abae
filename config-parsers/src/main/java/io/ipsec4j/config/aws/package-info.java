/**
 * AWS Site-to-Site VPN inputs (CONFIG-FORMATS.md §1): the Generic text download in every wording
 * version, the {@code CustomerGatewayConfiguration} XML and the EC2 {@code describe-vpn-connections}
 * JSON, whose {@code TunnelOptions} state the real algorithm policy. Vendor-specific downloads are
 * recognised and refused with the name of the file to download instead.
 */
package io.ipsec4j.config.aws;
