package io.ipsec4j.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.ImportFinding;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.model.Cidr;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.RoutingMode;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpsecConfReaderTest {
    static String resource(String name) throws IOException {
        try (InputStream in = IpsecConfReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void awsStrongSwanDownloadImportsWithItsPlaceholdersAsFindings() throws Exception {
        String text = resource("aws-strongswan-download.txt");
        StrongSwanImport in = IpsecConfReader.read(text, StrongSwanImportOptions.defaults().withRoutes(Cidr.parse("10.0.0.0/16")));
        assertThat(in.findings(Severity.ERROR)).isEmpty();
        assertThat(in.singleTunnels()).extracting(Tunnel::name).containsExactly("Tunnel1", "Tunnel2");
        Tunnel t = in.singleTunnels().get(0);
        assertThat(t.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV1_MAIN);
        assertThat(t.phaseOne().remotePublicIp()).isEqualTo(IpAddress.parse("198.51.100.10"));
        assertThat(t.phaseOne().localPublicIp()).contains(IpAddress.parse("203.0.113.5"));
        assertThat(t.phaseOne().proposals()).containsExactly(IkeProposal.parse("aes128-sha1-modp1024"));
        assertThat(t.phaseOne().lifetime().time()).isEqualTo(Duration.ofHours(8));
        assertThat(t.phaseOne().lifetime().rekeyMargin()).contains(Duration.ofMinutes(9));
        assertThat(t.phaseOne().sharedSecret().reveal()).isEqualTo("Hq3vN8xTz5mP2rL9wK4cB7dF");
        assertThat(in.singleTunnels().get(1).phaseOne().sharedSecret().reveal()).isEqualTo("Rt6yU1iOp4aS7dF0gH3jK9lZ");
        assertThat(t.phaseTwo().proposals()).containsExactly(EspProposal.parse("aes128-sha1-modp1024"));
        assertThat(t.phaseTwo().lifetime().time()).isEqualTo(Duration.ofHours(1));
        assertThat(t.phaseTwo().dpd().get().action()).isEqualTo(DpdAction.RESTART);
        assertThat(t.phaseTwo().dpd().get().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.phaseTwo().localSubnets()).containsExactly(TrafficSelector.ANY_IPV4);
        assertThat(t.routing()).isEqualTo(RoutingMode.ROUTE_BASED);
        assertThat(t.tunnelInterface().get().toString()).isEqualTo("169.254.44.2/30 <-> 169.254.44.1");
        List<String> lines = List.of(text.split("\n", -1));
        List<ImportFinding> placeholders = in.findings().stream().filter(f -> f.finding().code().equals("PLACEHOLDER")).toList();
        assertThat(placeholders).isNotEmpty().allSatisfy(f ->
                assertThat(lines.get(f.location().lineNumber().getAsInt() - 1)).contains("<"));
        assertThat(placeholders).anySatisfy(f -> assertThat(f.finding().message()).startsWith("<LOCAL IP> stands for"));
        assertThat(placeholders).anySatisfy(f -> assertThat(f.finding().message()).startsWith("<VPC CIDR> stands for"));
    }

    @Test
    void withoutRoutesTheRouteBasedTunnelsAreRefusedAndSayWhy() throws Exception {
        StrongSwanImport in = IpsecConfReader.read(resource("aws-strongswan-download.txt"), StrongSwanImportOptions.defaults());
        assertThat(in.allTunnels()).isEmpty();
        assertThat(in.findings(Severity.ERROR)).extracting(f -> f.finding().code()).containsExactly("NO_ROUTES", "NO_ROUTES");
    }

    @Test
    void readsDefaultAlsoAndAutoIgnore() throws ConfigParseException, IOException {
        StrongSwanImport in = IpsecConfReader.read(resource("IpsecConfFuzzTestInputs/read/default-also.conf"),
                StrongSwanImportOptions.defaults());
        assertThat(in.findings(Severity.ERROR)).isEmpty();
        assertThat(in.singleTunnels()).extracting(Tunnel::name).containsExactly("site");
        Tunnel t = in.singleTunnels().get(0);
        assertThat(t.phaseOne().ikeVersion()).isEqualTo(IkeVersion.IKEV2);
        assertThat(t.phaseOne().proposals()).containsExactly(IkeProposal.parse("aes256-sha256-modp2048"));
        assertThat(t.phaseOne().lifetime().time()).isEqualTo(Duration.ofHours(24));
        assertThat(t.phaseOne().lifetime().rekeyMargin()).contains(Duration.ofMinutes(10));
        assertThat(t.phaseOne().lifetime().rekeyFuzzPercent()).isEqualTo(50);
        assertThat(t.phaseTwo().localSubnets()).extracting(Object::toString).containsExactly("10.1.0.0/24", "10.1.1.0/24");
        assertThat(t.phaseTwo().dpd().get().action()).isEqualTo(DpdAction.HOLD);
        assertThat(t.phaseTwo().dpd().get().delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(in.findings()).anySatisfy(f -> {
            assertThat(f.finding().code()).isEqualTo("CONN_IGNORED");
            assertThat(f.location()).isEqualTo(SourceLocation.line(27));
        });
    }
}
