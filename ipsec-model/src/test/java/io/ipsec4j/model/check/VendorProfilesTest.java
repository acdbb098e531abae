package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.ProfileTestTunnels.pair;
import static io.ipsec4j.model.check.ProfileTestTunnels.tunnel;
import static io.ipsec4j.model.check.ProfileTestTunnels.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorProfilesTest {
    /** Accepted by every vendor: AS65010 is private (GCP), not reserved (Azure), in Harmony's ranges. */
    private static final Tunnel UNIVERSAL = tunnel("tunnel1", 65010);

    @Test
    void allListsTheFiveProfilesInOrder() {
        assertThat(VendorProfiles.all()).containsExactly(VendorProfiles.AWS, VendorProfiles.AZURE,
                VendorProfiles.AZURE_VWAN, VendorProfiles.GCP, VendorProfiles.HARMONY_SASE);
        assertThat(VendorProfiles.all()).extracting(VendorProfile::name).containsExactly("AWS", "Azure VPN Gateway",
                "Azure Virtual WAN", "GCP Cloud VPN", "Harmony SASE");
    }

    @Test
    void byNameFindsAProfileByItsNameOrConstantInAnyCase() {
        assertThat(VendorProfiles.byName("aws")).contains(VendorProfiles.AWS);
        assertThat(VendorProfiles.byName("Azure VPN Gateway")).contains(VendorProfiles.AZURE);
        assertThat(VendorProfiles.byName("AZURE")).contains(VendorProfiles.AZURE);
        assertThat(VendorProfiles.byName("azure_vwan")).contains(VendorProfiles.AZURE_VWAN);
        assertThat(VendorProfiles.byName("azure virtual wan")).contains(VendorProfiles.AZURE_VWAN);
        assertThat(VendorProfiles.byName(" GCP ")).contains(VendorProfiles.GCP);
        assertThat(VendorProfiles.byName("gcp cloud vpn")).contains(VendorProfiles.GCP);
        assertThat(VendorProfiles.byName("harmony-sase")).contains(VendorProfiles.HARMONY_SASE);
        assertThat(VendorProfiles.byName("oracle")).isEmpty();
        assertThatThrownBy(() -> VendorProfiles.byName(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("name");
    }

    @Test
    void aCompliantTunnelPassesEveryProfileWithoutAnError() {
        for (VendorProfile p : VendorProfiles.all()) {
            assertThat(p.check(UNIVERSAL)).as(p.name()).noneMatch(f -> f.severity() == Severity.ERROR);
            assertThat(p.check(pair("pair1", UNIVERSAL, tunnel("tunnel2", 65010)))).as(p.name())
                    .noneMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    @Test
    void noProfileEverShowsTheSharedSecret() {
        List<String> secrets = List.of("Microsoft123!", "0secret-with-dash", "Qz7!x", "x".repeat(80) + "tail", "a\tb c");
        for (String secret : secrets) {
            Tunnel t = withSecret(UNIVERSAL, secret);
            for (VendorProfile p : VendorProfiles.all()) {
                List<Finding> findings = p.check(t);
                ProfileTestTunnels.assertNowhere(findings, secret);
                if (secret.length() > 3) {
                    ProfileTestTunnels.assertNowhere(findings, secret.substring(0, 4));
                }
            }
        }
    }

    @Test
    void noProfileShowsAnArbitrarySecret() {
        qt().withExamples(300).forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(12, 80))
                .checkAssert(secret -> {
                    Tunnel t = withSecret(UNIVERSAL, secret);
                    VendorProfiles.all().forEach(p -> ProfileTestTunnels.assertNowhere(p.check(t), secret));
                });
    }

    @Test
    void theDefaultPairCheckPrefixesEachTunnelsFindingsAndAddsNoPairRules() {
        VendorProfile strict = new VendorProfile() {
            @Override
            public String name() {
                return "strict";
            }

            @Override
            public List<Finding> check(Tunnel t) {
                return List.of(Finding.error("ALWAYS", "phaseOne.lifetime", "strict refuses every tunnel"));
            }
        };
        assertThat(strict.check(pair("pair1", UNIVERSAL, tunnel("tunnel2", 65010)))).extracting(Finding::path)
                .containsExactly("tunnel1.phaseOne.lifetime", "tunnel2.phaseOne.lifetime");
        assertThat(strict.checkPair(pair("pair1", UNIVERSAL, tunnel("tunnel2", 65010)))).isEmpty();
    }
}
