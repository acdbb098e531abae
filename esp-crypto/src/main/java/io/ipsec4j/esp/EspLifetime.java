package io.ipsec4j.esp;

import io.ipsec4j.model.Lifetime;
import java.time.Duration;
import java.util.Objects;

/**
 * Soft and hard lifetime limits of an SA in bytes, packets and time; 0 means "no limit". Reaching a
 * soft limit makes {@link EspSa#lifetimeState()} report {@link EspLifetimeState#REKEY}; reaching a
 * hard one makes the SA refuse packets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4301#section-4.4.2.1">RFC 4301 §4.4.2.1</a>
 */
public final class EspLifetime {
    private static final EspLifetime UNLIMITED = new EspLifetime(0, 0, 0, 0, 0, 0);
    /** Soft limits derived from a model lifetime without a rekey margin sit at 90 % of the hard one. */
    private static final int DEFAULT_SOFT_PERCENT = 90;

    private final long softBytes;
    private final long hardBytes;
    private final long softPackets;
    private final long hardPackets;
    private final long softNanos;
    private final long hardNanos;

    private EspLifetime(long softBytes, long hardBytes, long softPackets, long hardPackets, long softNanos,
            long hardNanos) {
        this.softBytes = softBytes;
        this.hardBytes = hardBytes;
        this.softPackets = softPackets;
        this.hardPackets = hardPackets;
        this.softNanos = softNanos;
        this.hardNanos = hardNanos;
    }

    /** Returns the lifetime without limits. */
    public static EspLifetime unlimited() {
        return UNLIMITED;
    }

    /**
     * Returns the limits of a tunnel's {@link Lifetime}: its time, bytes and packets are hard limits;
     * soft limits are the hard time minus the rekey margin, else 90 % of each hard limit.
     */
    public static EspLifetime from(Lifetime lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        long hardNanos = lifetime.time().toNanos();
        long softNanos = lifetime.rekeyMargin().map(m -> Math.max(0, hardNanos - m.toNanos()))
                .orElse(hardNanos / 100 * DEFAULT_SOFT_PERCENT);
        long hardBytes = lifetime.bytes().orElse(0);
        long hardPackets = lifetime.packets().orElse(0);
        return new EspLifetime(hardBytes / 100 * DEFAULT_SOFT_PERCENT, hardBytes,
                hardPackets / 100 * DEFAULT_SOFT_PERCENT, hardPackets, softNanos, hardNanos);
    }

    /** Returns a copy with byte limits ({@code soft <= hard}, 0 = none). */
    public EspLifetime withBytes(long soft, long hard) {
        check("bytes", soft, hard);
        return new EspLifetime(soft, hard, softPackets, hardPackets, softNanos, hardNanos);
    }

    /** Returns a copy with packet limits ({@code soft <= hard}, 0 = none). */
    public EspLifetime withPackets(long soft, long hard) {
        check("packets", soft, hard);
        return new EspLifetime(softBytes, hardBytes, soft, hard, softNanos, hardNanos);
    }

    /** Returns a copy with time limits ({@link Duration#ZERO} = none). */
    public EspLifetime withTime(Duration soft, Duration hard) {
        check("time", soft.toNanos(), hard.toNanos());
        return new EspLifetime(softBytes, hardBytes, softPackets, hardPackets, soft.toNanos(), hard.toNanos());
    }

    private static void check(String what, long soft, long hard) {
        if (soft < 0 || hard < 0 || (hard > 0 && soft > hard)) {
            throw new IllegalArgumentException(what + " lifetime: soft " + soft + ", hard " + hard
                    + " (expected: 0 <= soft <= hard, 0 = no limit)");
        }
    }

    long softBytes() {
        return softBytes;
    }

    long hardBytes() {
        return hardBytes;
    }

    long softPackets() {
        return softPackets;
    }

    long hardPackets() {
        return hardPackets;
    }

    long softNanos() {
        return softNanos;
    }

    long hardNanos() {
        return hardNanos;
    }

    /** Returns the state for the given usage. */
    EspLifetimeState state(long bytes, long packets, long ageNanos) {
        if (reached(hardBytes, bytes) || reached(hardPackets, packets) || reached(hardNanos, ageNanos)) {
            return EspLifetimeState.EXPIRED;
        }
        if (reached(softBytes, bytes) || reached(softPackets, packets) || reached(softNanos, ageNanos)) {
            return EspLifetimeState.REKEY;
        }
        return EspLifetimeState.ACTIVE;
    }

    private static boolean reached(long limit, long value) {
        return limit > 0 && value >= limit;
    }

    @Override
    public String toString() {
        return "EspLifetime[bytes " + softBytes + "/" + hardBytes + ", packets " + softPackets + "/" + hardPackets
                + ", time " + Duration.ofNanos(softNanos) + "/" + Duration.ofNanos(hardNanos) + "]";
    }
}
