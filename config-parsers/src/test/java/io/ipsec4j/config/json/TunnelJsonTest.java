package io.ipsec4j.config.json;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.CraftedConfigs;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.RedundantTunnels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TunnelJsonTest {
    private static RedundantTunnels awsPair() throws ConfigParseException {
        CloudImport result = CloudTunnelMapper.importBytes(FixtureFiles.cloudConfig("aws-generic-3.txt"));
        return result.redundantPairs().get(0);
    }

    @Test
    void writesStableFieldNamesAndRedactsKeysByDefault() throws ConfigParseException {
        String json = TunnelJson.write(awsPair(), SecretOutput.REDACT);

        assertThat(json).contains("\"schemaVersion\" : 1", "\"redundantTunnels\"", "\"tunnel1\"", "\"phaseOne\"",
                "\"ikeVersion\" : \"IKEV1_MAIN\"", "\"remotePublicIp\" : \"13.248.186.45\"", "\"redacted\" : true",
                "\"length\" : 32", "\"proposals\" : [ \"aes128-sha1-modp1024\" ]", "\"localAsn\" : 65016",
                "\"peerAsn\" : 64512", "\"neighbor\" : \"169.254.97.157\"", "\"holdTimeSeconds\" : 30",
                "\"prefixLength\" : 30", "\"seconds\" : 28800", "\"replayWindow\" : 1024");
        assertThat(json).doesNotContain("amSvsJ57npKUIi3hk5Lf9NZ9KGK.bHVP");
    }

    @Test
    void readsBackWhatItWroteWithTheKeys() throws ConfigParseException {
        RedundantTunnels pair = awsPair();

        TunnelDocument back = TunnelJson.read(TunnelJson.write(pair, SecretOutput.REVEAL));

        assertThat(back.redundantTunnels()).containsExactly(pair);
        assertThat(back.tunnels()).isEmpty();
    }

    @Test
    void refusesToTurnARedactedDocumentIntoTunnels() throws ConfigParseException {
        String redacted = TunnelJson.write(awsPair(), SecretOutput.REDACT);

        assertThatThrownBy(() -> TunnelJson.read(redacted))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/redundantTunnels/0/tunnel1/phaseOne/sharedSecret")
                .hasMessageContaining("redacted");
    }

    @Test
    void rejectsUnknownFieldsAtTheirPointer() throws ConfigParseException {
        String json = TunnelJson.write(awsPair(), SecretOutput.REVEAL).replaceFirst("\"routes\"", "\"routez\" : [ ],\n \"routes\"");

        assertThatThrownBy(() -> TunnelJson.read(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("unknown field \"routez\"")
                .satisfies(e -> {
                    ConfigParseException p = (ConfigParseException) e;
                    assertThat(p.format()).isEqualTo(CloudConfigFormat.IPSEC4J_TUNNEL_JSON);
                    assertThat(p.location()).isEqualTo(SourceLocation.jsonPointer("/redundantTunnels/0/tunnel1/routez"));
                });
    }

    @Test
    void rejectsAnotherSchemaVersionAndWrongTypes() throws ConfigParseException {
        String json = TunnelJson.write(awsPair(), SecretOutput.REVEAL);

        assertThatThrownBy(() -> TunnelJson.read(json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2")))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("schema version 2");
        assertThatThrownBy(() -> TunnelJson.read(json.replace("\"replayWindow\" : 1024", "\"replayWindow\" : \"1024\"")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/redundantTunnels/0/tunnel1/phaseTwo/replayWindow")
                .hasMessageContaining("an integer");
        assertThatThrownBy(() -> TunnelJson.read(json.replaceFirst("aes128-sha1-modp1024", "aes129-sha1")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/redundantTunnels/0/tunnel1/phaseOne/proposals/0");
    }

    @Test
    void reportsModelValidationAtTheObject() throws ConfigParseException {
        String json = TunnelJson.write(awsPair(), SecretOutput.REVEAL).replace("\"gateway\" : \"sase-gateway-2\"",
                "\"gateway\" : \"sase-gateway-1\"");

        assertThatThrownBy(() -> TunnelJson.read(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("JSON pointer /redundantTunnels/0")
                .hasMessageContaining("SAME_GATEWAY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"localAsn\" : 65016 | \"localAsn\" : 4294967296",
        "\"prefixLength\" : 30 | \"prefixLength\" : 64",
        "\"holdTimeSeconds\" : 30 | \"holdTimeSeconds\" : -30",
        "\"seconds\" : 28800 | \"seconds\" : -1",
        "\"seconds\" : 28800 | \"seconds\" : null",
        "\"gateway\" : \"sase-gateway-2\" | \"gateway\" : null",
        "\"neighbor\" : \"169.254.97.157\" | \"neighbor\" : \"\"",
        "\"routing\" : \"ROUTE_BASED\" | \"routing\" : \"route_based\"",
        "\"ikeVersion\" : \"IKEV1_MAIN\" | \"ikeVersion\" : \"\""
    })
    void turnsEveryRefusedValueIntoATypedErrorAtAPointer(String from, String to) throws ConfigParseException {
        String json = TunnelJson.write(awsPair(), SecretOutput.REVEAL);
        assertThat(json).contains(from);

        assertThatThrownBy(() -> TunnelJson.read(json.replaceFirst(java.util.regex.Pattern.quote(from), to)))
                .isInstanceOf(ConfigParseException.class)
                .satisfies(e -> assertThat(((ConfigParseException) e).location().pointer()).isPresent())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("amSvsJ57npKUIi3hk5Lf9NZ9KGK.bHVP"));
    }

    @Test
    void readsOneTunnel() throws ConfigParseException {
        RedundantTunnels pair = awsPair();

        assertThat(TunnelJson.readTunnel(TunnelJson.write(pair.tunnel2(), SecretOutput.REVEAL))).isEqualTo(pair.tunnel2());
        assertThatThrownBy(() -> TunnelJson.readTunnel(TunnelJson.write(pair, SecretOutput.REVEAL)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("exactly one tunnel");
    }

    @Test
    void readsHandWrittenDocuments() throws Exception {
        String base = "/io/ipsec4j/config/json/TunnelJsonFuzzTestInputs/read/";
        try (var pair = TunnelJsonTest.class.getResourceAsStream(base + "aws-pair.json");
                var policy = TunnelJsonTest.class.getResourceAsStream(base + "policy-tunnel.json")) {
            TunnelDocument p = TunnelJson.read(pair.readAllBytes());
            TunnelDocument q = TunnelJson.read(policy.readAllBytes());

            assertThat(p.redundantTunnels()).hasSize(1);
            assertThat(p.redundantTunnels().get(0).tunnel2().phaseOne().lifetime().time())
                    .isEqualTo(java.time.Duration.ofMillis(28_800_500));
            assertThat(p.redundantTunnels().get(0).tunnel1().phaseTwo().proposals()).hasSize(2);
            assertThat(q.tunnels()).singleElement().satisfies(t -> assertThat(t.routing().name()).isEqualTo("POLICY_BASED"));
        }
    }

    @Test
    void carriesMultihopBgpPeeringAndRefusesItWithoutOurAddress() throws ConfigParseException {
        RedundantTunnels azure = CloudTunnelMapper.importBytes(
                CraftedConfigs.AZURE_VWAN_BGP_TWO_SITES.getBytes(StandardCharsets.UTF_8)).redundantPairs().get(0);
        String json = TunnelJson.write(azure, SecretOutput.REVEAL);

        assertThat(json).contains("\"kind\" : \"MULTIHOP\"", "\"localAddress\" : \"172.21.1.154\"",
                "\"neighbor\" : \"172.21.101.5\"", "\"multihopTtl\" : 255", "\"routes\" : [ \"172.21.101.4/32\" ]");
        assertThat(json).doesNotContain("tunnelInterface");
        assertThat(TunnelJson.read(json).redundantTunnels()).containsExactly(azure);
        // Inside peering keeps the fields of the documents written before multihop peering existed.
        assertThat(TunnelJson.write(awsPair(), SecretOutput.REDACT)).doesNotContain("\"kind\"", "multihopTtl");

        assertThatThrownBy(() -> TunnelJson.read(json.replace("\"localAddress\" : \"172.21.1.154\",", "")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/redundantTunnels/0/tunnel1/bgp")
                .hasMessageContaining("needs our local BGP address");
        assertThatThrownBy(() -> TunnelJson.read(json.replace("\"multihopTtl\" : 255", "\"multihopTtl\" : 1")))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("/redundantTunnels/0/tunnel1/bgp/multihopTtl");
    }
}
