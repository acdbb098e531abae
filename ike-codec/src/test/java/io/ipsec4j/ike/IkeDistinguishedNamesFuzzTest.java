package io.ipsec4j.ike;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of {@link IkeDistinguishedNames#decode}: only the typed exception escapes,
 * and every name that decodes re-encodes to DER with the same text. The seed corpus in
 * {@code IkeDistinguishedNamesFuzzTestInputs/} (strongSwan and OpenSSL subjects) runs in every build.
 */
class IkeDistinguishedNamesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decodeRaisesOnlyTheTypedExceptionAndReencodes(byte[] data) {
        IkeDistinguishedNamesPropertyTest.assertStable(data);
    }
}
