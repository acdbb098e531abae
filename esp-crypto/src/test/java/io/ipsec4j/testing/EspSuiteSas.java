package io.ipsec4j.testing;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.fixtures.EspSuites;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * A suite of {@link EspSuites} on the providers it runs with (ChaCha20-Poly1305 once per
 * implementation), for the property and fuzz tests ({@code EspTestSupport.pair} makes SA pairs of
 * one). Public in the test-jar, in a package of its own (not io.ipsec4j.esp, which belongs to the
 * esp-crypto module): ike-codec's SK codec tests run on the same suites and providers.
 */
public record EspSuiteSas(EspSuites.Suite suite, CryptoProviders providers) {
    /** Every fixture suite, ChaCha20-Poly1305 on each implementation. */
    public static final List<EspSuiteSas> ALL = build();

    private static List<EspSuiteSas> build() {
        List<EspSuiteSas> out = new ArrayList<>();
        for (EspSuites.Suite s : EspSuites.ALL) {
            if (isChaCha(s)) {
                for (CryptoProviders.ChaChaImplementation c : CryptoProviders.ChaChaImplementation.values()) {
                    out.add(new EspSuiteSas(s, CryptoProviders.defaults().withChaCha(c)));
                }
            } else {
                out.add(new EspSuiteSas(s, CryptoProviders.defaults()));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isChaCha(EspSuites.Suite s) {
        return s.encryption().algorithm().equals(EncryptionAlgorithm.CHACHA20_POLY1305);
    }

    @Override
    public String toString() {
        return suite + (isChaCha(suite) ? "/" + providers.chaCha() : "");
    }
}
