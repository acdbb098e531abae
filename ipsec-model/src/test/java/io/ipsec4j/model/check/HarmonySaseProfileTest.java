package io.ipsec4j.model.check;

import static io.ipsec4j.model.check.ProfileTestTunnels.pair;
import static io.ipsec4j.model.check.ProfileTestTunnels.single;
import static io.ipsec4j.model.check.ProfileTestTunnels.tunnel;
import static io.ipsec4j.model.check.ProfileTestTunnels.withAsns;
import static io.ipsec4j.model.check.ProfileTestTunnels.withEsp;
import static io.ipsec4j.model.check.ProfileTestTunnels.withIke;
import static io.ipsec4j.model.check.ProfileTestTunnels.withLifetimes;
import static io.ipsec4j.model.check.ProfileTestTunnels.withPhaseOne;
import static io.ipsec4j.model.check.ProfileTestTunnels.withPhaseTwo;
import static io.ipsec4j.model.check.ProfileTestTunnels.withSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Dpd;
import io.ipsec4j.model.DpdAction;
import io.ipsec4j.model.Finding;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.IkeVersion;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Lifetime;
import io.ipsec4j.model.Severity;
import io.ipsec4j.model.Tunnel;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarmonySaseProfileTest {
    private static final VendorProfile HARMONY = VendorProfiles.HARMONY_SASE;
    private static final Tunnel OK = tunnel("harmony1", 64512);
    private static final Tunnel OK2 = tunnel("harmony2", 64512);

    private static Finding onlyError(Tunnel t, String code, String path) {
        return ProfileTestTunnels.only(HARMONY, t, code, Severity.ERROR, path);
    }

    private static Tunnel named(Tunnel t, String name) {
        return Tunnel.builder().from(t).name(name).build();
    }

    @Test
    void aCompliantTunnelAndPairHaveNoFindings() {
        assertThat(HARMONY.name()).isEqualTo("Harmony SASE");
        assertThat(HARMONY.check(OK)).isEmpty();
        assertThat(HARMONY.check(pair("redundant1", OK, OK2))).isEmpty();
    }

    @Test
    void theTunnelNameHas3To15LettersOrDigits() {
        assertThat(onlyError(named(OK, "ab"), "TUNNEL_NAME_LENGTH", "name").allowed()).contains("3..15 characters");
        onlyError(named(OK, "abcdefghijklmnop"), "TUNNEL_NAME_LENGTH", "name");
        assertThat(onlyError(named(OK, "aws-1"), "TUNNEL_NAME_CHARACTERS", "name").allowed()).contains("[a-zA-Z0-9]");
    }

    @Test
    void aPairIsNamedOnceSoOnlyThePairNameIsChecked() {
        Finding f = single(HARMONY.check(pair("my-pair", named(OK, "site-a"), named(OK2, "site-b"))));
        assertThat(f.code()).isEqualTo("TUNNEL_NAME_CHARACTERS");
        assertThat(f.path()).isEqualTo("name");
        assertThat(f.localValue()).contains("my-pair");
    }

    @Test
    void azuresSamplePskFailsThePassphrasePatternWithoutAppearingInAnyFinding() {
        List<Finding> findings = HARMONY.check(withSecret(OK, "Microsoft123!"));
        Finding f = single(findings);
        assertThat(f.code()).isEqualTo("PSK_CHARACTERS");
        assertThat(f.path()).isEqualTo("phaseOne.sharedSecret");
        assertThat(f.message()).contains("Harmony SASE", "contains a character outside [A-Za-z0-9._]");
        assertThat(f.localValue()).contains("13 characters");
        ProfileTestTunnels.assertNowhere(findings, "Microsoft123");
        ProfileTestTunnels.assertNowhere(findings, "!");
    }

    @Test
    void thePassphraseHas8To64CharactersAndDoesNotStartWithZero() {
        onlyError(withSecret(OK, "Ab1.x_9"), "PSK_LENGTH", "phaseOne.sharedSecret");
        onlyError(withSecret(OK, "A".repeat(65)), "PSK_LENGTH", "phaseOne.sharedSecret");
        onlyError(withSecret(OK, "0q7Hn2Zr9fKx4TwLp8sVb3M"), "PSK_LEADING_ZERO", "phaseOne.sharedSecret");
        assertThat(HARMONY.check(withSecret(OK, "1q7Hn2Zr"))).isEmpty();
    }

    @Test
    void theRemoteIdIsAnIpv4AddressOr3To25LettersAndDigits() {
        assertThat(HARMONY.check(withPhaseOne(OK, b -> b.remoteId(Identity.parse("azuregw1"))))).isEmpty();
        Finding f = onlyError(withPhaseOne(OK, b -> b.remoteId(Identity.fqdn("vpn.example.com"))), "REMOTE_ID_FORMAT",
                "phaseOne.remoteId");
        assertThat(f.localValue()).contains("vpn.example.com");
        assertThat(f.allowed()).contains("IPv4 address or [a-zA-Z0-9]{3,25}");
        onlyError(withPhaseOne(OK, b -> b.remotePublicIp(IpAddress.parse("2001:db8::1"))), "REMOTE_ID_FORMAT",
                "phaseOne.remoteId");
    }

    @Test
    void theRemoteAsnMustBeInTheApiRanges() {
        for (long asn : new long[] {64500, 65535, 100_000}) {
            Finding f = onlyError(withAsns(OK, 65000, asn), "REMOTE_ASN_RANGE", "bgp.peerAsn");
            assertThat(f.allowed()).contains("1..23455, 23457..64495, 64512..65534, 131072..4294967294");
        }
        assertThat(HARMONY.check(withAsns(OK, 65000, 65515))).isEmpty();
        assertThat(HARMONY.check(withAsns(OK, 65000, 7224))).isEmpty();
    }

    @Test
    void bothLifetimesMustBeWithin10SecondsAnd24Hours() {
        assertThat(onlyError(withLifetimes(OK, Lifetime.ofSeconds(100_000), Lifetime.ofSeconds(3_600)),
                "PHASE1_LIFETIME_RANGE", "phaseOne.lifetime").allowed()).contains("10..86400 s");
        onlyError(withLifetimes(OK, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(5)), "PHASE2_LIFETIME_RANGE",
                "phaseTwo.lifetime");
    }

    @Test
    void aRekeyMarginCannotBeExpressed() {
        Lifetime margin =
                Lifetime.builder().time(Duration.ofSeconds(3_600)).rekeyMargin(Duration.ofSeconds(300)).build();
        Finding f = single(HARMONY.check(withLifetimes(OK, Lifetime.ofSeconds(28_800), margin)));
        assertThat(f.code()).isEqualTo("NOT_EXPRESSIBLE");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.path()).isEqualTo("phaseTwo.lifetime.rekeyMargin");
    }

    @Test
    void dpdDelayAndTimeoutMustBeWithin5And60Seconds() {
        onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(3, 30, DpdAction.RESTART))), "DPD_DELAY_RANGE",
                "phaseTwo.dpd.delay");
        assertThat(onlyError(withPhaseTwo(OK, b -> b.dpd(Dpd.ofSeconds(10, 90, DpdAction.RESTART))),
                "DPD_TIMEOUT_RANGE", "phaseTwo.dpd.timeout").allowed()).contains("5..60 s");
    }

    @Test
    void aggressiveModeIsNotOffered() {
        Tunnel t = withPhaseOne(OK, b -> b.ikeVersion(IkeVersion.IKEV1_AGGRESSIVE)
                .proposals(List.of(IkeProposal.parse("aes256-sha256-modp2048"))));
        assertThat(onlyError(t, "IKE_AGGRESSIVE_MODE", "phaseOne.ikeVersion").message()).contains("aggressive mode");
    }

    @Test
    void phaseOneAlgorithmsMustBeInTheApiEnums() {
        Finding dh = onlyError(withIke(OK, "aes256-sha256-modp3072"), "PHASE1_DH_NOT_ALLOWED",
                "phaseOne.proposals[0].keyExchange");
        assertThat(dh.localValue()).as("no Harmony spelling: the strongSwan keyword").contains("modp3072 (group 15)");
        assertThat(dh.allowed()).contains("2, 5, 14, 19, 20, 21, 31");
        onlyError(withIke(OK, "cast128-sha256-modp2048"), "PHASE1_ENCRYPTION_NOT_ALLOWED",
                "phaseOne.proposals[0].encryption");
        onlyError(withIke(OK, "aes256-sha1_160-prfsha256-modp2048"), "PHASE1_INTEGRITY_NOT_ALLOWED",
                "phaseOne.proposals[0].integrity");
        IkeProposal tiger = IkeProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .addPrf(PrfAlgorithm.HMAC_TIGER).addKeyExchange(KeyExchangeMethod.ECP_384).build();
        assertThat(onlyError(withPhaseOne(OK, b -> b.proposals(List.of(tiger))), "PHASE1_PRF_NOT_ALLOWED",
                "phaseOne.proposals[0].prf").allowed()).hasValueSatisfying(a -> assertThat(a).contains("prfsha512"));
        assertThat(HARMONY.check(withIke(OK, "camellia256ccm12-prfaescmac-curve25519"))).isEmpty();
    }

    @Test
    void phaseTwoAlgorithmsMustBeInTheApiEnums() {
        onlyError(withEsp(OK, "aes256-sha1_160-ecp384"), "PHASE2_INTEGRITY_NOT_ALLOWED",
                "phaseTwo.proposals[0].integrity");
        onlyError(withEsp(OK, "cast128-sha256-ecp384"), "PHASE2_ENCRYPTION_NOT_ALLOWED",
                "phaseTwo.proposals[0].encryption");
        onlyError(withEsp(OK, "aes256gcm16-modp2048s256"), "PHASE2_PFS_NOT_ALLOWED", "phaseTwo.proposals[0].pfsGroups");
        assertThat(HARMONY.check(withEsp(OK, "chacha20poly1305"))).isEmpty();
    }

    @Test
    void bothTunnelsOfAPairShareTheP81AsnAndTheAdvancedSettings() {
        Finding asn = single(HARMONY.check(pair("redundant1", OK, withAsns(OK2, 65001, 64512))));
        assertThat(asn.code()).isEqualTo("PAIR_SETTING_DIFFERS");
        assertThat(asn.path()).isEqualTo("tunnel2.bgp.localAsn");
        assertThat(asn.message()).contains("sharedSettings.p81ASN");
        assertThat(asn.localValue()).contains("65001");
        assertThat(asn.allowed()).contains("65000");
        Finding lifetime = single(HARMONY.check(pair("redundant1", OK,
                withLifetimes(OK2, Lifetime.ofSeconds(28_800), Lifetime.ofSeconds(1_800)))));
        assertThat(lifetime.path()).isEqualTo("tunnel2.phaseTwo.lifetime");
        assertThat(lifetime.message()).contains("advancedSettings.lifetime");
        Finding proposals = single(HARMONY.check(pair("redundant1", OK, withEsp(OK2, "aes128gcm16-ecp256"))));
        assertThat(proposals.path()).isEqualTo("tunnel2.phaseTwo.proposals");
    }

    @Test
    void eachTunnelOfAPairIsCheckedWithPrefixedPaths() {
        List<Finding> findings = HARMONY.check(pair("redundant1", OK, withSecret(OK2, "Microsoft123!")));
        assertThat(single(findings).path()).isEqualTo("tunnel2.phaseOne.sharedSecret");
        ProfileTestTunnels.assertNowhere(findings, "Microsoft123");
        assertThat(HARMONY.check(pair("redundant1", OK, tunnel("harmony2", 65515)))).as("remote ASNs may differ")
                .isEmpty();
    }
}
