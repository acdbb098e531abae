package io.ipsec4j.config.strongswan;

import io.ipsec4j.model.Lifetime;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * strongSwan time values ({@code 30}, {@code 90s}, {@code 30m}, {@code 8h}, {@code 1d}) and the mapping
 * between the model's {@link Lifetime} (hard limit, rekey margin, fuzz) and swanctl's
 * {@code rekey_time}/{@code over_time}/{@code life_time}/{@code rand_time}.
 *
 * <p>strongSwan rekeys at {@code rekey_time − random(0, rand_time)} and ends the SA at
 * {@code rekey_time + over_time} (IKE) or {@code life_time} (CHILD); ipsec.conf's
 * {@code lifetime}/{@code margintime}/{@code rekeyfuzz} map to these the same way. So a model lifetime
 * {@code time} with margin {@code m} and fuzz {@code f}% is {@code rekey_time = time − m},
 * hard limit {@code time}, {@code rand_time = m·f/100}. Without a margin (the implementation's default)
 * the split is {@code rekey_time = time − time/10}, close to swanctl's own 10&nbsp;% default, and no
 * {@code rand_time} is written: its absence reads back as "no margin set".
 */
final class SwanctlTimes {
    /** Largest time value accepted: ten years, far above any SA lifetime. */
    static final long MAX_SECONDS = 10L * 366 * 86400;

    private SwanctlTimes() {}

    /** {@code 3600s}. */
    static String format(Duration d) {
        return d.toSeconds() + "s";
    }

    /** Reads a time value; empty when it is not one. */
    static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 20) {
            return Optional.empty();
        }
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 's' || last == 'm' || last == 'h' || last == 'd') {
            unit = last == 's' ? 1 : last == 'm' ? 60 : last == 'h' ? 3600 : 86400;
            t = t.substring(0, t.length() - 1).strip();
        }
        OptionalLong n = number(t);
        if (n.isEmpty() || n.getAsLong() > MAX_SECONDS / unit) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(n.getAsLong() * unit));
    }

    /** A non-negative decimal number of at most 18 digits. */
    static OptionalLong number(String t) {
        if (t.isEmpty() || t.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(t));
    }

    /** The three swanctl values of a lifetime: rekey time, the rest up to the hard limit, rand time (or empty). */
    record Split(Duration rekey, Duration over, Optional<Duration> rand) {}

    static Split split(Lifetime l) {
        long time = l.time().toSeconds();
        if (l.rekeyMargin().isEmpty()) {
            long over = time / 10;
            return new Split(Duration.ofSeconds(time - over), Duration.ofSeconds(over), Optional.empty());
        }
        long margin = l.rekeyMargin().get().toSeconds();
        long rand = Math.round(margin * (double) l.rekeyFuzzPercent() / 100.0);
        return new Split(Duration.ofSeconds(time - margin), Duration.ofSeconds(margin), Optional.of(Duration.ofSeconds(rand)));
    }

    /** The model lifetime of a rekey time, the span after it to the hard limit and an optional rand time. */
    static Lifetime join(Duration rekey, Duration over, Optional<Duration> rand, OptionalLong bytes, OptionalLong packets) {
        Lifetime.Builder b = Lifetime.builder().time(rekey.plus(over));
        bytes.ifPresent(b::bytes);
        packets.ifPresent(b::packets);
        if (rand.isPresent()) {
            b.rekeyMargin(over);
            if (!over.isZero()) {
                b.rekeyFuzzPercent((int) Math.min(1000, Math.round(rand.get().toMillis() * 100.0 / over.toMillis())));
            }
        }
        return b.build();
    }
}
