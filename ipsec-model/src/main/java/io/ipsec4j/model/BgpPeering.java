package io.ipsec4j.model;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The BGP session run over a route-based tunnel: our ASN, the peer's ASN, the neighbour address
 * (the peer's inside tunnel address) and the hold time.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4271#section-4.2">RFC 4271 §4.2</a> (hold time)
 */
@Value.Immutable
@ValueStyle
public abstract class BgpPeering {
    /** Our ASN (the SASE side; the "customer gateway ASN" in AWS files). */
    public abstract Asn localAsn();

    /** The peer's ASN (e.g. AWS 64512, Azure 65515). */
    public abstract Asn peerAsn();

    /** The BGP neighbour: the peer's inside tunnel address. */
    public abstract IpAddress neighbor();

    /** Hold time: 0 (no keepalives) or 3..65535 seconds; 30 s by default, as AWS uses. */
    @Value.Default
    public Duration holdTime() {
        return Duration.ofSeconds(30);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BgpPeering} values. */
    public static final class Builder extends ImmutableBgpPeering.Builder {}

    @Value.Check
    void check() {
        long hold = holdTime().toSeconds();
        if (holdTime().isNegative() || holdTime().getNano() != 0 || (hold != 0 && (hold < 3 || hold > 65535))) {
            throw new IllegalArgumentException(
                    "BGP hold time: " + holdTime() + " (expected: 0 or 3..65535 whole seconds, RFC 4271 §4.2)");
        }
    }

    @Override
    public String toString() {
        return "BGP{local AS" + localAsn() + ", peer AS" + peerAsn() + " at " + neighbor()
                + ", hold " + holdTime().toSeconds() + "s}";
    }
}
