package io.ipsec4j.esp;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.ArrayList;
import java.util.List;

/** Every algorithm combination the engine implements, as ready-made SA pairs for property tests. */
final class EspSuites {
    /** One suite: name, encryption, integrity, providers. */
    static final class Suite {
        final String name;
        final Encryption encryption;
        final IntegrityAlgorithm integrity;
        final CryptoProviders providers;

        Suite(Encryption encryption, IntegrityAlgorithm integrity, CryptoProviders providers) {
            this.encryption = encryption;
            this.integrity = integrity;
            this.providers = providers;
            this.name = encryption + "/" + integrity + (encryption.algorithm().equals(EncryptionAlgorithm.CHACHA20_POLY1305)
                    ? "/" + providers.chaCha() : "");
        }

        /** Outbound and inbound SA with the same random keys. */
        EspSa[] pair(boolean esn, int window) throws CryptoException {
            EspSaKeys keys = EspTestSupport.randomKeys(encryption, integrity, name.hashCode());
            EspSa out = EspSa.builder().spi(0x1000).direction(EspDirection.OUTBOUND).encryption(encryption)
                    .integrity(integrity).keys(keys).esn(esn).mode(EspMode.TRANSPORT).providers(providers).build();
            EspSa in = EspSa.builder().spi(0x1000).direction(EspDirection.INBOUND).encryption(encryption)
                    .integrity(integrity).keys(keys).esn(esn).mode(EspMode.TRANSPORT).replayWindow(window)
                    .providers(providers).build();
            return new EspSa[] {out, in};
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Suite> ALL = build();

    private EspSuites() {
    }

    private static List<Suite> build() {
        CryptoProviders p = CryptoProviders.defaults();
        List<Suite> out = new ArrayList<>();
        for (EncryptionAlgorithm aead : List.of(EncryptionAlgorithm.AES_GCM_8, EncryptionAlgorithm.AES_GCM_12,
                EncryptionAlgorithm.AES_GCM_16, EncryptionAlgorithm.AES_CCM_8, EncryptionAlgorithm.AES_CCM_12,
                EncryptionAlgorithm.AES_CCM_16, EncryptionAlgorithm.NULL_AUTH_AES_GMAC)) {
            for (int bits : List.of(128, 192, 256)) {
                out.add(new Suite(Encryption.of(aead, bits), IntegrityAlgorithm.NONE, p));
            }
        }
        out.add(new Suite(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE, p));
        out.add(new Suite(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                p.withChaCha(CryptoProviders.ChaChaImplementation.JDK)));
        for (IntegrityAlgorithm integ : List.of(IntegrityAlgorithm.HMAC_MD5_96, IntegrityAlgorithm.HMAC_SHA1_96,
                IntegrityAlgorithm.HMAC_SHA2_256_128, IntegrityAlgorithm.HMAC_SHA2_384_192,
                IntegrityAlgorithm.HMAC_SHA2_512_256, IntegrityAlgorithm.AES_XCBC_96, IntegrityAlgorithm.AES_CMAC_96)) {
            out.add(new Suite(Encryption.AES128_CBC, integ, p));
        }
        out.add(new Suite(Encryption.AES256_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128, p));
        out.add(new Suite(Encryption.of(EncryptionAlgorithm.AES_CBC, 192), IntegrityAlgorithm.HMAC_SHA1_96, p));
        for (int bits : List.of(128, 192, 256)) {
            out.add(new Suite(Encryption.of(EncryptionAlgorithm.AES_CTR, bits), IntegrityAlgorithm.HMAC_SHA2_256_128, p));
        }
        out.add(new Suite(Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_96, p));
        out.add(new Suite(Encryption.NULL, IntegrityAlgorithm.HMAC_SHA2_256_128, p));
        return out;
    }
}
