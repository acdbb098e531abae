package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwanctlWriterTest {
    private final Tunnel branch = SwanctlTestTunnels.policyBased(IkeVersion.IKEV2, "192.0.2.1", "192.0.2.2");

    @Test
    void writesOneConnectionWithProvenanceComments() {
        String text = SwanctlWriter.connections(branch);
        assertThat(text).contains("    branch {\n", "        # ipsec4j.gateway = gw-1\n",
                "        version = 2  # phaseOne.ikeVersion\n",
                "        remote_addrs = 192.0.2.2  # phaseOne.remotePublicIp\n",
                "        proposals = aes256-sha256-modp2048  # phaseOne.proposals\n",
                "        rekey_time = 28260s", "        over_time = 540s", "        rand_time = 540s",
                "        dpd_delay = 10s", "            id = a.ipsec4j.test  # phaseOne.localId\n",
                "                local_ts = 10.1.0.0/24, 10.1.1.0/24  # phaseOne.localSubnets".replace("phaseOne", "phaseTwo"),
                "                esp_proposals = aes128gcm16-modp2048", "                rekey_time = 3060s",
                "                life_time = 3600s", "                dpd_action = restart", "                replay_window = 64");
        assertThat(text).doesNotContain(SwanctlTestTunnels.PSK).doesNotContain("if_id");
    }

    @Test
    void isDeterministic() {
        assertThat(SwanctlWriter.connections(branch)).isEqualTo(SwanctlWriter.connections(branch));
    }

    @Test
    void writesSecretsOnlyWhenAskedAndKeyedByBothIds() {
        String secrets = SwanctlWriter.secrets(List.of(branch), List.of());
        assertThat(secrets).contains("    ike-branch {\n", "id-local = a.ipsec4j.test", "id-remote = b.ipsec4j.test",
                "secret = \"" + SwanctlTestTunnels.PSK + "\"");
    }

    @Test
    void encodesAwkwardSecretsAsBase64() {
        assertThat(SwanctlWriter.secret("a\"b$c")).startsWith("0s");
        assertThat(SwanctlWriter.secret("0xdeadbeef")).startsWith("0s");
        assertThat(SwanctlSecrets.decode(SwanctlWriter.secret("a\"b$c\u00e9")).map(Secret::reveal)).contains("a\"b$c\u00e9");
    }

    @Test
    void writesRouteBasedPairsWithInterfaceIdsAndNoBgp() {
        String text = SwanctlWriter.connections(List.of(), List.of(SwanctlTestTunnels.pair()), SwanctlOptions.defaults());
        assertThat(text).contains("# ipsec4j.pair = aws-pair", "# ipsec4j.inside = 169.254.10.2/30 peer 169.254.10.1",
                "if_id_in = 1", "if_id_out = 2", "local_ts = 0.0.0.0/0").doesNotContainIgnoringCase("bgp")
                .doesNotContain("65010");
        String vti = SwanctlWriter.connections(List.of(), List.of(SwanctlTestTunnels.pair()),
                SwanctlOptions.defaults().withInterfaceStyle(SwanctlOptions.InterfaceStyle.VTI_MARK));
        assertThat(vti).contains("mark_in = 1", "mark_out = 2").doesNotContain("if_id");
    }

    @Test
    void writesIkev1WithReauthentication() {
        String text = SwanctlWriter.connections(SwanctlTestTunnels.policyBased(IkeVersion.IKEV1_AGGRESSIVE, "192.0.2.1",
                "192.0.2.2"));
        assertThat(text).contains("version = 1", "aggressive = yes", "reauth_time = 28260s").doesNotContain(" rekey_time = 28260s");
    }

    @Test
    void refusesNamesWithControlCharacters() {
        Tunnel odd = Tunnel.builder().from(branch).name("a\nb").build();
        assertThatThrownBy(() -> SwanctlWriter.connections(odd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character");
    }
}
