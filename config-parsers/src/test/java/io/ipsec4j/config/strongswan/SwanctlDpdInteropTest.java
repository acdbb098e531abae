package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.PhaseTwo;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.check.TunnelMirror;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live: when the peer disappears, the DPD written from the model makes charon act as the model
 * says: after its liveness check goes unanswered, {@code restart} initiates the IKE SA again and
 * {@code clear} closes it. Retransmissions are shortened (2 tries, 1 s) so that IKEv2, which gives
 * up after its retransmissions rather than after {@code dpd_timeout}, decides within seconds. Skips
 * without root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class SwanctlDpdInteropTest {
    private static final String FAST_RETRANSMIT = "  retransmit_tries = 2\n  retransmit_timeout = 1\n  retransmit_base = 1";
    private static final Pattern GAVE_UP = Pattern.compile("giving up after 2 retransmits");

    @BeforeEach
    void environment() {
        InteropEnvironment.assumeAvailable();
    }

    @ParameterizedTest
    @EnumSource(value = DpdAction.class, names = {"RESTART", "CLEAR"})
    void aVanishedPeerTriggersTheModelsDpdAction(DpdAction action) throws Exception {
        Tunnel base = SwanctlTestTunnels.policyBased(IkeVersion.IKEV2, "192.0.2.1", "192.0.2.2");
        Tunnel tunnel = Tunnel.builder().from(base)
                .phaseTwo(PhaseTwo.builder().from(base.phaseTwo()).dpd(Dpd.ofSeconds(3, 10, action)).build()).build();
        assertThat(SwanctlWriter.connections(tunnel)).contains("dpd_delay = 3s", "dpd_action = " + SwanctlWriter.dpdAction(action));
        try (SwanctlLivePair live = new SwanctlLivePair(FAST_RETRANSMIT)) {
            SwanctlInteropTest.load(live, tunnel, TunnelMirror.of(tunnel));
            HostCommand.Result r = live.initiate(tunnel.name());
            assertThat(r.exitCode).as(r.output).isZero();
            live.disconnect(Node.B);
            assertThat(live.awaitLog(Node.A, log -> GAVE_UP.matcher(log).find(), 60)).as(live.log(Node.A)).isTrue();
            if (action == DpdAction.RESTART) {
                // The dead IKE SA is replaced by a new one to the same peer.
                assertThat(live.awaitLog(Node.A, log -> log.contains("initiating IKE_SA branch[2] to 192.0.2.2"), 30))
                        .as(live.log(Node.A)).isTrue();
            } else {
                assertThat(live.awaitLog(Node.A, log -> log.contains("IKE_SA branch[1] state change: ESTABLISHED => DESTROYING")
                        || log.contains("IKE_SA branch[1] state change: DELETING => DESTROYING"), 30)).as(live.log(Node.A)).isTrue();
                assertThat(live.listSas(Node.A)).doesNotContain("ESTABLISHED");
                assertThat(live.log(Node.A)).doesNotContain("initiating IKE_SA branch[2]");
            }
        }
    }
}
