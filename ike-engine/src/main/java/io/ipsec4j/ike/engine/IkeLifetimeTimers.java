package io.ipsec4j.ike.engine;

import io.ipsec4j.model.Lifetime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When to rekey the IKE SA and each CHILD SA, and when the IKE SA must be re-authenticated, from
 * the tunnel's lifetimes.
 *
 * <p>An SA is rekeyed at {@code time − margin − random(0, margin × fuzz%)} after it was created
 * (the model's {@link Lifetime}; without a margin, a tenth of the lifetime), the random part
 * drawn from the session's injected source so that two ends seldom rekey at once; RFC 7296 §2.8:
 * lifetimes are not negotiated, each end rekeys by its own. A failed IKE SA rekey is retried
 * after {@link #RETRY}; at the end of the IKE lifetime the SA expires (re-authentication due).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.8">RFC 7296 §2.8</a>
 */
final class IkeLifetimeTimers {
    /** Delay before a failed IKE SA rekey is tried again. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final Lifetime ike;
    private final Lifetime child;
    private final SecureRandom random;
    private final Map<Integer, Instant> childRekeyAt = new HashMap<>();
    private Instant ikeRekeyAt;
    private Instant ikeExpireAt;

    IkeLifetimeTimers(Lifetime ike, Lifetime child, SecureRandom random) {
        this.ike = ike;
        this.child = child;
        this.random = random;
    }

    /** The IKE SA was established or rekeyed at {@code now}. */
    void ikeSaCreated(Instant now) {
        ikeRekeyAt = rekeyAt(ike, now, random);
        ikeExpireAt = now.plus(ike.time());
    }

    /** Our IKE SA rekey failed: try again soon, but not past the SA's end. */
    void ikeRekeyFailed(Instant now) {
        ikeRekeyAt = now.plus(RETRY);
    }

    void childCreated(int inboundSpi, Instant now) {
        childRekeyAt.put(inboundSpi, rekeyAt(child, now, random));
    }

    void childGone(int inboundSpi) {
        childRekeyAt.remove(inboundSpi);
    }

    /** Returns when the next timer is due. */
    Optional<Instant> timeout() {
        Instant t = ikeExpireAt;
        for (Instant other : childRekeyAt.values()) {
            t = t == null || other.isBefore(t) ? other : t;
        }
        if (ikeRekeyAt != null && (t == null || ikeRekeyAt.isBefore(t))) {
            t = ikeRekeyAt;
        }
        return Optional.ofNullable(t);
    }

    boolean ikeExpired(Instant now) {
        return ikeExpireAt != null && !now.isBefore(ikeExpireAt);
    }

    /** Returns {@code true} once when the IKE SA rekey is due. */
    boolean takeIkeRekey(Instant now) {
        if (ikeRekeyAt != null && !now.isBefore(ikeRekeyAt)) {
            ikeRekeyAt = null;
            return true;
        }
        return false;
    }

    /** Returns the inbound SPI of a CHILD SA whose rekey is due, forgetting its timer, or empty. */
    Optional<Integer> takeChildRekey(Instant now) {
        Optional<Integer> due = childRekeyAt.entrySet().stream().filter(e -> !now.isBefore(e.getValue()))
                .map(Map.Entry::getKey).findFirst();
        due.ifPresent(childRekeyAt::remove);
        return due;
    }

    /** Returns the rekey time of an SA created at {@code from} (the class comment gives the rule). */
    static Instant rekeyAt(Lifetime lifetime, Instant from, SecureRandom random) {
        Duration margin = lifetime.rekeyMargin().orElse(lifetime.time().dividedBy(10));
        long fuzzMillis = margin.toMillis() * lifetime.rekeyFuzzPercent() / 100;
        long extra = fuzzMillis <= 0 ? 0 : (long) (random.nextDouble() * fuzzMillis);
        Duration before = margin.plusMillis(extra);
        if (before.compareTo(lifetime.time()) >= 0) {
            before = lifetime.time().dividedBy(2); // the model's check keeps margins below the lifetime
        }
        return from.plus(lifetime.time()).minus(before);
    }
}
