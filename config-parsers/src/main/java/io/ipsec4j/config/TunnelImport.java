package io.ipsec4j.config;

import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.List;

/**
 * What every import gives: the model tunnels (redundant pairs and single tunnels) and every finding,
 * each tied to its input position.
 *
 * <p>Tunnels the model refuses are absent and explained by {@link Severity#ERROR} findings.
 * {@link CloudImport} (cloud files) and {@code StrongSwanImport} (strongSwan configurations) add
 * where the tunnels came from. {@link #toString()} of every kind masks secrets.
 */
public abstract class TunnelImport {
    private final List<RedundantTunnels> redundantPairs;
    private final List<Tunnel> singleTunnels;
    private final List<ImportFinding> findings;

    /** Copies the three lists. */
    protected TunnelImport(List<RedundantTunnels> redundantPairs, List<Tunnel> singleTunnels,
            List<ImportFinding> findings) {
        this.redundantPairs = List.copyOf(redundantPairs);
        this.singleTunnels = List.copyOf(singleTunnels);
        this.findings = List.copyOf(findings);
    }

    /** The redundant pairs (two route-based tunnels with BGP, on two gateways). */
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

    /** All findings, in input order. */
    public List<ImportFinding> findings() {
        return findings;
    }

    /** The findings of {@code severity}. */
    public List<ImportFinding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** True when some tunnel could not be built or a profile refuses a value. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
