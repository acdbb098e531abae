package io.ipsec4j.model.check;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Tunnel;
import java.util.ArrayList;
import java.util.List;

/**
 * What one vendor accepts for a site-to-site tunnel: its algorithm lists, lifetimes, DPD, shared
 * secret, inside addresses and BGP rules, checked against a model {@link Tunnel}.
 *
 * <p>A tunnel model is vendor-neutral and valid by construction; a vendor accepts only part of
 * that space. {@link #check(Tunnel)} lists every difference as a {@link Finding}: an
 * {@link io.ipsec4j.model.Severity#ERROR ERROR} for a value the vendor refuses, a
 * {@link io.ipsec4j.model.Severity#WARNING WARNING} for one it accepts but discourages, or that its
 * settings cannot express. Each finding names the field ({@code phaseOne.proposals[0].encryption}),
 * the value and the accepted values spelled the vendor's way, and never contains the shared secret.
 * The profiles are in {@link VendorProfiles}.
 *
 * <pre>{@code
 * List<Finding> problems = VendorProfiles.AWS.check(tunnel);
 * }</pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a> (proposals)
 */
public interface VendorProfile {
    /** The vendor and product, as used in messages: {@code AWS}, {@code Azure VPN Gateway}. */
    String name();

    /** Every rule of this vendor that {@code tunnel} breaks; empty when the vendor accepts it as is. */
    List<Finding> check(Tunnel tunnel);

    /**
     * Both tunnels of a redundant pair (paths prefixed {@code tunnel1.} and {@code tunnel2.}) and
     * the rules about the pair as a whole ({@link #checkPair(RedundantTunnels)}).
     */
    default List<Finding> check(RedundantTunnels pair) {
        List<Finding> out = new ArrayList<>();
        check(pair.tunnel1()).forEach(f -> out.add(f.withPathPrefix("tunnel1")));
        check(pair.tunnel2()).forEach(f -> out.add(f.withPathPrefix("tunnel2")));
        out.addAll(checkPair(pair));
        return List.copyOf(out);
    }

    /**
     * The rules that concern the pair as a whole, such as one vendor gateway having one ASN; paths
     * start with {@code tunnel1.}, {@code tunnel2.} or name the pair. None by default.
     */
    default List<Finding> checkPair(RedundantTunnels pair) {
        return List.of();
    }
}
