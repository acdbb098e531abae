/**
 * strongSwan configuration both ways: {@link io.ipsec4j.config.strongswan.SwanctlWriter} writes model
 * tunnels as swanctl.conf (connections, and secrets on request);
 * {@link io.ipsec4j.config.strongswan.SwanctlReader} reads swanctl.conf back into model tunnels with
 * line-level findings ({@link io.ipsec4j.config.strongswan.StrongSwanImport}).
 */
package io.ipsec4j.config.strongswan;
