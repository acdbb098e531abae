package io.ipsec4j.config;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Severity;
import java.util.Objects;

/**
 * One finding of an import: a model validation error or warning, a vendor profile's rule, or a
 * note of the mapping itself, tied to the tunnel it concerns and to the position in the input
 * where the offending value came from.
 *
 * @param finding the finding, as the model or a profile reported it (never containing a secret)
 * @param origin who reported it: {@code import}, {@code model}, or a vendor profile's name
 * @param group the tunnel group ({@link CloudTunnel#group()})
 * @param tunnelNumber the tunnel within the group, or 0 for the pair as a whole
 * @param location where the value came from in the input
 */
public record ImportFinding(Finding finding, String origin, String group, int tunnelNumber, SourceLocation location) {
    /** Validates the components. */
    public ImportFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(location, "location");
    }

    /** The finding's severity. */
    public Severity severity() {
        return finding.severity();
    }

    /** {@code ERROR [Harmony SASE] branch2 -> hub 1, tunnel 1, at JSON pointer /0/…: PASSPHRASE …}. */
    @Override
    public String toString() {
        return finding.severity() + " [" + origin + "] " + group + (tunnelNumber > 0 ? ", tunnel " + tunnelNumber : "")
                + (location.isUnknown() ? "" : ", at " + location) + ": " + finding.code() + " " + finding.path()
                + ": " + finding.message();
    }
}
