package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.config.TunnelImport;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import java.util.Objects;

/**
 * The result of reading a strongSwan configuration: the model tunnels (redundant pairs and single
 * tunnels) and every finding, each tied to the connection and line it concerns, as
 * {@link io.ipsec4j.config.CloudImport} does for cloud files (both are {@link TunnelImport}s).
 * Connections the model refuses are absent and explained by {@link Severity#ERROR} findings.
 * {@link #toString()} masks secrets.
 */
public final class StrongSwanImport extends TunnelImport {
    private final CloudConfigFormat format;

    StrongSwanImport(CloudConfigFormat format, List<RedundantTunnels> redundantPairs, List<Tunnel> singleTunnels,
            List<ImportFinding> findings) {
        super(redundantPairs, singleTunnels, findings);
        this.format = Objects.requireNonNull(format, "format");
    }

    /** {@link CloudConfigFormat#STRONGSWAN_SWANCTL_CONF} or {@link CloudConfigFormat#STRONGSWAN_IPSEC_CONF}. */
    public CloudConfigFormat format() {
        return format;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(format.displayName()).append(": ").append(redundantPairs().size())
                .append(" redundant pair(s), ").append(singleTunnels().size()).append(" single tunnel(s)");
        for (Tunnel t : allTunnels()) {
            sb.append("\n  tunnel ").append(t.name()).append(" on ").append(t.gateway()).append(" -> ")
                    .append(t.phaseOne().remotePublicIp()).append(" (").append(t.phaseOne().ikeVersion()).append(", ")
                    .append(t.routing()).append(')');
        }
        findings().forEach(f -> sb.append("\n  ").append(f));
        return sb.toString();
    }
}
