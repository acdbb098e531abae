package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeProposalTest {

    private static IkeProposal.Builder cbcSha256() {
        return IkeProposal.builder()
                .addEncryption(Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA2_256_128)
                .addPrf(PrfAlgorithm.HMAC_SHA2_256)
                .addKeyExchange(KeyExchangeMethod.MODP_2048);
    }

    @Test
    void aValidNonAeadProposalKeepsItsLists() {
        IkeProposal p = cbcSha256().addKeyExchange(KeyExchangeMethod.ECP_256).build();
        assertThat(p.encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(p.integrity()).containsExactly(IntegrityAlgorithm.HMAC_SHA2_256_128);
        assertThat(p.prf()).containsExactly(PrfAlgorithm.HMAC_SHA2_256);
        assertThat(p.keyExchange()).containsExactly(KeyExchangeMethod.MODP_2048, KeyExchangeMethod.ECP_256);
        assertThat(p.additionalKeyExchanges()).isEmpty();
        assertThat(p.isAead()).isFalse();
        assertThat(p).hasToString("aes128-sha256-modp2048-ecp256");
    }

    @Test
    void anAeadProposalDropsASoleNoneIntegrity() {
        IkeProposal p = IkeProposal.builder().addEncryption(Encryption.AES256_GCM_16)
                .addIntegrity(IntegrityAlgorithm.NONE).addPrf(PrfAlgorithm.HMAC_SHA2_384)
                .addKeyExchange(KeyExchangeMethod.ECP_384).build();
        assertThat(p.integrity()).isEmpty();
        assertThat(p.isAead()).isTrue();
        assertThat(p.toStrongSwan()).isEqualTo("aes256gcm16-prfsha384-ecp384");
    }

    @Test
    void anEncryptionIsRequired() {
        assertThatThrownBy(() -> IkeProposal.builder().addPrf(PrfAlgorithm.HMAC_SHA2_256)
                .addKeyExchange(KeyExchangeMethod.MODP_2048).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IKE proposal: no encryption algorithm (expected: at least one)");
    }

    @Test
    void aeadAndNonAeadCiphersAreNotMixed() {
        assertThatThrownBy(() -> cbcSha256().addEncryption(Encryption.AES128_GCM_16).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IKE proposal mixes AEAD and non-AEAD encryption: [aes128, aes128gcm16]"
                        + " (expected: only AEAD or only non-AEAD in one proposal, RFC 5282 §8)");
    }

    @Test
    void anAeadProposalHasNoIntegrityAlgorithm() {
        assertThatThrownBy(() -> IkeProposal.builder().addEncryption(Encryption.AES128_GCM_16)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA2_256_128).addPrf(PrfAlgorithm.HMAC_SHA2_256)
                .addKeyExchange(KeyExchangeMethod.MODP_2048).build())
                .hasMessageContaining("has integrity algorithms [sha256] (expected: none");
    }

    @Test
    void aNonAeadProposalNeedsARealIntegrityAlgorithm() {
        assertThatThrownBy(() -> IkeProposal.builder().addEncryption(Encryption.AES128_CBC)
                .addPrf(PrfAlgorithm.HMAC_SHA2_256).addKeyExchange(KeyExchangeMethod.MODP_2048).build())
                .hasMessage("IKE proposal with non-AEAD encryption [aes128]: no integrity algorithm"
                        + " (expected: at least one)");
        assertThatThrownBy(() -> cbcSha256().addIntegrity(IntegrityAlgorithm.NONE).build())
                .hasMessageContaining("has integrity NONE (expected: a MAC");
    }

    @Test
    void aPrfIsRequired() {
        assertThatThrownBy(() -> IkeProposal.builder().addEncryption(Encryption.AES128_GCM_16)
                .addKeyExchange(KeyExchangeMethod.MODP_2048).build())
                .hasMessageStartingWith("IKE proposal [aes128gcm16]: no PRF (expected: at least one");
    }

    @Test
    void aKeyExchangeMethodOtherThanNoneIsRequired() {
        assertThatThrownBy(() -> IkeProposal.builder().addEncryption(Encryption.AES128_CBC)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96).addPrf(PrfAlgorithm.HMAC_SHA1).build())
                .hasMessage("IKE proposal: no key exchange method (expected: at least one, e.g. modp2048)");
        assertThatThrownBy(() -> cbcSha256().addKeyExchange(KeyExchangeMethod.NONE).build())
                .hasMessageStartingWith("IKE proposal: key exchange NONE in [modp2048, none]");
    }

    @Test
    void ciphersWithoutConfidentialityAreNotAllowedInIke() {
        assertThatThrownBy(() -> IkeProposal.builder().addEncryption(Encryption.NULL)
                .addIntegrity(IntegrityAlgorithm.HMAC_SHA2_256_128).addPrf(PrfAlgorithm.HMAC_SHA2_256)
                .addKeyExchange(KeyExchangeMethod.MODP_2048).build())
                .hasMessageContaining("encryption null gives no confidentiality");
    }

    @Test
    void additionalKeyExchangesAreIndexedOneToSeven() {
        IkeProposal p = cbcSha256()
                .putAdditionalKeyExchanges(2, List.of(KeyExchangeMethod.ML_KEM_1024))
                .putAdditionalKeyExchanges(1, List.of(KeyExchangeMethod.ML_KEM_768, KeyExchangeMethod.NONE))
                .build();
        assertThat(p.additionalKeyExchanges()).containsOnlyKeys(1, 2);
        assertThat(p.additionalKeyExchanges().firstKey()).isEqualTo(1);
        assertThat(p.toStrongSwan()).isEqualTo("aes128-sha256-modp2048-ke1_mlkem768-ke1_none-ke2_mlkem1024");
        assertThatThrownBy(() -> cbcSha256().putAdditionalKeyExchanges(8, List.of(KeyExchangeMethod.ML_KEM_768))
                .build()).hasMessage("IKE proposal: additional key exchange index 8 (expected: 1-7, RFC 9370 §2.2.1)");
        assertThatThrownBy(() -> cbcSha256().putAdditionalKeyExchanges(1, List.of()).build())
                .hasMessageContaining("additional key exchange 1 has no method");
    }

    @Test
    void repeatedEntriesAreDroppedAndListsAreImmutable() {
        List<KeyExchangeMethod> mutable = new ArrayList<>(List.of(KeyExchangeMethod.ML_KEM_768,
                KeyExchangeMethod.ML_KEM_768));
        IkeProposal p = cbcSha256().addEncryption(Encryption.AES128_CBC).addKeyExchange(KeyExchangeMethod.MODP_2048)
                .putAdditionalKeyExchanges(1, mutable).build();
        mutable.clear();
        assertThat(p.encryption()).containsExactly(Encryption.AES128_CBC);
        assertThat(p.keyExchange()).containsExactly(KeyExchangeMethod.MODP_2048);
        assertThat(p.additionalKeyExchanges().get(1)).containsExactly(KeyExchangeMethod.ML_KEM_768);
        assertThatThrownBy(() -> p.additionalKeyExchanges().get(1).add(KeyExchangeMethod.NONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsOnAllLists() {
        assertThat(cbcSha256().build()).isEqualTo(cbcSha256().build()).hasSameHashCodeAs(cbcSha256().build());
        assertThat(cbcSha256().build()).isNotEqualTo(cbcSha256().addPrf(PrfAlgorithm.HMAC_SHA1).build());
    }

    @Test
    void parseReadsAStrongSwanString() {
        assertThat(IkeProposal.parse("aes128-sha256-modp2048")).isEqualTo(cbcSha256().build());
    }
}
