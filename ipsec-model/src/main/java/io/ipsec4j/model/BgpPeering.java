package io.ipsec4j.model;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The BGP session run over a route-based tunnel: our ASN, the peer's ASN, both BGP addresses, how
 * they reach each other and the hold time.
 *
 * <p>{@link BgpPeeringKind#INSIDE} (the default) peers between the tunnel interface's addresses:
 * the neighbour is the remote inside address and our address, when given, the local one.
 * {@link BgpPeeringKind#MULTIHOP} peers between addresses routed through the tunnel (Azure's hub
 * instance or APIPA addresses with the site's one BGP address): our address is then required and
 * the session is eBGP multihop with {@link #multihopTtl()}. Which addresses the tunnel must carry is
 * checked by {@link Tunnel}; the rules of this value alone are checked here.
 *
 * <pre>{@code
 * BgpPeering azure = BgpPeering.builder().localAsn(Asn.of(65101)).peerAsn(Asn.of(65515))
 *     .kind(BgpPeeringKind.MULTIHOP)
 *     .localAddress(IpAddress.parse("172.21.1.154")).neighbor(IpAddress.parse("172.21.101.4")).build();
 * }</pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4271#section-4.2">RFC 4271 §4.2</a> (hold time)
 */
@Value.Immutable
@ValueStyle
public abstract class BgpPeering {
    /** Largest IP TTL, the usual {@code ebgp-multihop} value when no hop count is known. */
    public static final int MAX_TTL = 255;

    /** Our ASN (the SASE side; the "customer gateway ASN" in AWS files). */
    public abstract Asn localAsn();

    /** The peer's ASN (e.g. AWS 64512, Azure 65515). */
    public abstract Asn peerAsn();

    /** How the speakers reach each other; {@link BgpPeeringKind#INSIDE} by default. */
    @Value.Default
    public BgpPeeringKind kind() {
        return BgpPeeringKind.INSIDE;
    }

    /**
     * Our BGP address (the session's source, "update-source"). Optional for inside peering, where it
     * is the local inside address; required for multihop peering.
     */
    public abstract Optional<IpAddress> localAddress();

    /** The BGP neighbour: the peer's inside address, or for multihop its address routed through the tunnel. */
    public abstract IpAddress neighbor();

    /**
     * The TTL of our BGP packets when peering multihop ({@code ebgp-multihop}): 2..255, 255 by
     * default, as Azure's device samples set. Inside peering always sends TTL 1 ({@link #ttl()}), so
     * for it this value is normalised to 255, and a peering copied with another kind keeps a valid TTL.
     */
    @Value.Default
    public int multihopTtl() {
        return MAX_TTL;
    }

    /** The TTL our BGP packets leave with: 1 over the inside network, {@link #multihopTtl()} multihop. */
    public int ttl() {
        return kind() == BgpPeeringKind.INSIDE ? 1 : multihopTtl();
    }

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
    BgpPeering check() {
        long hold = holdTime().toSeconds();
        if (holdTime().isNegative() || holdTime().getNano() != 0 || (hold != 0 && (hold < 3 || hold > 65535))) {
            throw new IllegalArgumentException(
                    "BGP hold time: " + holdTime() + " (expected: 0 or 3..65535 whole seconds, RFC 4271 §4.2)");
        }
        if (multihopTtl() < 2 || multihopTtl() > MAX_TTL) {
            throw new IllegalArgumentException("BGP multihop TTL: " + multihopTtl() + " (expected: 2..255)");
        }
        if (kind() == BgpPeeringKind.MULTIHOP) {
            if (localAddress().isEmpty()) {
                throw new IllegalArgumentException("BGP multihop peering with " + neighbor()
                        + " needs our local BGP address (the session's source)");
            }
        }
        localAddress().ifPresent(local -> {
            if (local.family() != neighbor().family()) {
                throw new IllegalArgumentException("BGP addresses: local " + local + " and neighbour " + neighbor()
                        + " (expected: one address family)");
            }
            if (local.equals(neighbor())) {
                throw new IllegalArgumentException("BGP addresses: local and neighbour are both " + local);
            }
        });
        return kind() == BgpPeeringKind.INSIDE && multihopTtl() != MAX_TTL
                ? builder().from(this).multihopTtl(MAX_TTL).build() : this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BGP{local AS").append(localAsn());
        localAddress().ifPresent(a -> sb.append(" at ").append(a));
        sb.append(", peer AS").append(peerAsn()).append(" at ").append(neighbor());
        if (kind() == BgpPeeringKind.MULTIHOP) {
            sb.append(", multihop TTL ").append(multihopTtl());
        }
        return sb.append(", hold ").append(holdTime().toSeconds()).append("s}").toString();
    }
}
