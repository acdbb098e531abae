package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.ProfileTestTunnels.single;
import static io.ipsec4j.model.check.ProfileTestTunnels.tunnel;
import static io.ipsec4j.model.check.ProfileTestTunnels.withAsns;
import static io.ipsec4j.model.check.ProfileTestTunnels.withEsp;
import static io.ipsec4j.model.check.ProfileTestTunnels.withIke;
import static io.ipsec4j.model.check.ProfileTestTunnels.withInside;
import static io.ipsec4j.model.check.ProfileTestTunnels.withLifetimes;
import static io.ipsec4j.model.check.ProfileTestTunnels.withPhaseOne;
import static io.ipsec4j.model.check.ProfileTestTunnels.withPhaseTwo;
import static io.ipsec4j.model.check.ProfileTestTunnels.withSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcpProfileTest {
    private static final VendorProfile GCP = VendorProfiles.GCP;
    private static final Tunnel OK =
            withLifetimes(tunnel("gcp1", 64514), Lifetime.ofSeconds(36_000), Lifetime.ofSeconds(10_800));
    private static final Tunnel IKEV1 = withEsp(withPhaseOne(OK, b -> b.ikeVersion(IkeVersion.IKEV1_MAIN)
            .proposals(List.of(IkeProposal.parse("aes128-sha1-modp1024"))).lifetime(Lifetime.ofSeconds(36_600))),
            "aes128-sha1-modp1024");

    private static Finding only(Tunnel t, String code, Severity severity, String path) {
        return ProfileTestTunnels.only(GCP, t, code, severity, path);
    }

    private static Finding onlyError(Tunnel t, String code, String path) {
        return only(t, code, Severity.ERROR, path);
    }

    @Test
    void aCompliantTunnelHasNoFindings() {
        assertThat(GCP.name()).isEqualTo("GCP Cloud VPN");
        assertThat(GCP.check(OK)).isEmpty();
        assertThat(GCP.check(IKEV1)).isEmpty();
    }

    @Test
    void ikeV2PhaseOneEncryptionMustBeAesGcmAesCbcOr3Des() {
        Finding f = onlyError(withIke(OK, "chacha20poly1305-prfsha256-ecp384"), "PHASE1_ENCRYPTION_NOT_ALLOWED",
                "phaseOne.proposals[0].encryption");
        assertThat(f.localValue()).contains("chacha20poly1305");
        assertThat(f.allowed()).contains("AES-GCM-16-128, AES-GCM-16-192, AES-GCM-16-256, AES-CBC-128, AES-CBC-192, "
                + "AES-CBC-256, 3DES-CBC");
        assertThat(GCP.check(withIke(OK, "3des-sha256-modp2048"))).isEmpty();
    }

    @Test
    void ikeV2PhaseOneIntegrityAndPrfMustBeGcpValues() {
        assertThat(onlyError(withIke(OK, "aes256-sha1_160-prfsha1-modp2048"), "PHASE1_INTEGRITY_NOT_ALLOWED",
                "phaseOne.proposals[0].integrity").allowed()).hasValueSatisfying(a -> assertThat(a)
                .contains("AES-XCBC-96", "AES-CMAC-96", "HMAC-SHA1-96", "HMAC-MD5-96", "HMAC-SHA2-512-256"));
        IkeProposal tiger = IkeProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .addPrf(PrfAlgorithm.HMAC_TIGER).addKeyExchange(KeyExchangeMethod.ECP_384).build();
        Finding prf = onlyError(withPhaseOne(OK, b -> b.proposals(List.of(tiger))), "PHASE1_PRF_NOT_ALLOWED",
                "phaseOne.proposals[0].prf");
        assertThat(prf.allowed())
                .hasValueSatisfying(a -> assertThat(a).contains("PRF-AES128-XCBC", "PRF-HMAC-SHA2-512"));
    }

    @Test
    void dhGroupsMustBeGcpGroups() {
        Finding f = onlyError(withIke(OK, "aes256gcm16-prfsha384-modp6144"), "PHASE1_DH_NOT_ALLOWED",
                "phaseOne.proposals[0].keyExchange");
        assertThat(f.localValue()).contains("modp6144 (group 17)");
        assertThat(f.allowed()).hasValueSatisfying(a -> assertThat(a).contains("Group-14", "Group-31"));
    }

    @Test
    void phaseTwoAllowsNeither3DesNorSha384() {
        onlyError(withEsp(OK, "3des-sha256-ecp384"), "PHASE2_ENCRYPTION_NOT_ALLOWED",
                "phaseTwo.proposals[0].encryption");
        assertThat(onlyError(withEsp(OK, "aes256-sha384-ecp384"), "PHASE2_INTEGRITY_NOT_ALLOWED",
                "phaseTwo.proposals[0].integrity").allowed())
                .contains("HMAC-SHA2-256-128, HMAC-SHA2-512-256, HMAC-SHA1-96");
    }

    @Test
    void phaseTwoWithoutPfsIsRefused() {
        Finding f = onlyError(withEsp(OK, "aes256gcm16"), "PFS_REQUIRED", "phaseTwo.proposals[0].pfsGroups");
        assertThat(f.message()).contains("requires PFS");
        assertThat(f.localValue()).contains("none");
        assertThat(f.phase()).isEqualTo(Phase.PHASE_2_REKEY);
        onlyError(withEsp(OK, "aes256gcm16-ecp384-none"), "PFS_REQUIRED", "phaseTwo.proposals[0].pfsGroups");
    }

    @Test
    void ikeV1AllowsOnlyAes128Sha1AndGroup2() {
        Finding f = onlyError(withIke(IKEV1, "aes256-sha1-modp1024"), "PHASE1_ENCRYPTION_NOT_ALLOWED",
                "phaseOne.proposals[0].encryption");
        assertThat(f.allowed()).contains("AES-CBC-128");
        assertThat(onlyError(withEsp(IKEV1, "aes128-sha1-modp2048"), "PHASE2_PFS_NOT_ALLOWED",
                "phaseTwo.proposals[0].pfsGroups").allowed()).contains("Group-2");
        assertThat(onlyError(withEsp(IKEV1, "aes128-sha1"), "PFS_REQUIRED", "phaseTwo.proposals[0].pfsGroups").phase())
                .isEqualTo(Phase.PHASE_2);
    }

    @Test
    void aPhaseOneLifetimeOtherThanGcpsIsAWarningBecauseTheShorterOneWins() {
        Finding f = only(withLifetimes(OK, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(10_800)),
                "PHASE1_LIFETIME_FIXED", Severity.WARNING, "phaseOne.lifetime");
        assertThat(f.message()).contains("fixed at 36000 s", "ours (28800 s)");
        only(withLifetimes(IKEV1, Lifetime.ofSeconds(36_000), Lifetime.ofSeconds(10_800)), "PHASE1_LIFETIME_FIXED",
                Severity.WARNING, "phaseOne.lifetime");
    }

    @Test
    void aPhaseTwoLifetimeOtherThanGcpsIsAWarning() {
        Finding f = only(withLifetimes(OK, Lifetime.ofSeconds(36_000), Lifetime.ofSeconds(14_400)),
                "PHASE2_LIFETIME_FIXED", Severity.WARNING, "phaseTwo.lifetime");
        assertThat(f.message()).contains("GCP Cloud VPN's (10800 s)");
        assertThat(f.allowed()).contains("10800 s (fixed by GCP Cloud VPN)");
    }

    @Test
    void lifetimeLimitsGcpCannotSetAreWarnings() {
        Lifetime bytes = Lifetime.builder().time(Duration.ofSeconds(10_800)).bytes(1L << 30).build();
        only(withLifetimes(OK, Lifetime.ofSeconds(36_000), bytes), "NOT_EXPRESSIBLE", Severity.WARNING,
                "phaseTwo.lifetime.bytes");
    }

    @Test
    void thePskMayHaveUpTo64PrintableCharacters() {
        assertThat(GCP.check(withSecret(OK, "Microsoft123!"))).isEmpty();
        Finding f = onlyError(withSecret(OK, "a".repeat(65)), "PSK_LENGTH", "phaseOne.sharedSecret");
        assertThat(f.allowed()).contains("1..64 characters");
        List<Finding> findings = GCP.check(withSecret(OK, "q7Hn2\tZr9fKx4TwLp8sVb3M"));
        assertThat(single(findings).message()).contains("printable ASCII");
        ProfileTestTunnels.assertNowhere(findings, "q7Hn2");
    }

    @Test
    void theBgpInsideNetworkIsALinkLocalSlash30() {
        onlyError(withInside(OK, "169.254.10.2/29", "169.254.10.1"), "INSIDE_PREFIX", "tunnelInterface");
        onlyError(withInside(OK, "10.0.0.2/30", "10.0.0.1"), "INSIDE_RANGE", "tunnelInterface");
    }

    @Test
    void theCloudRouterAsnMustBePrivate() {
        Finding f = onlyError(withAsns(OK, 65000, 16550), "CLOUD_ROUTER_ASN", "bgp.peerAsn");
        assertThat(f.allowed()).contains("64512..65534, 4200000000..4294967294");
        assertThat(GCP.check(withAsns(OK, 65000, 4_200_000_000L))).isEmpty();
    }

    @Test
    void ourAsnMustDifferFromTheCloudRouterAsn() {
        onlyError(withAsns(OK, 64514, 64514), "BGP_SAME_ASN", "bgp.localAsn");
    }

    @Test
    void transportModeIsRefused() {
        onlyError(withPhaseTwo(OK, b -> b.mode(EspMode.TRANSPORT)), "ESP_MODE", "phaseTwo.mode");
    }

    @Test
    void severalProposalsAreMergedIntoTheCipherSuite() {
        only(withEsp(OK, "aes256gcm16-ecp384", "aes128-sha256-modp2048"), "PROPOSALS_MERGED", Severity.WARNING,
                "phaseTwo.proposals");
    }

    @Test
    void gmacIntegrityIsNotAGcpPhaseTwoIntegrity() {
        var p = io.ipsec4j.model.algorithm.EspProposal.builder().addEncryption(Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.AES_128_GMAC).addPfsGroups(KeyExchangeMethod.ECP_384).build();
        onlyError(withPhaseTwo(OK, b -> b.proposals(List.of(p))), "PHASE2_INTEGRITY_NOT_ALLOWED",
                "phaseTwo.proposals[0].integrity");
    }

    @Test
    void bgpPeersOnlyOverTheInsideNetwork() {
        Finding f = onlyError(ProfileTestTunnels.withMultihop(OK), "BGP_MULTIHOP_UNSUPPORTED", "bgp.kind");
        assertThat(f.message()).contains("multihop session from 10.255.0.1 to 10.255.1.1 never establishes");
    }
}
