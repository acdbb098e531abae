package io.ipsec4j.model.check;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link Compatibility#compare} found between the two ends of a tunnel: every mismatch as a
 * {@link Finding} with both values, and whether the tunnel can come up at all.
 */
public final class CompatibilityReport {
    private final List<Finding> findings;

    CompatibilityReport(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    /** All findings, errors first, in the order the tunnel's life meets them. */
    public List<Finding> findings() {
        return findings;
    }

    /** Findings of one severity. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).collect(Collectors.toList());
    }

    /** True when nothing is an {@link Severity#ERROR}: the tunnel comes up and stays up. */
    public boolean isCompatible() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The earliest phase that fails, e.g. {@link Phase#PHASE_1}. */
    public Optional<Phase> firstFailingPhase() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::phase)
                .min(Comparator.naturalOrder());
    }

    /** A readable multi-line report: a verdict line, then one line per finding. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        if (isCompatible()) {
            sb.append("compatible");
            long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
            if (warnings > 0) {
                sb.append(" (").append(warnings).append(warnings == 1 ? " warning)" : " warnings)");
            }
        } else {
            sb.append("NOT compatible: ").append(firstFailingPhase().map(Phase::displayName).orElse("?")).append(" fails");
        }
        sb.append('\n');
        for (Finding f : findings) {
            sb.append("  ").append(f).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
