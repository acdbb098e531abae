package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlgorithmNamesTest {

    @Test
    void readingTrimsCollapsesWhitespaceAndIgnoresCase() {
        assertThat(AlgorithmNames.encryption(Vendor.AWS, "  aes256-gcm-16 ")).isEqualTo(Encryption.AES256_GCM_16);
        assertThat(AlgorithmNames.keyExchange(Vendor.AWS, "GROUP   2")).isEqualTo(KeyExchangeMethod.MODP_1024);
        assertThat(AlgorithmNames.integrity(Vendor.STRONGSWAN, "SHA256"))
                .isEqualTo(IntegrityAlgorithm.HMAC_SHA2_256_128);
    }

    @Test
    void anUnknownNameIsReportedWithTheVendorAndTheClosestSpellings() {
        UnknownAlgorithmNameException e = catchThrowableOfType(UnknownAlgorithmNameException.class,
                () -> AlgorithmNames.encryption(Vendor.AWS, "AES129"));
        assertThat(e.vendor()).isEqualTo(Vendor.AWS);
        assertThat(e.input()).isEqualTo("AES129");
        assertThat(e.position()).isEqualTo(-1);
        assertThat(e.suggestions()).hasSize(3).startsWith("AES128");
        assertThat(e).hasMessage("unknown AWS encryption algorithm: \"AES129\" (closest: "
                + String.join(", ", e.suggestions()) + ")");
    }

    @Test
    void aNameOfAnotherVendorIsNotSilentlyAccepted() {
        assertThatThrownBy(() -> AlgorithmNames.encryption(Vendor.AZURE, "AES128-GCM-16"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageStartingWith("unknown Azure encryption algorithm: \"AES128-GCM-16\" (closest: ");
        assertThatThrownBy(() -> AlgorithmNames.keyExchange(Vendor.HARMONY_SASE, "15"))
                .isInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageStartingWith("unknown Harmony SASE key exchange method: \"15\"");
        assertThatThrownBy(() -> AlgorithmNames.prf(Vendor.GCP, ""))
                .isInstanceOf(UnknownAlgorithmNameException.class);
    }

    @Test
    void azurePfsMmNamesTheIkeGroupAndNoGroupOfItsOwn() {
        assertThat(AlgorithmNames.isAzurePfsMm(" pfsmm ")).isTrue();
        assertThat(AlgorithmNames.isAzurePfsMm("PFS2")).isFalse();
        assertThat(AlgorithmNames.azurePfsGroup("PFSMM", KeyExchangeMethod.ECP_384)).isEqualTo(KeyExchangeMethod.ECP_384);
        assertThat(AlgorithmNames.azurePfsGroup("PFS2048", KeyExchangeMethod.ECP_384))
                .isEqualTo(KeyExchangeMethod.MODP_2048);
        assertThatThrownBy(() -> AlgorithmNames.keyExchange(Vendor.AZURE, "PFSMM"))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(UnknownAlgorithmNameException.class)
                .hasMessageContaining("means \"the IKE (main mode) group\"");
    }

    @Test
    void azurePrintsPfsAndDhSpellingsSeparately() {
        assertThat(AlgorithmNames.azurePfsName(KeyExchangeMethod.MODP_2048)).contains("PFS2048");
        assertThat(AlgorithmNames.azurePfsName(KeyExchangeMethod.ECP_256)).contains("ECP256");
        assertThat(AlgorithmNames.azurePfsName(KeyExchangeMethod.NONE)).contains("None");
        assertThat(AlgorithmNames.azurePfsName(KeyExchangeMethod.CURVE25519)).isEmpty();
        assertThat(AlgorithmNames.name(Vendor.AZURE, KeyExchangeMethod.MODP_2048_S256)).contains("DHGroup24");
    }

    @Test
    void azureAeadIntegrityReadsAsNoneButIsNotPrinted() {
        assertThat(AlgorithmNames.integrity(Vendor.AZURE, "GCMAES256")).isEqualTo(IntegrityAlgorithm.NONE);
        assertThat(AlgorithmNames.name(Vendor.AZURE, IntegrityAlgorithm.NONE)).isEmpty();
    }

    @Test
    void aVendorWithoutASpellingPrintsNothing() {
        assertThat(AlgorithmNames.name(Vendor.AWS, Encryption.TRIPLE_DES)).isEqualTo(Optional.empty());
        assertThat(AlgorithmNames.name(Vendor.GCP, KeyExchangeMethod.ML_KEM_768)).isEmpty();
        assertThat(AlgorithmNames.name(Vendor.STRONGSWAN, IntegrityAlgorithm.AES_128_GMAC)).isEmpty();
        assertThat(AlgorithmNames.name(Vendor.AWS, PrfAlgorithm.AES128_CMAC)).isEmpty();
    }

    @Test
    void everyPrintedNameReadsBackToTheSameValue() {
        for (Vendor v : Vendor.values()) {
            AlgorithmNames.encryptionSpellings(v).values().forEach(e -> assertThat(
                    AlgorithmNames.encryption(v, AlgorithmNames.name(v, e).orElseThrow())).isEqualTo(e));
            AlgorithmNames.keyExchangeSpellings(v).values().forEach(k -> assertThat(
                    AlgorithmNames.keyExchange(v, AlgorithmNames.name(v, k).orElseThrow())).isEqualTo(k));
            AlgorithmNames.prfSpellings(v).values().forEach(p -> assertThat(
                    AlgorithmNames.prf(v, AlgorithmNames.name(v, p).orElseThrow())).isEqualTo(p));
        }
    }

    @Test
    void spellingListsAreReadOnly() {
        assertThatThrownBy(() -> AlgorithmNames.encryptionSpellings(Vendor.AWS).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThatThrownBy(() -> AlgorithmNames.encryption(Vendor.AWS, null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> AlgorithmNames.encryption(null, "AES128"))
                .isInstanceOf(NullPointerException.class).hasMessage("vendor");
    }
}
