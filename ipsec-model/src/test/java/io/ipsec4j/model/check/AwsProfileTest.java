package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.ProfileTestTunnels.pair;
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

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Phase;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsProfileTest {
    private static final VendorProfile AWS = VendorProfiles.AWS;
    private static final Tunnel OK = tunnel("aws1", 64512);

    private static Finding only(Tunnel t, String code, Severity severity, String path) {
        return ProfileTestTunnels.only(AWS, t, code, severity, path);
    }

    private static Finding onlyError(Tunnel t, String code, String path) {
        return only(t, code, Severity.ERROR, path);
    }

    @Test
    void aCompliantTunnelHasNoFindings() {
        assertThat(AWS.name()).isEqualTo("AWS");
        assertThat(AWS.check(OK)).isEmpty();
    }

    @Test
    void ikeV1MainModeIsAcceptedButAggressiveModeIsRefused() {
        Tunnel v1 = withIke(OK, "aes256-sha256-modp2048");
        assertThat(AWS.check(withPhaseOne(v1, b -> b.ikeVersion(IkeVersion.IKEV1_MAIN)))).isEmpty();
        Finding f = onlyError(withPhaseOne(v1, b -> b.ikeVersion(IkeVersion.IKEV1_AGGRESSIVE)),
                "IKE_AGGRESSIVE_MODE", "phaseOne.ikeVersion");
        assertThat(f.message()).contains("aggressive mode");
        assertThat(f.allowed()).contains("ikev1 (main mode), ikev2");
        assertThat(f.phase()).isEqualTo(Phase.PHASE_1);
    }

    @Test
    void phaseOneEncryptionMustBeOneOfTheFourAwsValues() {
        Finding f = onlyError(withIke(OK, "aes192-sha256-modp2048"), "PHASE1_ENCRYPTION_NOT_ALLOWED",
                "phaseOne.proposals[0].encryption");
        assertThat(f.localValue()).contains("aes192");
        assertThat(f.allowed()).contains("AES128, AES256, AES128-GCM-16, AES256-GCM-16");
    }

    @Test
    void phaseOneIntegrityMustBeOneOfTheFourAwsValues() {
        Finding f = onlyError(withIke(OK, "aes256-aesxcbc-prfaesxcbc-modp2048"), "PHASE1_INTEGRITY_NOT_ALLOWED",
                "phaseOne.proposals[0].integrity");
        assertThat(f.localValue()).contains("aesxcbc");
        assertThat(f.allowed()).contains("SHA1, SHA2-256, SHA2-384, SHA2-512");
    }

    @Test
    void theAeadPrfMustBeOneOfTheIntegrityValues() {
        Finding f = onlyError(withIke(OK, "aes256gcm16-prfaesxcbc-ecp384"), "PHASE1_PRF_NOT_ALLOWED",
                "phaseOne.proposals[0].prf");
        assertThat(f.allowed()).contains("SHA1, SHA2-256, SHA2-384, SHA2-512");
    }

    @Test
    void aPrfOtherThanTheIntegrityAlgorithmCannotBeExpressed() {
        Finding f = only(withIke(OK, "aes256-sha256-prfsha384-modp2048"), "PRF_NOT_EXPRESSIBLE", Severity.WARNING,
                "phaseOne.proposals[0].prf");
        assertThat(f.localValue()).contains("prfsha384");
        assertThat(f.allowed()).contains("SHA2-256");
    }

    @Test
    void phaseOneRefusesDhGroupFiveThatPhaseTwoAccepts() {
        Finding f = onlyError(withIke(OK, "aes256gcm16-prfsha384-modp1536"), "PHASE1_DH_NOT_ALLOWED",
                "phaseOne.proposals[0].keyExchange");
        assertThat(f.localValue()).contains("5");
        assertThat(f.allowed()).contains("2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24");
        assertThat(AWS.check(withEsp(OK, "aes256gcm16-modp1536"))).isEmpty();
    }

    @Test
    void phaseTwoEncryptionIntegrityAndPfsMustBeAwsValues() {
        assertThat(onlyError(withEsp(OK, "3des-sha1-ecp384"), "PHASE2_ENCRYPTION_NOT_ALLOWED",
                "phaseTwo.proposals[0].encryption").localValue()).contains("3des");
        assertThat(onlyError(withEsp(OK, "aes256-md5-ecp384"), "PHASE2_INTEGRITY_NOT_ALLOWED",
                "phaseTwo.proposals[0].integrity").localValue()).contains("md5");
        Finding pfs = onlyError(withEsp(OK, "aes256gcm16-curve25519"), "PHASE2_PFS_NOT_ALLOWED",
                "phaseTwo.proposals[0].pfsGroups");
        assertThat(pfs.allowed()).contains("2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24");
    }

    @Test
    void severalProposalsAreMergedIntoOneSetOfLists() {
        Finding f = only(withIke(OK, "aes256gcm16-prfsha384-ecp384", "aes128-sha256-modp2048"), "PROPOSALS_MERGED",
                Severity.WARNING, "phaseOne.proposals");
        assertThat(f.message()).contains("merged");
    }

    @Test
    void additionalKeyExchangesAreRefused() {
        onlyError(withIke(OK, "aes256gcm16-prfsha384-ecp384-ke1_mlkem768"), "ADDITIONAL_KE_NOT_SUPPORTED",
                "phaseOne.proposals[0].additionalKeyExchanges");
    }

    @Test
    void phaseOneLifetimeMustBeWithin900And28800Seconds() {
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(36_000), Lifetime.ofSeconds(3_600)),
                "PHASE1_LIFETIME_RANGE", "phaseOne.lifetime");
        assertThat(f.localValue()).contains("36000 s");
        assertThat(f.allowed()).contains("900..28800 s");
    }

    @Test
    void phaseTwoLifetimeMustBeWithin900And3600Seconds() {
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(7_200)),
                "PHASE2_LIFETIME_RANGE", "phaseTwo.lifetime");
        assertThat(f.allowed()).contains("900..3600 s");
    }

    @Test
    void aPhaseTwoLifetimeLongerThanPhaseOneIsAnErrorUnderAwsWhereTheModelOnlyWarns() {
        Tunnel t = withLifetimes(OK, Lifetime.ofSeconds(1_800), Lifetime.ofSeconds(3_600));
        assertThat(t.warnings()).filteredOn(w -> w.code().equals("PHASE2_LIFETIME_LONGER"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        Finding f = onlyError(t, "PHASE2_LIFETIME_NOT_SHORTER", "phaseTwo.lifetime");
        assertThat(f.message()).contains("shorter than the Phase 1 lifetime");
        assertThat(f.allowed()).contains("< 1800 s");
    }

    @Test
    void rekeyMarginMustBeBetween60SecondsAndHalfThePhaseTwoLifetime() {
        Lifetime tooShort =
                Lifetime.builder().time(Duration.ofSeconds(3_600)).rekeyMargin(Duration.ofSeconds(30)).build();
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), tooShort), "REKEY_MARGIN_RANGE",
                "phaseTwo.lifetime.rekeyMargin");
        assertThat(f.allowed()).contains("60..1800 s");
        Lifetime tooLong = Lifetime.builder().time(Duration.ofSeconds(3_600)).rekeyMargin(Duration.ofSeconds(1_900))
                .rekeyFuzzPercent(0).build();
        onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), tooLong), "REKEY_MARGIN_RANGE",
                "phaseTwo.lifetime.rekeyMargin");
    }

    @Test
    void rekeyFuzzMustBeAtMost100Percent() {
        Lifetime fuzzy = Lifetime.builder().time(Duration.ofSeconds(3_600)).rekeyFuzzPercent(150).build();
        Finding f = onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), fuzzy), "REKEY_FUZZ_RANGE",
                "phaseTwo.lifetime.rekeyFuzzPercent");
        assertThat(f.allowed()).contains("0..100 %");
    }

    @Test
    void aByteLifetimeCannotBeExpressed() {
        Lifetime bytes = Lifetime.builder().time(Duration.ofSeconds(3_600)).bytes(1L << 30).build();
        only(withLifetimes(OK, Lifetime.ofSeconds(28_800), bytes), "NOT_EXPRESSIBLE", Severity.WARNING,
                "phaseTwo.lifetime.bytes");
    }

    @Test
    void replayWindowMustBeWithin64And2048Packets() {
        Finding f =
                onlyError(withPhaseTwo(OK, b -> b.replayWindow(32)), "REPLAY_WINDOW_RANGE", "phaseTwo.replayWindow");
        assertThat(f.localValue()).contains("32 packets");
        assertThat(f.allowed()).contains("64..2048 packets");
    }

    @Test
    void dpdTimeoutMustBeAtLeast30Seconds() {
        Finding f = onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(10, 20, DpdAction.RESTART))),
                "DPD_TIMEOUT_RANGE", "phaseTwo.dpd.timeout");
        assertThat(f.allowed()).contains(">= 30 s");
    }

    @Test
    void dpdActionMustBeClearNoneOrRestart() {
        Finding f = onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(10, 30, DpdAction.HOLD))),
                "DPD_ACTION_NOT_ALLOWED", "phaseTwo.dpd.action");
        assertThat(f.localValue()).contains("hold");
        assertThat(f.allowed()).contains("clear, none, restart");
    }

    @Test
    void transportModeIsRefused() {
        onlyError(withPhaseTwo(OK, b -> b.mode(EspMode.TRANSPORT)), "ESP_MODE", "phaseTwo.mode");
    }

    @Test
    void thePskMustHave8To64Characters() {
        Finding f = onlyError(withSecret(OK, "Ab1.x_9"), "PSK_LENGTH", "phaseOne.sharedSecret");
        assertThat(f.localValue()).contains("7 characters");
        assertThat(f.allowed()).contains("8..64 characters");
    }

    @Test
    void thePskMayOnlyContainLettersDigitsDotsAndUnderscoresAndIsNeverShown() {
        List<Finding> findings = AWS.check(withSecret(OK, "q7Hn2-Zr9fKx4TwLp8sVb3M"));
        Finding f = single(findings);
        assertThat(f.code()).isEqualTo("PSK_CHARACTERS");
        assertThat(f.message()).contains("contains a character outside [A-Za-z0-9._]");
        ProfileTestTunnels.assertNowhere(findings, "q7Hn2-Zr9");
    }

    @Test
    void thePskMustNotStartWithZero() {
        onlyError(withSecret(OK, "0q7Hn2Zr9fKx4TwLp8sVb3M"), "PSK_LEADING_ZERO", "phaseOne.sharedSecret");
    }

    @Test
    void theInsideNetworkMustBeASlash30InLinkLocalSpace() {
        assertThat(onlyError(withInside(OK, "169.254.10.2/29", "169.254.10.1"), "INSIDE_PREFIX", "tunnelInterface")
                .localValue()).contains("169.254.10.0/29");
        assertThat(onlyError(withInside(OK, "10.0.0.2/30", "10.0.0.1"), "INSIDE_RANGE", "tunnelInterface")
                .allowed()).hasValueSatisfying(a -> assertThat(a).startsWith("a /30 in 169.254.0.0/16"));
    }

    @Test
    void theReservedInsideNetworksAreRefused() {
        String[][] reservedNetworks = {{"169.254.169.254/30", "169.254.169.253"}, {"169.254.5.2/30", "169.254.5.1"}};
        for (String[] reserved : reservedNetworks) {
            Finding f = onlyError(withInside(OK, reserved[0], reserved[1]), "INSIDE_RESERVED", "tunnelInterface");
            assertThat(f.message()).contains("reserves");
        }
    }

    @Test
    void anIpv6InsideNetworkMustBeASlash126InFd00() {
        assertThat(AWS.check(withInside(OK, "fd00:10::2/126", "fd00:10::1"))).isEmpty();
        Finding f = onlyError(withInside(OK, "2001:db8::2/126", "2001:db8::1"), "INSIDE_RANGE", "tunnelInterface");
        assertThat(f.allowed()).contains("a /126 in fd00::/8");
    }

    @Test
    void customerGatewayAsnsAbove2147483647NeedTheExtendedField() {
        Finding f = only(withAsns(OK, 4_200_000_001L, 64512), "CGW_ASN_EXTENDED", Severity.WARNING, "bgp.localAsn");
        assertThat(f.allowed()).contains("1..2147483647 (BgpAsn)");
    }

    @Test
    void asnsReservedInOneAwsRegionAreAWarning() {
        only(withAsns(OK, 7224, 64512), "CGW_ASN_REGION_RESERVED", Severity.WARNING, "bgp.localAsn");
    }

    @Test
    void ourAsnMustDifferFromAwsAsn() {
        Finding f = onlyError(withAsns(OK, 64512, 64512), "BGP_SAME_ASN", "bgp.localAsn");
        assertThat(f.phase()).isEqualTo(Phase.ROUTING);
    }

    @Test
    void aPairIsCheckedPerTunnelWithPrefixedPaths() {
        Tunnel badSecond = withPhaseTwo(tunnel("aws2", 64512), b -> b.replayWindow(32));
        List<Finding> findings = AWS.check(pair("aws", OK, badSecond));
        assertThat(single(findings).path()).isEqualTo("tunnel2.phaseTwo.replayWindow");
        assertThat(AWS.check(pair("aws", OK, tunnel("aws2", 64512)))).isEmpty();
    }

    @Test
    void bothTunnelsOfAPairPeerWithTheSameAwsAsn() {
        Finding f = single(AWS.check(pair("aws", OK, tunnel("aws2", 64513))));
        assertThat(f.code()).isEqualTo("PAIR_PEER_ASN_DIFFERS");
        assertThat(f.path()).isEqualTo("tunnel2.bgp.peerAsn");
        assertThat(f.allowed()).contains("64512");
    }

    @Test
    void aParsedProposalListIsAcceptedWhenEveryValueIsAllowed() {
        Tunnel t = withIke(OK, "aes128-aes256-sha1-sha256-modp2048-ecp256");
        assertThat(AWS.check(t)).isEmpty();
    }

    @Test
    void bgpPeersOnlyOverTheInsideNetwork() {
        Finding f = onlyError(ProfileTestTunnels.withMultihop(OK), "BGP_MULTIHOP_UNSUPPORTED", "bgp.kind");
        assertThat(f.message()).contains("multihop session from 10.255.0.1 to 10.255.1.1 never establishes");
    }
}
