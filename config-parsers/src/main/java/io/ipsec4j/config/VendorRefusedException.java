package io.ipsec4j.config;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A writer of a cloud side's settings refused a tunnel: the vendor would reject what it would have
 * written (its vendor profile gave {@link Severity#ERROR} findings), or its API has no way to state a
 * value of the tunnel. The findings say which values and what the vendor accepts; like every finding
 * they never contain a secret.
 */
public final class VendorRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    /**
     * Creates an exception.
     *
     * @param vendor the vendor (or profile) name, for the message
     * @param tunnel the tunnel's name
     * @param findings the ERROR findings behind the refusal, at least one
     */
    public VendorRefusedException(String vendor, String tunnel, List<Finding> findings) {
        super(message(vendor, tunnel, findings));
        this.findings = List.copyOf(findings);
    }

    private static String message(String vendor, String tunnel, List<Finding> findings) {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(tunnel, "tunnel");
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one finding");
        }
        StringBuilder sb = new StringBuilder(vendor).append(" would refuse tunnel \"").append(tunnel).append("\" (")
                .append(findings.size()).append(findings.size() == 1 ? " finding)" : " findings)");
        for (Finding f : findings) {
            sb.append("; ").append(f.code()).append(' ').append(f.path()).append(": ").append(f.message());
        }
        return sb.toString();
    }

    /** The findings behind the refusal. */
    public List<Finding> findings() {
        return findings;
    }

    /** The ERROR findings of {@code findings}; throws when there are any. */
    public static void refuseOnErrors(String vendor, String tunnel, List<Finding> findings) throws VendorRefusedException {
        List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new VendorRefusedException(vendor, tunnel, errors);
        }
    }
}
