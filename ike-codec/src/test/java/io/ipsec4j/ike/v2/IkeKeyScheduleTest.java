package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.fixtures.FixtureFiles;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeKeySchedule} against the NIST CAVP IKEv2 KDF vector with HMAC-SHA1
 * ({@code vectors/kdf-ikev2-prfplus-cavp.txt}: SKEYSEED, the 132-byte DKM, the rekey SKEYSEED), and
 * the fixed-key PRF rule of RFC 7296 §2.14. The AOSP session is in {@link AospSessionCryptoVectorsTest}.
 */
class IkeKeyScheduleTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final CryptoProviders PROVIDERS = CryptoProviders.defaults();
    private static final Map<String, String> CAVP = cavp();

    /** Reads the {@code name = hex} lines of the CAVP file. */
    private static Map<String, String> cavp() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : FixtureFiles.vector("kdf-ikev2-prfplus-cavp.txt").lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static Bytes cavp(String name) {
        assertThat(CAVP).containsKey(name);
        return Bytes.fromHex(CAVP.get(name));
    }

    private static SecretBytes cavpSecret(String name) {
        return SecretBytes.of(cavp(name).toByteArray());
    }

    private static long spi(String name) {
        return Long.parseUnsignedLong(CAVP.get(name), 16);
    }

    private static Prf prf(PrfAlgorithm algorithm) throws Exception {
        return Prf.create(algorithm, PROVIDERS);
    }

    @Test
    void cavpSkeyseed() throws Exception {
        assertThat(IkeKeySchedule.skeyseed(prf(PrfAlgorithm.HMAC_SHA1), cavp("Ni"), cavp("Nr"), cavpSecret("g^ir")))
                .isEqualTo(cavpSecret("SKEYSEED"));
    }

    @Test
    void cavpDkmIsTheSevenKeysInOrder() throws Exception {
        // 3 × 20 (SK_d, SK_pi, SK_pr) + 2 × 20 (HMAC-SHA1-96) + 2 × 16 (AES-128) = 132 bytes, the DKM's length.
        try (IkeKeySchedule keys = IkeKeySchedule.create(prf(PrfAlgorithm.HMAC_SHA1), Encryption.AES128_CBC,
                IntegrityAlgorithm.HMAC_SHA1_96, cavp("Ni"), cavp("Nr"), spi("SPIi"), spi("SPIr"), cavpSecret("g^ir"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (SecretBytes k : new SecretBytes[] {keys.skD(), keys.skAi(), keys.skAr(), keys.skEi(), keys.skEr(),
                    keys.skPi(), keys.skPr()}) {
                all.writeBytes(k.copyBytes());
            }
            assertThat(HEX.formatHex(all.toByteArray())).isEqualTo(CAVP.get("DKM(132)"));
        }
    }

    @Test
    void cavpRekeySkeyseedFromTheOldSkD() throws Exception {
        Prf sha1 = prf(PrfAlgorithm.HMAC_SHA1);
        try (IkeKeySchedule old = IkeKeySchedule.create(sha1, Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                cavp("Ni"), cavp("Nr"), spi("SPIi"), spi("SPIr"), cavpSecret("g^ir"))) {
            SecretBytes rekeyed = IkeKeySchedule.rekeySkeyseed(sha1, old.skD(), cavpSecret("g^ir new"), cavp("Ni"),
                    cavp("Nr"));
            assertThat(rekeyed).isEqualTo(cavpSecret("SKEYSEED rekey"));
            // rekey() is that SKEYSEED expanded as in §2.14.
            try (IkeKeySchedule viaRekey = old.rekey(sha1, Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE,
                    cavpSecret("g^ir new"), cavp("Ni"), cavp("Nr"), 1, 2);
                    IkeKeySchedule direct = IkeKeySchedule.derive(sha1, Encryption.AES256_GCM_16,
                            IntegrityAlgorithm.NONE, rekeyed, cavp("Ni"), cavp("Nr"), 1, 2)) {
                assertThat(viaRekey.skD()).isEqualTo(direct.skD());
                assertThat(viaRekey.skEr()).isEqualTo(direct.skEr());
                assertThat(viaRekey.skAi().length()).isZero();
                assertThat(viaRekey.skEi().length()).isEqualTo(36);
            }
        }
    }

    @Test
    void childKeymatWithAKeyExchangePrependsTheSharedSecret() throws Exception {
        Prf sha1 = prf(PrfAlgorithm.HMAC_SHA1);
        try (IkeKeySchedule keys = IkeKeySchedule.create(sha1, Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                cavp("Ni"), cavp("Nr"), spi("SPIi"), spi("SPIr"), cavpSecret("g^ir"))) {
            SecretBytes expected = sha1.prfPlus(keys.skD().copyBytes(),
                    IkeKeySchedule.concat(cavp("g^ir new").toByteArray(), cavp("Ni").toByteArray(),
                            cavp("Nr").toByteArray()), 72);
            assertThat(keys.childKeymat(cavp("Ni"), cavp("Nr"), cavpSecret("g^ir new"), 72)).isEqualTo(expected);
            assertThat(keys.childKeymat(cavp("Ni"), cavp("Nr"), null, 72)).isNotEqualTo(expected);
        }
    }

    @Test
    void fixedKeyPrfsKeySkeyseedWithTheFirst64BitsOfEachNonce() throws Exception {
        for (PrfAlgorithm alg : new PrfAlgorithm[] {PrfAlgorithm.AES128_XCBC, PrfAlgorithm.AES128_CMAC}) {
            Prf prf = prf(alg);
            Bytes ni = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
            Bytes niTail = Bytes.fromHex("0001020304050607ffffffffffffffff");
            Bytes nr = Bytes.fromHex("101112131415161718191a1b1c1d1e1f");
            SecretBytes gir = SecretBytes.of(new byte[] {1, 2, 3});
            SecretBytes skeyseed = IkeKeySchedule.skeyseed(prf, ni, nr, gir);
            assertThat(skeyseed).isEqualTo(SecretBytes.of(
                    prf.compute(HEX.parseHex("00010203040506071011121314151617"), new byte[] {1, 2, 3})));
            assertThat(IkeKeySchedule.skeyseed(prf, niTail, nr, gir)).isEqualTo(skeyseed);
            try (IkeKeySchedule keys = IkeKeySchedule.derive(prf, Encryption.AES128_CBC, IntegrityAlgorithm.AES_XCBC_96,
                    skeyseed, ni, nr, 1, 2)) {
                assertThat(keys.skD().length()).isEqualTo(16);
                assertThat(keys.skAi().length()).isEqualTo(16);
            }
        }
    }

    @Test
    void toStringShowsAlgorithmsOnlyAndCloseZeroesTheKeys() throws Exception {
        IkeKeySchedule keys = IkeKeySchedule.create(prf(PrfAlgorithm.HMAC_SHA1), Encryption.AES128_CBC,
                IntegrityAlgorithm.HMAC_SHA1_96, cavp("Ni"), cavp("Nr"), spi("SPIi"), spi("SPIr"), cavpSecret("g^ir"));
        String dkm = CAVP.get("DKM(132)");
        assertThat(keys.toString()).doesNotContain(dkm.substring(0, 8)).contains("IkeKeySchedule[");
        assertThat(keys.skD().toString()).isEqualTo("SecretBytes[20 bytes]");
        keys.close();
        assertThat(keys.skPr().isDestroyed()).isTrue();
    }
}
