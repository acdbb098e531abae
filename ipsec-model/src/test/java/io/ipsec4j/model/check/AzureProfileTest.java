package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.ProfileTestTunnels.pair;
import static io.ipsec4j.model.check.ProfileTestTunnels.single;
import static io.ipsec4j.model.check.ProfileTestTunnels.tunnel;
import static io.ipsec4j.model.check.ProfileTestTunnels.withAsns;
import static io.ipsec4j.model.check.ProfileTestTunnels.withEsp;
import static io.ipsec4j.model.check.ProfileTestTunnels.withIke;
import static io.ipsec4j.model.check.ProfileTestTunnels.withLifetimes;
import static io.ipsec4j.model.check.ProfileTestTunnels.withPhaseTwo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureProfileTest {
    private static final VendorProfile AZURE = VendorProfiles.AZURE;
    private static final VendorProfile VWAN = VendorProfiles.AZURE_VWAN;
    private static final Tunnel OK = tunnel("az1", 65515);

    private static Finding only(VendorProfile profile, Tunnel t, String code, Severity severity, String path) {
        return ProfileTestTunnels.only(profile, t, code, severity, path);
    }

    private static Finding onlyError(Tunnel t, String code, String path) {
        return only(AZURE, t, code, Severity.ERROR, path);
    }

    @Test
    void aCompliantTunnelHasNoFindingsOnEitherAzureProduct() {
        assertThat(AZURE.name()).isEqualTo("Azure VPN Gateway");
        assertThat(VWAN.name()).isEqualTo("Azure Virtual WAN");
        assertThat(AZURE.check(OK)).isEmpty();
        assertThat(VWAN.check(OK)).isEmpty();
    }

    @Test
    void azureAcceptsOnePolicyPerConnection() {
        Finding f = onlyError(withIke(OK, "aes256gcm16-prfsha384-ecp384", "aes256-sha256-modp2048"),
                "AZURE_ONE_POLICY", "phaseOne.proposals");
        assertThat(f.allowed()).contains("1 proposal");
    }

    @Test
    void azureAcceptsExactlyOneValuePerField() {
        Finding f = onlyError(withIke(OK, "aes256gcm16-aes128gcm16-prfsha384-ecp384"), "AZURE_MULTIPLE_VALUES",
                "phaseOne.proposals[0].encryption");
        assertThat(f.message()).contains("Azure accepts exactly one value per field").contains("ikeEncryption");
        assertThat(f.localValue()).contains("GCMAES256, GCMAES128");
        Finding pfs = onlyError(withEsp(OK, "aes256gcm16-ecp384-ecp256"), "AZURE_MULTIPLE_VALUES",
                "phaseTwo.proposals[0].pfsGroups");
        assertThat(pfs.localValue()).contains("ECP384, ECP256");
    }

    @Test
    void ikeEncryptionIntegrityAndDhMustBeAzureValues() {
        assertThat(onlyError(withIke(OK, "aes256ctr-sha256-modp2048"), "PHASE1_ENCRYPTION_NOT_ALLOWED",
                "phaseOne.proposals[0].encryption").allowed())
                .contains("GCMAES256, GCMAES128, AES256, AES192, AES128, DES3, DES");
        assertThat(onlyError(withIke(OK, "aes256-aesxcbc-modp2048"), "PHASE1_INTEGRITY_NOT_ALLOWED",
                "phaseOne.proposals[0].integrity").localValue()).contains("aesxcbc");
        assertThat(onlyError(withIke(OK, "aes256-sha256-modp3072"), "PHASE1_DH_NOT_ALLOWED",
                "phaseOne.proposals[0].keyExchange").allowed())
                .contains("DHGroup24, ECP384, ECP256, DHGroup14, DHGroup2, DHGroup1");
    }

    @Test
    void anAeadIkePolicyNeedsAPrfAzureCanNameAsIntegrity() {
        assertThat(onlyError(withIke(OK, "aes256gcm16-prfaesxcbc-ecp384"), "PHASE1_PRF_NOT_ALLOWED",
                "phaseOne.proposals[0].prf").allowed()).contains("SHA384, SHA256, SHA1, MD5");
    }

    @Test
    void aPrfOtherThanTheIntegrityAlgorithmCannotBeExpressed() {
        only(AZURE, withIke(OK, "aes256-sha256-prfsha384-modp2048"), "PRF_NOT_EXPRESSIBLE", Severity.WARNING,
                "phaseOne.proposals[0].prf");
    }

    @Test
    void ipsecEncryptionMustBeAnAzureValue() {
        assertThat(onlyError(withEsp(OK, "aes256ctr-sha256-ecp384"), "PHASE2_ENCRYPTION_NOT_ALLOWED",
                "phaseTwo.proposals[0].encryption").allowed())
                .contains("GCMAES256, GCMAES192, GCMAES128, AES256, AES192, AES128, DES3, DES, None");
    }

    @Test
    void ipsecIntegrityAndPfsMustBeAzureValues() {
        assertThat(onlyError(withEsp(OK, "aes256-sha384-ecp384"), "PHASE2_INTEGRITY_NOT_ALLOWED",
                "phaseTwo.proposals[0].integrity").allowed())
                .contains("GCMAES256, GCMAES192, GCMAES128, SHA256, SHA1, MD5");
        assertThat(onlyError(withEsp(OK, "aes256gcm16-curve25519"), "PHASE2_PFS_NOT_ALLOWED",
                "phaseTwo.proposals[0].pfsGroups").allowed()).contains("PFS24, ECP384, ECP256, PFS2048, PFS2, PFS1");
        assertThat(AZURE.check(withEsp(OK, "aes256-sha256"))).as("PFS None").isEmpty();
    }

    @Test
    void gcmEncryptionAndIntegrityMustNameTheSameGcmAlgorithm() {
        EspProposal cbcWithGmac = EspProposal.builder().addEncryption(Encryption.AES256_CBC)
                .addIntegrity(IntegrityAlgorithm.AES_256_GMAC).build();
        Finding f = onlyError(withPhaseTwo(OK, b -> b.proposals(List.of(cbcWithGmac))), "AZURE_GCM_PAIRING",
                "phaseTwo.proposals[0].integrity");
        assertThat(f.message()).contains("same GCM algorithm");
        assertThat(f.localValue()).contains("AES256 + GCMAES256");
    }

    @Test
    void theQuickModeLifetimeMustBeAtLeast300Seconds() {
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(240)),
                "PHASE2_LIFETIME_RANGE", "phaseTwo.lifetime");
        assertThat(f.allowed()).contains(">= 300 s");
    }

    @Test
    void theQuickModeDataSizeMustBeAtLeast1024Kilobytes() {
        Lifetime small = Lifetime.builder().time(Duration.ofSeconds(3_600)).bytes(512 * 1024).build();
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), small), "SA_DATA_SIZE_RANGE",
                "phaseTwo.lifetime.bytes");
        assertThat(f.localValue()).contains("512 KB");
        assertThat(f.allowed()).contains(">= 1024 KB");
    }

    @Test
    void aPacketLimitCannotBeExpressed() {
        Lifetime packets = Lifetime.builder().time(Duration.ofSeconds(3_600)).packets(1_000_000).build();
        only(AZURE, withLifetimes(OK, Lifetime.ofSeconds(28_800), packets), "NOT_EXPRESSIBLE", Severity.WARNING,
                "phaseTwo.lifetime.packets");
    }

    @Test
    void theDpdTimeoutMustBeWithin9And3600Seconds() {
        assertThat(onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(5, 8, DpdAction.RESTART))), "DPD_TIMEOUT_RANGE",
                "phaseTwo.dpd.timeout").allowed()).contains("9..3600 s");
        onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(10, 4_000, DpdAction.RESTART))), "DPD_TIMEOUT_RANGE",
                "phaseTwo.dpd.timeout");
    }

    @Test
    void anIkeLifetimeOtherThan28800SecondsIsAWarningBecauseTheShorterOneWins() {
        Finding f = only(AZURE, withLifetimes(OK, Lifetime.ofSeconds(14_400), Lifetime.ofSeconds(3_600)),
                "IKE_LIFETIME_FIXED", Severity.WARNING, "phaseOne.lifetime");
        assertThat(f.message()).contains("fixed at 28800 s").contains("ours (14400 s)");
        assertThat(f.allowed()).contains("28800 s (fixed by Azure VPN Gateway)");
    }

    @Test
    void asnsReservedByAzureOrIanaAreRefusedOnOurSide() {
        for (long reserved : new long[] {65517, 8075, 12076, 64500, 65550}) {
            Finding f = onlyError(withAsns(OK, reserved, 65515), "ASN_RESERVED", "bgp.localAsn");
            assertThat(f.localValue()).contains(Long.toString(reserved));
            assertThat(f.message()).contains("Azure reserves it");
        }
        assertThat(AZURE.check(withAsns(OK, 65516, 65515))).isEmpty();
    }

    @Test
    void ourAsnMustDifferFromAzureAsn() {
        onlyError(withAsns(OK, 65010, 65010), "BGP_SAME_ASN", "bgp.localAsn");
    }

    @Test
    void bothTunnelsOfAPairPeerWithTheOneGatewayAsn() {
        assertThat(AZURE.check(pair("az", OK, tunnel("az2", 65515)))).isEmpty();
        Finding f = single(AZURE.check(pair("az", OK, tunnel("az2", 65010))));
        assertThat(f.code()).isEqualTo("PAIR_PEER_ASN_DIFFERS");
    }

    @Test
    void virtualWanHasItsOwnShorterLists() {
        assertThat(only(VWAN, withIke(OK, "aes192-sha256-modp2048"), "PHASE1_ENCRYPTION_NOT_ALLOWED", Severity.ERROR,
                "phaseOne.proposals[0].encryption").allowed()).contains("GCMAES256, GCMAES128, AES256, AES128");
        assertThat(only(VWAN, withIke(OK, "aes256-sha1-modp2048"), "PHASE1_INTEGRITY_NOT_ALLOWED", Severity.ERROR,
                "phaseOne.proposals[0].integrity").allowed()).contains("SHA384, SHA256");
        assertThat(only(VWAN, withEsp(OK, "aes256-sha1-ecp384"), "PHASE2_INTEGRITY_NOT_ALLOWED", Severity.ERROR,
                "phaseTwo.proposals[0].integrity").allowed()).contains("GCMAES256, GCMAES128, SHA256");
        assertThat(only(VWAN, withEsp(OK, "aes256gcm16-modp1024"), "PHASE2_PFS_NOT_ALLOWED", Severity.ERROR,
                "phaseTwo.proposals[0].pfsGroups").allowed()).contains("ECP384, ECP256, PFS24, PFS14");
        assertThat(only(VWAN, withIke(OK, "aes256-sha256-modp1024"), "PHASE1_DH_NOT_ALLOWED", Severity.ERROR,
                "phaseOne.proposals[0].keyExchange").allowed()).contains("ECP384, ECP256, DHGroup24, DHGroup14");
        assertThat(only(VWAN, withEsp(OK, "aes192-sha256-ecp384"), "PHASE2_ENCRYPTION_NOT_ALLOWED", Severity.ERROR,
                "phaseTwo.proposals[0].encryption").allowed()).contains("GCMAES256, GCMAES128, AES256, AES128, None");
    }

    @Test
    void virtualWanKeepsTheMinimumSaLifetimeButNotTheGatewayOnlyRules() {
        only(VWAN, withLifetimes(OK, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(240)), "PHASE2_LIFETIME_RANGE",
                Severity.ERROR, "phaseTwo.lifetime");
        assertThat(VWAN.check(withLifetimes(OK, Lifetime.ofSeconds(14_400), Lifetime.ofSeconds(3_600)))).isEmpty();
        assertThat(VWAN.check(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(5, 8, DpdAction.RESTART))))).isEmpty();
    }

    @Test
    void azurePeersMultihopWithTheSitesBgpAddress() {
        assertThat(AZURE.check(ProfileTestTunnels.withMultihop(OK))).isEmpty();
        assertThat(VWAN.check(ProfileTestTunnels.withMultihop(OK))).isEmpty();
    }
}
