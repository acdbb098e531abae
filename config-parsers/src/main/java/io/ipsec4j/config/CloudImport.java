package io.ipsec4j.config;

import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import java.util.Objects;

/**
 * The result of importing a cloud file: the parsed connection, the model tunnels to create on the
 * SASE side (redundant BGP pairs, and single tunnels for the rest), and every finding of the model's
 * validation, the provider's profile and the Harmony SASE profile, each tied to its input position.
 *
 * <p>Tunnels the model refuses (no pre-shared key in a redacted file, no routes for a static
 * connection, …) are absent and explained by {@link Severity#ERROR} findings. {@link #toString()}
 * is a readable report in which secrets are masked.
 */
public final class CloudImport extends TunnelImport {
    private final CloudVpnConnection source;

    CloudImport(CloudVpnConnection source, List<RedundantTunnels> redundantPairs, List<Tunnel> singleTunnels,
            List<ImportFinding> findings) {
        super(redundantPairs, singleTunnels, findings);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The connection as parsed, with its parse warnings. */
    public CloudVpnConnection source() {
        return source;
    }

    /** The parse report, the tunnels built and the findings; secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source.toString());
        sb.append("\nimported: ").append(redundantPairs().size()).append(" redundant pair(s), ")
                .append(singleTunnels().size()).append(" single tunnel(s)");
        for (RedundantTunnels p : redundantPairs()) {
            sb.append("\n  pair ").append(p.name()).append(": ").append(describe(p.tunnel1())).append(" | ")
                    .append(describe(p.tunnel2()));
        }
        for (Tunnel t : singleTunnels()) {
            sb.append("\n  tunnel ").append(describe(t));
        }
        for (ImportFinding f : findings()) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }

    private static String describe(Tunnel t) {
        return t.name() + " on " + t.gateway() + " -> " + t.phaseOne().remotePublicIp() + " (" + t.phaseOne().ikeVersion()
                + ", " + t.routing() + t.bgp().map(b -> ", AS" + b.localAsn().value() + "->AS" + b.peerAsn().value()
                + " via " + b.neighbor() + (b.kind() == io.ipsec4j.model.BgpPeeringKind.MULTIHOP
                        ? " multihop from " + b.localAddress().orElseThrow() : "")).orElse("") + ")";
    }
}
