package io.ipsec4j.model;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How long an SA lives: a hard time limit, optional byte and packet limits, and when to rekey.
 *
 * <p>An end rekeys at {@code time − margin − random(0, margin × fuzz%)} (strongSwan's scheme, and
 * AWS's "rekey margin" and "rekey fuzz" options), so margin × (1 + fuzz%) must stay below the
 * lifetime. Lifetimes are not negotiated in IKEv2 (RFC 7296 §2.8): each end applies its own, and
 * the shorter one decides when the SA is replaced.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.8">RFC 7296 §2.8</a>
 */
@Value.Immutable
@ValueStyle
public abstract class Lifetime {
    /** The hard time limit. */
    public abstract Duration time();

    /** Optional hard limit in bytes (IPsec SAs). */
    public abstract OptionalLong bytes();

    /** Optional hard limit in packets (IPsec SAs). */
    public abstract OptionalLong packets();

    /** How long before {@link #time()} to start rekeying; empty means the implementation's default. */
    public abstract Optional<Duration> rekeyMargin();

    /** Random extra margin, as a percentage of the margin (0..1000; AWS allows 0..100). */
    @Value.Default
    public int rekeyFuzzPercent() {
        return 100;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A time-only lifetime with the default margin. */
    public static Lifetime of(Duration time) {
        return builder().time(time).build();
    }

    public static Lifetime ofSeconds(long seconds) {
        return of(Duration.ofSeconds(seconds));
    }

    /** Builds {@link Lifetime} values. */
    public static final class Builder extends ImmutableLifetime.Builder {}

    @Value.Check
    void check() {
        if (time().isNegative() || time().isZero()) {
            throw new IllegalArgumentException("lifetime: " + time().toSeconds() + "s (expected: > 0)");
        }
        if (bytes().isPresent() && bytes().getAsLong() <= 0) {
            throw new IllegalArgumentException("lifetime bytes: " + bytes().getAsLong() + " (expected: > 0)");
        }
        if (packets().isPresent() && packets().getAsLong() <= 0) {
            throw new IllegalArgumentException("lifetime packets: " + packets().getAsLong() + " (expected: > 0)");
        }
        if (rekeyFuzzPercent() < 0 || rekeyFuzzPercent() > 1000) {
            throw new IllegalArgumentException("rekey fuzz: " + rekeyFuzzPercent() + "% (expected: 0..1000)");
        }
        if (rekeyMargin().isPresent()) {
            Duration margin = rekeyMargin().get();
            if (margin.isNegative()) {
                throw new IllegalArgumentException("rekey margin: " + margin.toSeconds() + "s (expected: >= 0)");
            }
            Duration worst = margin.plus(margin.multipliedBy(rekeyFuzzPercent()).dividedBy(100));
            if (worst.compareTo(time()) >= 0) {
                throw new IllegalArgumentException("rekey margin " + margin.toSeconds() + "s with fuzz "
                        + rekeyFuzzPercent() + "% reaches " + worst.toSeconds() + "s (expected: < lifetime "
                        + time().toSeconds() + "s)");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(time().toSeconds()).append('s');
        bytes().ifPresent(b -> sb.append(", ").append(b).append(" bytes"));
        packets().ifPresent(p -> sb.append(", ").append(p).append(" packets"));
        rekeyMargin().ifPresent(m -> sb.append(", margin ").append(m.toSeconds()).append('s')
                .append(" fuzz ").append(rekeyFuzzPercent()).append('%'));
        return sb.toString();
    }
}
