package io.ipsec4j.config.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.CloudImport;
import io.ipsec4j.config.CloudTunnelMapper;
import io.ipsec4j.config.CloudVpnConnection;
import io.ipsec4j.config.CloudWriterGenerators;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.VendorRefusedException;
import io.ipsec4j.config.aws.AwsTunnelOptionsWriter.StartupAction;
import io.ipsec4j.config.json.SecretOutput;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.check.VendorProfiles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every tunnel AWS accepts is written, read back by our AWS parser to the same values, and written again identically. */
class AwsTunnelOptionsWriterPropertyTest {
    static Tunnel readBack(String json, Tunnel original) {
        try {
            CloudVpnConnection c = CloudConfigReader.read(json);
            assertThat(c.format()).isEqualTo(CloudConfigFormat.AWS_TUNNEL_OPTIONS_JSON);
            CloudImport in = CloudTunnelMapper.map(c, CloudWriterGenerators.importOptions(original));
            // Harmony SASE is our side's profile, not the cloud's: its refusals are not the writer's concern.
            assertThat(in.findings(Severity.ERROR)).as(json)
                    .filteredOn(f -> !f.origin().equals(VendorProfiles.HARMONY_SASE.name())).isEmpty();
            assertThat(in.allTunnels()).as(json).hasSize(1);
            return in.allTunnels().get(0);
        } catch (ConfigParseException e) {
            throw new AssertionError(e.getMessage() + "\n" + json, e);
        }
    }

    static String write(Tunnel t) {
        try {
            return AwsTunnelOptionsWriter.modifyRequest(t, "vpn-0123456789abcdef0", StartupAction.ADD, SecretOutput.REVEAL);
        } catch (VendorRefusedException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void generatedTunnelsAreAcceptedByTheAwsProfile() {
        qt().withExamples(200).forAll(CloudWriterGenerators.awsTunnels()).checkAssert(t ->
                assertThat(VendorProfiles.AWS.check(t)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty());
    }

    @Test
    void tunnelOptionsReadBackToTheSameTunnelValues() {
        qt().withExamples(300).forAll(CloudWriterGenerators.awsTunnels()).checkAssert(t -> {
            String json = write(t);
            Tunnel back = readBack(json, t);
            assertThat(back.phaseOne().ikeVersion()).isEqualTo(t.phaseOne().ikeVersion());
            assertThat(back.phaseOne().remotePublicIp()).isEqualTo(t.phaseOne().remotePublicIp());
            assertThat(back.phaseOne().sharedSecret()).isEqualTo(t.phaseOne().sharedSecret());
            assertThat(back.phaseOne().lifetime().time()).isEqualTo(t.phaseOne().lifetime().time());
            assertThat(back.phaseTwo().lifetime()).isEqualTo(t.phaseTwo().lifetime());
            assertThat(back.phaseTwo().replayWindow()).isEqualTo(t.phaseTwo().replayWindow());
            assertThat(back.phaseTwo().dpd().map(d -> d.timeout())).isEqualTo(t.phaseTwo().dpd().map(d -> d.timeout()));
            assertThat(back.phaseTwo().dpd().map(d -> d.action())).isEqualTo(t.phaseTwo().dpd().map(d -> d.action()));
            assertThat(back.tunnelInterface()).isEqualTo(t.tunnelInterface());
            assertThat(back.routes()).isEqualTo(t.routes());
            assertThat(back.phaseTwo().localSubnets()).isEqualTo(t.phaseTwo().localSubnets());
            assertThat(back.phaseTwo().remoteSubnets()).isEqualTo(t.phaseTwo().remoteSubnets());
            assertThat(ikeValues(back)).isEqualTo(ikeValues(t));
            assertThat(espValues(back)).isEqualTo(espValues(t));
            assertThat(write(back)).isEqualTo(json);
        });
    }

    @Test
    void theKeyIsWrittenOnlyOnRequest() {
        qt().withExamples(100).forAll(CloudWriterGenerators.awsTunnels()).checkAssert(t -> {
            try {
                assertThat(AwsTunnelOptionsWriter.tunnelOptions(t, StartupAction.START, SecretOutput.REDACT))
                        .doesNotContain(t.phaseOne().sharedSecret().reveal()).doesNotContain("PreSharedKey");
            } catch (VendorRefusedException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    /** What the tunnel options state of Phase 1: one set per transform type (the integrity set includes the PRFs). */
    static List<Set<Object>> ikeValues(Tunnel t) {
        Set<Object> enc = new LinkedHashSet<>();
        Set<Object> integ = new LinkedHashSet<>();
        Set<Object> dh = new LinkedHashSet<>();
        t.phaseOne().proposals().forEach(p -> {
            enc.addAll(p.encryption());
            p.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).forEach(integ::add);
            p.prf().forEach(prf -> integ.add(prf.name()));
            dh.addAll(p.keyExchange());
        });
        return List.of(Set.copyOf(enc), Set.copyOf(integ), Set.copyOf(dh));
    }

    static List<Set<Object>> espValues(Tunnel t) {
        Set<Object> enc = new LinkedHashSet<>();
        Set<Object> integ = new LinkedHashSet<>();
        Set<Object> pfs = new LinkedHashSet<>();
        t.phaseTwo().proposals().forEach(p -> {
            enc.addAll(p.encryption());
            p.integrity().stream().filter(i -> !i.equals(IntegrityAlgorithm.NONE)).forEach(integ::add);
            p.pfsGroups().stream().filter(k -> !k.equals(KeyExchangeMethod.NONE)).forEach(pfs::add);
        });
        return List.of(Set.copyOf(enc), Set.copyOf(integ), Set.copyOf(pfs));
    }
}
