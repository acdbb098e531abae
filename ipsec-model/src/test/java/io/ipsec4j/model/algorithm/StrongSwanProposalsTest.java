package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrongSwanProposalsTest {

    @ParameterizedTest(name = "IKE {0}")
    @ValueSource(strings = {
        "aes256gcm16-prfsha384-ecp384-modp2048",
        "aes128-sha256-modp2048",
        "aes128-aes256-sha256-sha1-modp2048-ecp256",
        "aes256-sha256-prfsha512-ecp256",
        "chacha20poly1305-prfsha256-curve25519",
        "aes256gcm16-prfsha256-x448-ke1_mlkem768-ke2_mlkem1024",
        "aes128ctr-aescmac-modp3072",
        "camellia256-aesxcbc-ecp512bp",
        "3des-md5-modp1024",
    })
    void canonicalIkeProposalsRoundTrip(String proposal) {
        IkeProposal p = StrongSwanProposals.parseIke(proposal);
        String formatted = StrongSwanProposals.format(p);
        assertThat(formatted).isEqualTo(proposal.replace("x448", "curve448"));
        assertThat(StrongSwanProposals.parseIke(formatted)).isEqualTo(p);
    }

    @ParameterizedTest(name = "ESP {0}")
    @ValueSource(strings = {
        "aes128-sha1",
        "aes256-sha256-modp2048-esn",
        "aes128gcm16-esn-noesn",
        "aes256gcm16-ecp384-ke1_mlkem768-ke1_none",
        "null-sha256",
        "aes128gmac",
        "aes128-sha256-integ9-modp2048-noesn-esn",
    })
    void canonicalEspProposalsRoundTrip(String proposal) {
        EspProposal p = StrongSwanProposals.parseEsp(proposal);
        assertThat(StrongSwanProposals.format(p)).isEqualTo(proposal);
        assertThat(StrongSwanProposals.parseEsp(proposal)).isEqualTo(p);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "aes-sha-modp2048, aes128-sha1-modp2048",
        "aes128gcm64-prfsha256-modp2048, aes128gcm8-prfsha256-modp2048",
        "aes128gcm-prfsha256-modp2048, aes128gcm16-prfsha256-modp2048",
        "aes256gcm128-prfsha256-modp2048, aes256gcm16-prfsha256-modp2048",
        "aes128ccm96-prfsha256-modp2048, aes128ccm12-prfsha256-modp2048",
        "aes128-sha2_256-x25519, aes128-sha256-curve25519",
        "AES256-SHA384-ECP384, aes256-sha384-ecp384",
        " aes128 - sha256 - modp2048 , aes128-sha256-modp2048",
        "aes128-sha256-prfsha256-modp2048, aes128-sha256-modp2048",
        "aes128-sha1-sha1-modp2048-modp2048, aes128-sha1-modp2048",
    })
    void aliasesCaseAndRedundancyNormaliseToTheCanonicalForm(String input, String canonical) {
        assertThat(StrongSwanProposals.format(StrongSwanProposals.parseIke(input))).isEqualTo(canonical);
    }

    @Test
    void withoutAPrfKeywordTheIntegrityAlgorithmsGiveThePrfs() {
        IkeProposal p = StrongSwanProposals.parseIke("aes128-sha256-sha1-aesxcbc-modp2048");
        assertThat(p.prf()).containsExactly(PrfAlgorithm.HMAC_SHA2_256, PrfAlgorithm.HMAC_SHA1,
                PrfAlgorithm.AES128_XCBC);
    }

    @Test
    void anExplicitPrfDifferentFromTheDerivedOneIsWritten() {
        IkeProposal p = StrongSwanProposals.parseIke("aes128-sha256-prfsha1-modp2048");
        assertThat(p.prf()).containsExactly(PrfAlgorithm.HMAC_SHA1);
        assertThat(p.toStrongSwan()).isEqualTo("aes128-sha256-prfsha1-modp2048");
    }

    @Test
    void anAeadIkeProposalWithoutPrfIsRejected() {
        assertThatThrownBy(() -> StrongSwanProposals.parseIke("aes128gcm16-modp2048"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PRF");
    }

    @Test
    void anUnknownKeywordIsReportedWithItsOffsetAndTheClosestKeywords() {
        UnknownAlgorithmNameException e = catchThrowableOfType(UnknownAlgorithmNameException.class,
                () -> StrongSwanProposals.parseIke("aes128-sha265-modp2048"));
        assertThat(e.input()).isEqualTo("sha265");
        assertThat(e.position()).isEqualTo(7);
        assertThat(e.vendor()).isEqualTo(Vendor.STRONGSWAN);
        assertThat(e.suggestions()).hasSizeLessThanOrEqualTo(3).contains("sha256");
        assertThat(e).hasMessageStartingWith(
                "unknown strongSwan keyword: \"sha265\" at offset 7 of \"aes128-sha265-modp2048\" (closest: ");
    }

    @Test
    void emptyInputAndEmptyKeywordsAreRejected() {
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("  "))
                .hasMessage("ESP proposal: empty (expected: keywords such as aes128-sha256)");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("aes128--sha1"))
                .hasMessage("ESP proposal \"aes128--sha1\": empty keyword at offset 7"
                        + " (expected: keywords separated by '-')");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("aes128-sha1-"))
                .hasMessageContaining("empty keyword at offset 12");
    }

    @Test
    void esnIsNotAllowedInIkeAndPrfNotInEsp() {
        assertThatThrownBy(() -> StrongSwanProposals.parseIke("aes128-sha256-modp2048-esn"))
                .hasMessage("keyword \"esn\" at offset 23 of \"aes128-sha256-modp2048-esn\" is not allowed here"
                        + " (ESN is negotiated for ESP and AH SAs only, RFC 7296 §3.3.2)");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("aes128-sha256-prfsha256"))
                .hasMessageContaining("PRFs are negotiated for IKE SAs only");
    }

    @Test
    void transformsWithoutAKeywordUseTheIpsec4jExtension() {
        EspProposal p = EspProposal.builder()
                .addEncryption(Encryption.of(EncryptionAlgorithm.valueOf(1031), 128))
                .addIntegrity(IntegrityAlgorithm.valueOf(1030), IntegrityAlgorithm.AES_256_GMAC)
                .addPfsGroups(KeyExchangeMethod.valueOf(33))
                .addEsn(EsnMode.valueOf(7)).build();
        assertThat(p.toStrongSwan()).isEqualTo("encr1031_128-integ1030-integ11-ke33-esn7");
        assertThat(StrongSwanProposals.parseEsp(p.toStrongSwan())).isEqualTo(p);
        IkeProposal tiger = IkeProposal.builder().addEncryption(Encryption.AES128_GCM_16)
                .addPrf(PrfAlgorithm.HMAC_TIGER).addKeyExchange(KeyExchangeMethod.MODP_2048).build();
        assertThat(tiger.toStrongSwan()).isEqualTo("aes128gcm16-prf3-modp2048");
        assertThat(StrongSwanProposals.parseIke("aes128gcm16-prf3-modp2048")).isEqualTo(tiger);
    }

    @Test
    void extensionTokensOutOfRangeAreRejectedWithTheirOffset() {
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("aes128-integ70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keyword \"integ70000\" at offset 7 of \"aes128-integ70000\":"
                        + " transform id: 70000 (expected: 0-65535)");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("encr12_100-sha1"))
                .hasMessageContaining("key size for AES_CBC(12): 100 bits");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("encr1031-sha1"))
                .hasMessageContaining("an unknown algorithm has no default");
        assertThatThrownBy(() -> StrongSwanProposals.parseEsp("aes128-sha1_128"))
                .isInstanceOf(UnknownAlgorithmNameException.class);
    }

    @Test
    void additionalKeyExchangeKeywordsNeedAKeyExchangeMethod() {
        assertThatThrownBy(() -> StrongSwanProposals.parseIke("aes128-sha256-modp2048-ke1_sha256"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageContaining("\"ke1_sha256\" at offset 23");
        assertThatThrownBy(() -> StrongSwanProposals.parseIke("aes128-sha256-modp2048-ke8_mlkem768"))
                .isInstanceOf(UnknownAlgorithmNameException.class);
        IkeProposal p = StrongSwanProposals.parseIke("aes128-sha256-modp2048-ke3_ke1234");
        assertThat(p.additionalKeyExchanges().get(3)).containsExactly(KeyExchangeMethod.valueOf(1234));
    }

    @Test
    void derivedPrfsFollowTheIntegrityOrderWithoutRepeats() {
        assertThat(StrongSwanProposals.derivedPrf(List.of(IntegrityAlgorithm.HMAC_SHA1_96,
                IntegrityAlgorithm.HMAC_SHA1_160, IntegrityAlgorithm.AES_128_GMAC, IntegrityAlgorithm.HMAC_MD5_96)))
                .containsExactly(PrfAlgorithm.HMAC_SHA1, PrfAlgorithm.HMAC_MD5);
    }
}
