package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.RedundantTunnels;
import io.ipsec4j.model.check.TunnelMirror;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live: a redundant pair (two route-based tunnels with 0.0.0.0/0 selectors between two pairs of
 * public addresses) written by {@link SwanctlWriter} for A and mirrored for B, both tunnels up at
 * once, checked through {@code swanctl --list-sas} on both daemons. With kernel-libipsec the public
 * network is kept out of its TUN device ({@link SwanctlLivePair#excludePublicNetworkFromTunnels}),
 * which is why the second tunnel's IKE_AUTH went unanswered before. Skips without root/strongSwan
 * unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class SwanctlRedundantPairInteropTest {
    private static final Pattern INSTALLED = Pattern.compile("INSTALLED, TUNNEL-in-UDP, ESP:AES_GCM_16-128");
    private static final Pattern IKE_UP = Pattern.compile("ESTABLISHED, IKEv2");

    @BeforeEach
    void environment() {
        InteropEnvironment.assumeAvailable();
    }

    private static RedundantTunnels mirror(RedundantTunnels p) {
        return RedundantTunnels.builder().name(p.name()).tunnel1(TunnelMirror.of(p.tunnel1()))
                .tunnel2(TunnelMirror.of(p.tunnel2())).build();
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void bothTunnelsOfARedundantPairAreUpAtOnce() throws Exception {
        RedundantTunnels pair = SwanctlTestTunnels.pair();
        try (SwanctlLivePair live = new SwanctlLivePair()) {
            live.addPublicAddress(Node.A, "192.0.2.3");
            live.addPublicAddress(Node.B, "192.0.2.4");
            live.excludePublicNetworkFromTunnels();
            SwanctlOptions options = SwanctlInteropTest.options();
            live.load(Node.A, SwanctlWriter.connections(List.of(), List.of(pair), options)
                    + SwanctlWriter.secrets(List.of(), List.of(pair)));
            RedundantTunnels theirs = mirror(pair);
            live.load(Node.B, SwanctlWriter.connections(List.of(), List.of(theirs), options)
                    + SwanctlWriter.secrets(List.of(), List.of(theirs)));
            for (String child : List.of("aws-1", "aws-2")) {
                HostCommand.Result r = live.initiate(child);
                assertThat(r.exitCode).as(child + "\n" + r.output + "\n" + diagnostics(live)).isZero();
            }
            for (Node node : Node.values()) {
                String sas = live.listSas(node);
                assertThat(count(IKE_UP, sas)).as(sas).isEqualTo(2);
                assertThat(count(INSTALLED, sas)).as(sas).isEqualTo(2);
                assertThat(sas).contains("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4");
            }
        }
    }

    private static String diagnostics(SwanctlLivePair live) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Node n : Node.values()) {
            sb.append("== ").append(n).append(" xfrm policy\n").append(live.inNamespace(n, "ip", "xfrm", "policy"))
                    .append("== routes\n").append(live.inNamespace(n, "ip", "route", "show", "table", "all"))
                    .append("== rules\n").append(live.inNamespace(n, "ip", "rule"))
                    .append("== links\n").append(live.inNamespace(n, "ip", "-d", "link"))
                    .append("== sas\n").append(live.listSas(n))
                    .append("== log\n").append(live.log(n));
        }
        return sb.toString();
    }
}
