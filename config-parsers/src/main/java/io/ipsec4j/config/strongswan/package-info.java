/**
 * strongSwan configuration both ways: {@link io.ipsec4j.config.strongswan.SwanctlWriter} writes model
 * tunnels as swanctl.conf (connections, and secrets on request);
 * {@link io.ipsec4j.config.strongswan.SwanctlReader} reads swanctl.conf and
 * {@link io.ipsec4j.config.strongswan.IpsecConfReader} the legacy ipsec.conf/ipsec.secrets (AWS's
 * strongSwan download among them) back into model tunnels with line-level findings
 * ({@link io.ipsec4j.config.strongswan.StrongSwanImport}). Secrets never appear in findings or
 * exception messages.
 */
package io.ipsec4j.config.strongswan;
