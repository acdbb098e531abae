package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EspProposalTest {

    @Test
    void esnDefaultsToNoEsnAndPfsToNone() {
        EspProposal p = EspProposal.builder().addEncryption(Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96).build();
        assertThat(p.esn()).containsExactly(EsnMode.NO_ESN);
        assertThat(p.pfsGroups()).isEmpty();
        assertThat(p.hasPfs()).isFalse();
        assertThat(p.isAead()).isFalse();
        assertThat(p).hasToString("aes128-sha1");
    }

    @Test
    void anAeadProposalNeedsNoIntegrity() {
        EspProposal p = EspProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .addIntegrity(IntegrityAlgorithm.NONE).addPfsGroups(KeyExchangeMethod.ECP_384)
                .addEsn(EsnMode.ESN, EsnMode.NO_ESN).build();
        assertThat(p.integrity()).isEmpty();
        assertThat(p.isAead()).isTrue();
        assertThat(p.hasPfs()).isTrue();
        assertThat(p.toStrongSwan()).isEqualTo("aes256gcm16-ecp384-esn-noesn");
    }

    @Test
    void nullEncryptionStillNeedsIntegrity() {
        assertThatThrownBy(() -> EspProposal.builder().addEncryption(Encryption.NULL).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ESP proposal with non-AEAD encryption [null]: no integrity algorithm"
                        + " (expected: at least one)");
        EspProposal p = EspProposal.builder().addEncryption(Encryption.NULL)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA2_256_128).build();
        assertThat(p.toStrongSwan()).isEqualTo("null-sha256");
    }

    @Test
    void anEncryptionIsRequiredAndKindsAreNotMixed() {
        assertThatThrownBy(() -> EspProposal.builder().addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96).build())
                .hasMessage("ESP proposal: no encryption algorithm (expected: at least one)");
        assertThatThrownBy(() -> EspProposal.builder().addEncryption(Encryption.AES128_GCM_16, Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96).build())
                .hasMessageStartingWith("ESP proposal mixes AEAD and non-AEAD encryption: [aes128gcm16, aes128]");
    }

    @Test
    void gmacIsAnAeadTransformWithoutIntegrity() {
        Encryption gmac = Encryption.of(EncryptionAlgorithm.NULL_AUTH_AES_GMAC, 256);
        assertThat(EspProposal.builder().addEncryption(gmac).build().toStrongSwan()).isEqualTo("aes256gmac");
        assertThatThrownBy(() -> EspProposal.builder().addEncryption(gmac)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96).build())
                .hasMessageContaining("with AEAD encryption [aes256gmac] has integrity algorithms [sha1]");
    }

    @Test
    void noneNextToRealGroupsMakesPfsOptional() {
        EspProposal optional = EspProposal.builder().addEncryption(Encryption.AES128_GCM_16)
                .addPfsGroups(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.NONE).build();
        assertThat(optional.hasPfs()).isTrue();
        assertThat(optional.toStrongSwan()).isEqualTo("aes128gcm16-modp2048-none");
        EspProposal none = EspProposal.builder().addEncryption(Encryption.AES128_GCM_16)
                .addPfsGroups(KeyExchangeMethod.NONE).build();
        assertThat(none.hasPfs()).isFalse();
    }

    @Test
    void additionalKeyExchangesAreValidatedLikeInIke() {
        EspProposal p = EspProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .addPfsGroups(KeyExchangeMethod.CURVE25519)
                .putAdditionalKeyExchanges(1, List.of(KeyExchangeMethod.ML_KEM_768)).build();
        assertThat(p.toStrongSwan()).isEqualTo("aes256gcm16-curve25519-ke1_mlkem768");
        assertThatThrownBy(() -> EspProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .putAdditionalKeyExchanges(0, List.of(KeyExchangeMethod.ML_KEM_768)).build())
                .hasMessage("ESP proposal: additional key exchange index 0 (expected: 1-7, RFC 9370 §2.2.1)");
    }

    @Test
    void repeatedEntriesAreDropped() {
        EspProposal p = EspProposal.builder().addEncryption(Encryption.AES128_CBC, Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96, IntegrityAlgorithm.HMAC_SHA1_96)
                .addEsn(EsnMode.ESN, EsnMode.ESN).build();
        assertThat(p.encryption()).hasSize(1);
        assertThat(p.integrity()).hasSize(1);
        assertThat(p.esn()).containsExactly(EsnMode.ESN);
    }

    @Test
    void parseReadsAStrongSwanString() {
        EspProposal p = EspProposal.parse("aes256-sha256-modp2048-esn");
        assertThat(p.encryption()).containsExactly(Encryption.AES256_CBC);
        assertThat(p.integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_256_128);
        assertThat(p.pfsGroups()).containsExactly(KeyExchangeMethod.MODP_2048);
        assertThat(p.esn()).containsExactly(EsnMode.ESN);
    }
}
