package io.ipsec4j.model.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorTest {

    @Test
    void displayNamesAreHowTheVendorsWriteThemselves() {
        assertThat(Vendor.STRONGSWAN.displayName()).isEqualTo("strongSwan");
        assertThat(Vendor.HARMONY_SASE.displayName()).isEqualTo("Harmony SASE");
        assertThat(Vendor.values()).containsExactly(Vendor.IANA, Vendor.STRONGSWAN, Vendor.AWS, Vendor.AZURE,
                Vendor.GCP, Vendor.HARMONY_SASE, Vendor.WIRESHARK);
    }

    @Test
    void everyVendorHasAtLeastOneSpellingOfEachKind() {
        for (Vendor v : Vendor.values()) {
            assertThat(AlgorithmNames.encryptionSpellings(v)).as("%s", v).isNotEmpty();
            assertThat(AlgorithmNames.integritySpellings(v)).as("%s", v).isNotEmpty();
            if (v == Vendor.WIRESHARK) {
                continue; // Wireshark's key tables name no PRF and no key exchange method
            }
            assertThat(AlgorithmNames.prfSpellings(v)).as("%s", v).isNotEmpty();
            assertThat(AlgorithmNames.keyExchangeSpellings(v)).as("%s", v).isNotEmpty();
        }
    }
}
