package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwanctlReaderTest {
    /** A hand-written file in the style of strongSwan's documentation examples. */
    private static final String HAND_WRITTEN = String.join("\n",
            "connections {",
            "   net-net {",
            "      version = 2",
            "      local_addrs  = 192.168.0.1",
            "      remote_addrs = 192.168.0.2",
            "      proposals = aes128-sha256-x25519",
            "      rekey_time = 4h",
            "      dpd_delay = 30s",
            "      mobike = no",
            "      local {",
            "         auth = psk",
            "         id = moon.strongswan.org",
            "      }",
            "      remote {",
            "         auth = psk",
            "         id = sun.strongswan.org",
            "      }",
            "      children {",
            "         net-net {",
            "            local_ts  = 10.1.0.0/16",
            "            remote_ts = 10.2.0.0/16, 10.3.0.0/16[tcp/443]",
            "            esp_proposals = aes128gcm16-x25519",
            "            rekey_time = 1h",
            "            dpd_action = trap",
            "            updown = /usr/local/libexec/ipsec/_updown iptables",
            "         }",
            "      }",
            "   }",
            "}",
            "secrets {",
            "   ike-1 {",
            "      id-moon = moon.strongswan.org",
            "      secret = 0sSzdtUDJ4UTl2UnRMdzRzTmI4Y1lkM0Z6  # base64",
            "   }",
            "}", "");

    @Test
    void readsAHandWrittenFileWithStrongSwansDefaults() throws ConfigParseException {
        StrongSwanImport in = SwanctlReader.read(HAND_WRITTEN);
        assertThat(in.findings(Severity.ERROR)).isEmpty();
        Tunnel t = in.singleTunnels().get(0);
        assertThat(t.name()).isEqualTo("net-net");
        assertThat(t.gateway()).isEqualTo("sase-gateway-1");
        assertThat(t.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV2);
        assertThat(t.phaseOne().lifetime().time()).isEqualTo(Duration.ofMinutes(264));
        assertThat(t.phaseOne().lifetime().rekeyMargin()).isEmpty();
        assertThat(t.phaseOne().remoteId().get().value()).isEqualTo("sun.strongswan.org");
        assertThat(t.phaseTwo().remoteSubnets()).hasSize(2);
        assertThat(t.phaseTwo().lifetime().time()).isEqualTo(Duration.ofMinutes(66));
        assertThat(t.phaseTwo().replayWindow()).isEqualTo(32);
        assertThat(t.phaseTwo().dpd().get().action()).isEqualTo(DpdAction.HOLD);
        assertThat(t.phaseTwo().dpd().get().timeout()).isEqualTo(Duration.ofSeconds(165));
        assertThat(t.phaseOne().sharedSecret().length()).isEqualTo(24);
        assertThat(t.routing()).isEqualTo(RoutingMode.POLICY_BASED);
        assertThat(in.findings()).extracting(f -> f.finding().code()).contains("SETTING_IGNORED");
        ImportFinding mobike = in.findings().stream().filter(f -> f.finding().path().endsWith("mobike")).findFirst().get();
        assertThat(mobike.location()).isEqualTo(SourceLocation.line(9));
    }

    @Test
    void reportsWhatTheModelCannotTakeAtItsLine() throws ConfigParseException {
        String text = HAND_WRITTEN.replace("auth = psk\n         id = moon", "auth = pubkey\n         id = moon")
                .replace("esp_proposals = aes128gcm16-x25519", "esp_proposals = default");
        StrongSwanImport in = SwanctlReader.read(text);
        assertThat(in.allTunnels()).isEmpty();
        assertThat(in.findings(Severity.ERROR)).extracting(f -> f.finding().code() + "@" + f.location())
                .contains("AUTH_NOT_PSK@line 11", "PROPOSALS_DEFAULT@line 22");
    }

    @Test
    void reportsAMissingSecretAndTakesOneFromTheOptions() throws ConfigParseException {
        String noSecrets = HAND_WRITTEN.substring(0, HAND_WRITTEN.indexOf("secrets {"));
        assertThat(SwanctlReader.read(noSecrets).findings(Severity.ERROR)).extracting(f -> f.finding().code())
                .containsExactly("PSK_MISSING");
        StrongSwanImport in = SwanctlReader.read(io.ipsec4j.config.ConfigText.of(noSecrets),
                StrongSwanImportOptions.defaults().withPreSharedKey(Secret.of("Kq8vN3xT5mP2rL9wZ4cB7dF1")));
        assertThat(in.singleTunnels()).hasSize(1);
    }

    @Test
    void readsAWrittenPairBackWithBgpFromTheOptions() throws ConfigParseException {
        var pair = SwanctlTestTunnels.pair();
        String text = SwanctlWriter.connections(List.of(), List.of(pair), SwanctlOptions.defaults())
                + SwanctlWriter.secrets(List.of(), List.of(pair));
        StrongSwanImport without = SwanctlReader.read(text);
        assertThat(without.allTunnels()).isEmpty();
        assertThat(without.findings(Severity.ERROR)).extracting(f -> f.finding().code()).containsOnly("NO_ROUTES");
        StrongSwanImport with = SwanctlReader.read(io.ipsec4j.config.ConfigText.of(text), StrongSwanImportOptions.defaults()
                .withBgp(java.util.Map.of("aws-1", pair.tunnel1().bgp().get(), "aws-2", pair.tunnel2().bgp().get())));
        assertThat(with.redundantPairs()).containsExactly(pair);
    }

    @Test
    void refusesReferencesTemplatesAndBrokenSyntax() {
        assertThatThrownBy(() -> SwanctlReader.read("connections {\n a {\n  remote_addrs = ${peer}\n }\n}\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("line 3").hasMessageContaining("reference");
        assertThatThrownBy(() -> SwanctlReader.read("connections {\n a : base {\n }\n}\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("templates");
        assertThatThrownBy(() -> SwanctlReader.read("connections {\n a {\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> SwanctlReader.read("}\n")).isInstanceOf(ConfigParseException.class);
        assertThatThrownBy(() -> SwanctlReader.read("secrets {\n ike {\n  secret = \"abc\n }\n}\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> SwanctlReader.read("x".repeat(SettingsParser.MAX_LINE_LENGTH + 1)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("characters");
        assertThatThrownBy(() -> SwanctlReader.read("a {\n".repeat(SettingsParser.MAX_DEPTH + 2)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("nested");
    }

    @Test
    void neverQuotesALineThatMayBeASecret() {
        assertThatThrownBy(() -> SwanctlReader.read("secrets {\n TopSecretKey123\n}\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageNotContaining("TopSecretKey123");
    }

    @Test
    void reportsIncludesItDoesNotFollow() throws ConfigParseException {
        StrongSwanImport in = SwanctlReader.read("include conf.d/*.conf\n" + HAND_WRITTEN);
        assertThat(in.findings()).anySatisfy(f -> {
            assertThat(f.finding().code()).isEqualTo("INCLUDE_NOT_FOLLOWED");
            assertThat(f.location()).isEqualTo(SourceLocation.line(1));
        });
    }
}
