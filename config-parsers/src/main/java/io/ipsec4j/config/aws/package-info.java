/**
 * AWS Site-to-Site VPN inputs (CONFIG-FORMATS.md §1): the Generic text download in every wording
 * version, the {@code CustomerGatewayConfiguration} XML and the EC2 {@code describe-vpn-connections}
 * JSON, whose {@code TunnelOptions} state the real algorithm policy. Vendor-specific downloads are
 * recognised and refused with the name of the file to download instead. The other way,
 * {@link io.ipsec4j.config.aws.AwsTunnelOptionsWriter} writes a model tunnel as the tunnel options
 * request AWS accepts, which {@link io.ipsec4j.config.aws.AwsTunnelOptionsParser} reads back.
 */
package io.ipsec4j.config.aws;
