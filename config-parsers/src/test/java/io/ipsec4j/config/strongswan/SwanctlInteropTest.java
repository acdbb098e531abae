package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.interop.HostCommand;
import io.ipsec4j.interop.InteropEnvironment;
import io.ipsec4j.interop.StrongSwanPair.Node;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.check.TunnelMirror;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live: a model tunnel and its mirror ({@link TunnelMirror#of}) written by {@link SwanctlWriter},
 * loaded into two charons with {@code swanctl --load-all}, initiated, and checked through
 * {@code swanctl --list-sas} against the model: proposal, selectors and lifetimes. Skips without
 * root/strongSwan unless {@code -Dipsec4j.interop.required=true}.
 */
@Tag("interop")
class SwanctlInteropTest {
    private static final Pattern REKEY = Pattern.compile("(?:rekeying|reauth) in (\\d+)s");
    private static final Pattern CHILD_TIMES = Pattern.compile("rekeying in (\\d+)s, expires in (\\d+)s");
    /** Seconds the checks allow for the time between establishing the SAs and listing them. */
    private static final long SLACK = 30;

    static SwanctlOptions options() {
        return SwanctlOptions.defaults().withStartAction(SwanctlOptions.Action.NONE).withForceEncapsulation(true);
    }

    /** Writes the tunnel for A and its mirror for B, with their secrets. */
    static void load(SwanctlLivePair live, Tunnel a, Tunnel b) throws Exception {
        live.load(Node.A, SwanctlWriter.connections(List.of(a), List.of(), options()) + SwanctlWriter.secrets(List.of(a), List.of()));
        live.load(Node.B, SwanctlWriter.connections(List.of(b), List.of(), options()) + SwanctlWriter.secrets(List.of(b), List.of()));
    }

    @BeforeEach
    void environment() {
        InteropEnvironment.assumeAvailable();
    }

    private static void bringUp(Tunnel tunnel, String ikeLine, String espLine, List<String> localTs, List<String> remoteTs) throws Exception {
        try (SwanctlLivePair live = new SwanctlLivePair()) {
            load(live, tunnel, TunnelMirror.of(tunnel));
            for (String child : SwanctlWriter.childNames(tunnel, tunnel.name())) {
                HostCommand.Result r = live.initiate(child);
                assertThat(r.exitCode).as(r.output).isZero();
            }
            String sas = live.listSas(Node.A);
            assertThat(sas).as(sas).contains("ESTABLISHED, " + (tunnel.phaseOne().ikeVersion().isV1() ? "IKEv1" : "IKEv2"))
                    .contains(ikeLine, "INSTALLED, TUNNEL-in-UDP, ESP:" + espLine);
            for (String ts : localTs) {
                assertThat(sas).contains("local  " + ts);
            }
            for (String ts : remoteTs) {
                assertThat(sas).contains("remote " + ts);
            }
            // IKE SA: rekey (IKEv2) or reauthentication (IKEv1) within [lifetime - margin - rand, lifetime - margin].
            SwanctlTimes.Split ike = SwanctlTimes.split(tunnel.phaseOne().lifetime());
            Matcher m = REKEY.matcher(sas);
            assertThat(m.find()).as(sas).isTrue();
            long ikeRekey = Long.parseLong(m.group(1));
            assertThat(ikeRekey).isBetween(ike.rekey().toSeconds() - ike.rand().get().toSeconds() - SLACK, ike.rekey().toSeconds());
            SwanctlTimes.Split child = SwanctlTimes.split(tunnel.phaseTwo().lifetime());
            Matcher c = CHILD_TIMES.matcher(sas);
            assertThat(c.find()).as(sas).isTrue();
            assertThat(Long.parseLong(c.group(1))).isBetween(child.rekey().toSeconds() - child.rand().get().toSeconds() - SLACK,
                    child.rekey().toSeconds());
            assertThat(Long.parseLong(c.group(2))).isBetween(tunnel.phaseTwo().lifetime().time().toSeconds() - SLACK,
                    tunnel.phaseTwo().lifetime().time().toSeconds());
            assertThat(live.listSas(Node.B)).contains("INSTALLED, TUNNEL-in-UDP, ESP:" + espLine, "local  " + remoteTs.get(0));
        }
    }

    /** IKEv2's first CHILD SA is created inside IKE_AUTH without a key exchange, so no PFS group shows. */
    @Test
    void ikev2PolicyBasedWithTwoSubnetsPerSideComesUpAsModelled() throws Exception {
        bringUp(SwanctlTestTunnels.policyBased(IkeVersion.IKEV2, "192.0.2.1", "192.0.2.2"),
                "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", "AES_GCM_16-128",
                List.of("10.1.0.0/24 10.1.1.0/24"), List.of("10.2.0.0/24 10.2.1.0/24"));
    }

    /** IKEv1 carries one subnet per side per CHILD SA: the writer gives each pair of subnets its own. */
    @Test
    void ikev1PolicyBasedWithTwoSubnetsPerSideComesUpAsModelled() throws Exception {
        bringUp(SwanctlTestTunnels.policyBased(IkeVersion.IKEV1_MAIN, "192.0.2.1", "192.0.2.2"),
                "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", "AES_GCM_16-128/MODP_2048",
                List.of("10.1.0.0/24", "10.1.1.0/24"), List.of("10.2.0.0/24", "10.2.1.0/24"));
    }

    /** The model's DPD (10 s delay) reaches charon: the idle tunnel exchanges liveness checks (seen after 10-25 s). */
    @Test
    void deadPeerDetectionRunsAtTheModelsDelay() throws Exception {
        Tunnel tunnel = SwanctlTestTunnels.policyBased(IkeVersion.IKEV2, "192.0.2.1", "192.0.2.2");
        assertThat(tunnel.phaseTwo().dpd().get().delay().toSeconds()).isEqualTo(10);
        try (SwanctlLivePair live = new SwanctlLivePair()) {
            load(live, tunnel, TunnelMirror.of(tunnel));
            HostCommand.Result r = live.initiate(tunnel.name());
            assertThat(r.exitCode).as(r.output).isZero();
            // A liveness check is an empty INFORMATIONAL; whichever end is idle first sends it (both run DPD), so A's
            // log shows its own or the peer's. Generous bound: without DPD no such exchange happens at all.
            Pattern check = Pattern.compile("(?:generating|parsed) INFORMATIONAL request \\d+ \\[ \\]");
            assertThat(live.awaitLog(Node.A, log -> check.matcher(log).find(), 60)).as(live.log(Node.A)).isTrue();
            assertThat(live.listSas(Node.A)).contains("ESTABLISHED", "INSTALLED");
        }
    }

    @Test
    void ikev2RouteBasedWithAnySelectorsComesUpAsModelled() throws Exception {
        bringUp(SwanctlTestTunnels.routeBased("vti-1", "gw-1", "192.0.2.1", "192.0.2.2", 0),
                "AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", "AES_GCM_16-128",
                List.of("0.0.0.0/0"), List.of("0.0.0.0/0"));
    }
}
