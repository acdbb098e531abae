/**
 * Azure inputs (CONFIG-FORMATS.md §2): the Virtual WAN "Download VPN configuration" JSON, the VPN
 * Gateway device script's header block and the ARM {@code Microsoft.Network/connections} resource.
 * XSLT device templates are recognised and refused. The other way,
 * {@link io.ipsec4j.config.azure.AzureIpsecPolicyWriter} writes a model tunnel as a connection's
 * custom IPsec/IKE policy (ARM JSON and {@code New-AzIpsecPolicy}).
 */
package io.ipsec4j.config.azure;
