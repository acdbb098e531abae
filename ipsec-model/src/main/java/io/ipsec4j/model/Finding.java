package io.ipsec4j.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One result of validation, a vendor profile check or a compatibility comparison: what field,
 * how bad, which phase it breaks, and a sentence a network engineer understands.
 *
 * <p>{@link #code()} is a stable identifier for programs (e.g. {@code PFS_MISMATCH});
 * {@link #path()} names the field as in the model ({@code phaseTwo.proposals}); the values are
 * rendered as text and never contain a secret.
 */
@Value.Immutable
@ValueStyle
public abstract class Finding {
    /** Stable identifier, upper snake case. */
    public abstract String code();

    public abstract Severity severity();

    /** The field, e.g. {@code phaseOne.lifetime} or {@code tunnel2.bgp.peerAsn}. */
    public abstract String path();

    /** What is wrong and why it matters, in one or two sentences. */
    public abstract String message();

    /** The phase that fails because of this, if any. */
    @Value.Default
    public Phase phase() {
        return Phase.NONE;
    }

    /** Our value (compatibility) or the checked value (profiles). */
    public abstract Optional<String> localValue();

    /** The other end's value (compatibility only). */
    public abstract Optional<String> remoteValue();

    /** What would be accepted (profiles), e.g. {@code 900..28800 s}. */
    public abstract Optional<String> allowed();

    public static Builder builder() {
        return new Builder();
    }

    public static Finding error(String code, String path, String message) {
        return builder().code(code).severity(Severity.ERROR).path(path).message(message).build();
    }

    public static Finding warning(String code, String path, String message) {
        return builder().code(code).severity(Severity.WARNING).path(path).message(message).build();
    }

    public static Finding info(String code, String path, String message) {
        return builder().code(code).severity(Severity.INFO).path(path).message(message).build();
    }

    /** This finding with {@code prefix.} in front of its path (for tunnels inside a pair). */
    public Finding withPathPrefix(String prefix) {
        return builder().from(this).path(prefix + "." + path()).build();
    }

    /** Builds {@link Finding} values. */
    public static final class Builder extends ImmutableFinding.Builder {}

    @Value.Check
    void check() {
        if (code().isBlank() || path().isBlank() || message().isBlank()) {
            throw new IllegalArgumentException("finding: code, path and message must not be blank");
        }
    }

    /** {@code WARNING phaseTwo.lifetime [Phase II]: message (ours: x, theirs: y; allowed: z)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(severity()).append(' ').append(path());
        if (phase() != Phase.NONE) {
            sb.append(" [").append(phase().displayName()).append(']');
        }
        sb.append(": ").append(message());
        StringBuilder extra = new StringBuilder();
        localValue().ifPresent(v -> extra.append(remoteValue().isPresent() ? "ours: " : "value: ").append(v));
        remoteValue().ifPresent(v -> extra.append(extra.length() > 0 ? ", " : "").append("theirs: ").append(v));
        allowed().ifPresent(v -> extra.append(extra.length() > 0 ? "; " : "").append("allowed: ").append(v));
        if (extra.length() > 0) {
            sb.append(" (").append(extra).append(')');
        }
        return sb.toString();
    }
}
