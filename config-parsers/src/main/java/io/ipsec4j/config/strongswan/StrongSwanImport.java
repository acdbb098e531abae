package io.ipsec4j.config.strongswan;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of reading a strongSwan configuration: the model tunnels (redundant pairs and single
 * tunnels) and every finding, each tied to the connection and line it concerns, as
 * {@link io.ipsec4j.config.CloudImport} does for cloud files. Connections the model refuses are
 * absent and explained by {@link Severity#ERROR} findings. {@link #toString()} masks secrets.
 */
public final class StrongSwanImport {
    private final CloudConfigFormat format;
    private final List<RedundantTunnels> redundantPairs;
    private final List<Tunnel> singleTunnels;
    private final List<ImportFinding> findings;

    StrongSwanImport(CloudConfigFormat format, List<RedundantTunnels> redundantPairs, List<Tunnel> singleTunnels,
            List<ImportFinding> findings) {
        this.format = Objects.requireNonNull(format, "format");
        this.redundantPairs = List.copyOf(redundantPairs);
        this.singleTunnels = List.copyOf(singleTunnels);
        this.findings = List.copyOf(findings);
    }

    /** {@link CloudConfigFormat#STRONGSWAN_SWANCTL_CONF} or {@link CloudConfigFormat#STRONGSWAN_IPSEC_CONF}. */
    public CloudConfigFormat format() {
        return format;
    }

    /** Pairs of route-based tunnels marked as one pair, each with BGP. */
    public List<RedundantTunnels> redundantPairs() {
        return redundantPairs;
    }

    /** The tunnels that are not part of a pair. */
    public List<Tunnel> singleTunnels() {
        return singleTunnels;
    }

    /** Every tunnel built, pairs first. */
    public List<Tunnel> allTunnels() {
        List<Tunnel> out = new ArrayList<>();
        redundantPairs.forEach(p -> out.addAll(p.tunnels()));
        out.addAll(singleTunnels);
        return List.copyOf(out);
    }

    /** All findings, in file order. */
    public List<ImportFinding> findings() {
        return findings;
    }

    /** The findings of {@code severity}. */
    public List<ImportFinding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** True when some connection could not be imported. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(format.displayName()).append(": ").append(redundantPairs.size())
                .append(" redundant pair(s), ").append(singleTunnels.size()).append(" single tunnel(s)");
        for (Tunnel t : allTunnels()) {
            sb.append("\n  tunnel ").append(t.name()).append(" on ").append(t.gateway()).append(" -> ")
                    .append(t.phaseOne().remotePublicIp()).append(" (").append(t.phaseOne().ikeVersion()).append(", ")
                    .append(t.routing()).append(')');
        }
        findings.forEach(f -> sb.append("\n  ").append(f));
        return sb.toString();
    }
}
