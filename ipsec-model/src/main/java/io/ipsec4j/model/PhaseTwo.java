package io.ipsec4j.model;

import io.ipsec4j.model.algorithm.EspProposal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Phase II of a tunnel: the CHILD (ESP) SA's traffic selectors, lifetime, dead peer detection,
 * proposals, mode and replay window.
 *
 * <p>Local subnets are the SASE side's "gateway proposal subnets"; remote subnets are the other
 * end's. The peer must see them mirrored: our local subnets are its remote subnets.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.9">RFC 7296 §2.9</a>
 */
@Value.Immutable
@ValueStyle
public abstract class PhaseTwo {
    /** CHILD SA lifetime used when none is given: 1 hour. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** Largest replay window accepted, in packets. */
    public static final int MAX_REPLAY_WINDOW = 65536;

    /** Our side's traffic selectors. */
    public abstract List<TrafficSelector> localSubnets();

    /** The other side's traffic selectors. */
    public abstract List<TrafficSelector> remoteSubnets();

    @Value.Default
    public Lifetime lifetime() {
        return Lifetime.of(DEFAULT_LIFETIME);
    }

    /** Dead peer detection; empty means disabled. */
    public abstract Optional<Dpd> dpd();

    /** ESP proposals, most preferred first; at least one. */
    public abstract List<EspProposal> proposals();

    @Value.Default
    public EspMode mode() {
        return EspMode.TUNNEL;
    }

    /**
     * Anti-replay window in packets; 0 turns anti-replay off. Defaults to 64, which RFC 4303
     * §3.4.3 says "SHOULD be employed as the default" (strongSwan uses 32; AWS requires 64..2048).
     */
    @Value.Default
    public int replayWindow() {
        return 64;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PhaseTwo} values. */
    public static final class Builder extends ImmutablePhaseTwo.Builder {}

    @Value.Check
    void check() {
        List<Finding> errors = new ArrayList<>();
        if (proposals().isEmpty()) {
            errors.add(Finding.error("NO_ESP_PROPOSAL", "phaseTwo.proposals", "at least one ESP proposal is needed"));
        }
        if (replayWindow() < 0 || replayWindow() > MAX_REPLAY_WINDOW) {
            errors.add(Finding.error("REPLAY_WINDOW_RANGE", "phaseTwo.replayWindow",
                    "replay window " + replayWindow() + " (expected: 0.." + MAX_REPLAY_WINDOW + ")"));
        }
        checkDistinct(localSubnets(), "phaseTwo.localSubnets", errors);
        checkDistinct(remoteSubnets(), "phaseTwo.remoteSubnets", errors);
        if (!errors.isEmpty()) {
            throw new ModelValidationException("invalid Phase II", errors);
        }
    }

    private static void checkDistinct(List<TrafficSelector> selectors, String path, List<Finding> errors) {
        for (int i = 0; i < selectors.size(); i++) {
            if (selectors.indexOf(selectors.get(i)) != i) {
                errors.add(Finding.error("DUPLICATE_SELECTOR", path + "[" + i + "]",
                        "selector " + selectors.get(i) + " is listed twice"));
            }
        }
    }
}
