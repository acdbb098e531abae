package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;

/** The suites of issue 3 §4, with the JCA transformation of the baseline. */
public enum EspBenchmarkSuite {
    AES128_GCM16(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE),
    AES256_GCM16(Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE, CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE),
    CHACHA20_POLY1305_BC(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
            CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE),
    CHACHA20_POLY1305_JDK(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
            CryptoProviders.ChaChaImplementation.JDK),
    AES128_CBC_HMAC_SHA1_96(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
            CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE),
    AES256_CBC_HMAC_SHA2_256_128(Encryption.AES256_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128,
            CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE);

    final Encryption encryption;
    final IntegrityAlgorithm integrity;
    final CryptoProviders providers;

    EspBenchmarkSuite(Encryption encryption, IntegrityAlgorithm integrity, CryptoProviders.ChaChaImplementation chaCha) {
        this.encryption = encryption;
        this.integrity = integrity;
        this.providers = CryptoProviders.defaults().withChaCha(chaCha);
    }
}
