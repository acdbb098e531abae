package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.fixtures.EspSuites;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * A suite of {@link EspSuites} on the providers it runs with (ChaCha20-Poly1305 once per
 * implementation), as ready-made SA pairs for the property and fuzz tests. Public in the test-jar:
 * ike-codec's SK codec tests run on the same suites and providers.
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

    /** Outbound and inbound transport-mode SA with the same random keys. */
    EspSa[] pair(boolean esn, int window) throws CryptoException {
        EspSaKeys keys = EspTestSupport.randomKeys(suite.encryption(), suite.integrity(), toString().hashCode());
        EspSa out = EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND).encryption(suite.encryption())
                .integrity(suite.integrity()).keys(keys).esn(esn).mode(EspMode.TRANSPORT).providers(providers)
                .build();
        EspSa in = EspSa.builder().spi(0x1000).direction(EspDirection.INBOUND).encryption(suite.encryption())
                .integrity(suite.integrity()).keys(keys).esn(esn).mode(EspMode.TRANSPORT).replayWindow(window)
                .providers(providers).build();
        return new EspSa[] {out, in};
    }

    @Override
    public String toString() {
        return suite + (isChaCha(suite) ? "/" + providers.chaCha() : "");
    }
}
