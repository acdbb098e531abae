package io.ipsec4j.crypto;

import static io.ipsec4j.fixtures.VectorFile.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bouncycastle.util.Arrays.concatenate;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AOSP IKE library crypto tests (aosp-crypto-primitives.txt): HMAC/XCBC/CMAC PRFs and integrity,
 * the IKEv2 key schedule, AES-CBC+HMAC-SHA1 SK payload, AES-CTR, AES-GCM and ChaCha20-Poly1305.
 */
class AospCryptoPrimitivesVectorTest {
    private static final Map<String, String> C = VectorFile.javaConstants("aosp-crypto-primitives.txt");
    private static final CryptoProviders P = CryptoProviders.defaults();

    private static byte[] c(String name) {
        String v = C.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no constant " + name);
        }
        return hex(v);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PRF_HMAC_SHA1", "SKEYSEED_SHA1", "IKE_KEY_MAT", "FIRST_CHILD_KEY_MAT",
            "PRF_HMAC256", "SKEYSEED_HMAC256", "PRF_AES128XCBC", "PRF_AES128XCBC1", "PRF_AES128XCBC2",
            "PRF_AES128XCBC3", "PRF_AES128_CMAC", "PRF_AES128_CMAC1", "PRF_AES128_CMAC2",
            "INTEG_HMAC_SHA1_96", "INTEG_AES_XCBC_96", "INTEG_AES_XCBC_96_1", "INTEG_AES_CMAC_96",
            "SK_AES_CBC_HMAC_SHA1", "AES_CTR", "AES_GCM_16_256", "CHACHA20_POLY1305"})
    void primitiveMatchesAosp(String vector) throws Exception {
        switch (vector) {
            case "PRF_HMAC_SHA1":
                assertThat(prf(PrfAlgorithm.HMAC_SHA1, c("PRF_KEY_HEX_STRING"), c("DATA_TO_SIGN_HEX_STRING")))
                        .isEqualTo(c("CALCULATED_MAC_HEX_STRING"));
                break;
            case "SKEYSEED_SHA1":
                assertThat(prf(PrfAlgorithm.HMAC_SHA1,
                        concatenate(c("IKE_NONCE_INIT_HEX_STRING"), c("IKE_NONCE_RESP_HEX_STRING")),
                        c("IKE_SHARED_DH_KEY_HEX_STRING"))).isEqualTo(c("IKE_SKEYSEED_HEX_STRING"));
                break;
            case "IKE_KEY_MAT": {
                byte[] seed = concatenate(c("IKE_NONCE_INIT_HEX_STRING"), c("IKE_NONCE_RESP_HEX_STRING"),
                        c("IKE_INIT_SPI"), c("IKE_RESP_SPI"));
                byte[] expected = c("IKE_KEY_MAT");
                assertThat(Prf.create(PrfAlgorithm.HMAC_SHA1, P)
                        .prfPlus(c("IKE_SKEYSEED_HEX_STRING"), seed, expected.length).copyBytes()).isEqualTo(expected);
                break;
            }
            case "FIRST_CHILD_KEY_MAT": {
                byte[] seed = concatenate(c("IKE_NONCE_INIT_HEX_STRING"), c("IKE_NONCE_RESP_HEX_STRING"));
                byte[] expected = c("FIRST_CHILD_KEY_MAT");
                assertThat(Prf.create(PrfAlgorithm.HMAC_SHA1, P)
                        .prfPlus(c("IKE_SK_D_HEX_STRING"), seed, expected.length).copyBytes()).isEqualTo(expected);
                break;
            }
            case "PRF_HMAC256":
                assertThat(prf(PrfAlgorithm.HMAC_SHA2_256, c("PRF_HMAC256_KEY_HEX_STRING"),
                        c("PRF_HMAC256_DATA_TO_SIGN_HEX_STRING"))).isEqualTo(c("PRF_HMAC256_CALCULATED_MAC_HEX_STRING"));
                break;
            case "SKEYSEED_HMAC256":
                assertThat(prf(PrfAlgorithm.HMAC_SHA2_256,
                        concatenate(c("PRF_HMAC256_IKE_NONCE_INIT_HEX_STRING"), c("PRF_HMAC256_IKE_NONCE_RESP_HEX_STRING")),
                        c("PRF_HMAC256_IKE_SHARED_DH_KEY_HEX_STRING"))).isEqualTo(c("PRF_HMAC256_IKE_SKEYSEED_HEX_STRING"));
                break;
            case "PRF_AES128XCBC":
            case "PRF_AES128XCBC1":
            case "PRF_AES128XCBC2":
            case "PRF_AES128XCBC3": {
                String n = vector.substring("PRF_AES128XCBC".length());
                assertThat(prf(PrfAlgorithm.AES128_XCBC, c("PRF_AES128XCBC_KEY_HEX_STRING" + n),
                        c("PRF_AES128XCBC_DATA_TO_SIGN_HEX_STRING" + n)))
                        .isEqualTo(c("PRF_AES128XCBC_CALCULATED_MAC_HEX_STRING" + n));
                break;
            }
            case "PRF_AES128_CMAC":
            case "PRF_AES128_CMAC1":
            case "PRF_AES128_CMAC2": {
                String n = vector.substring("PRF_AES128_CMAC".length());
                assertThat(prf(PrfAlgorithm.AES128_CMAC, c("PRF_AES128_CMAC_KEY_HEX_STRING" + n),
                        c("PRF_AES128_CMAC_DATA_TO_SIGN_HEX_STRING" + n)))
                        .isEqualTo(c("PRF_AES128_CMAC_CALCULATED_MAC_HEX_STRING" + n));
                break;
            }
            case "INTEG_HMAC_SHA1_96":
                assertThat(icv(IntegrityAlgorithm.HMAC_SHA1_96, c("INTEGRITY_KEY_HEX_STRING"),
                        c("DATA_TO_AUTH_HEX_STRING"))).isEqualTo(c("CHECKSUM_HEX_STRING"));
                break;
            case "INTEG_AES_XCBC_96":
            case "INTEG_AES_XCBC_96_1": {
                String n = vector.endsWith("_1") ? "1" : "";
                assertThat(icv(IntegrityAlgorithm.AES_XCBC_96, c("AUTH_AES128XCBC_KEY_HEX_STRING" + n),
                        c("AUTH_AES128XCBC_DATA_TO_SIGN_HEX_STRING" + n)))
                        .isEqualTo(c("AUTH_AES128XCBC_CALCULATED_MAC_HEX_STRING" + n));
                break;
            }
            case "INTEG_AES_CMAC_96":
                assertThat(icv(IntegrityAlgorithm.AES_CMAC_96, c("AUTH_AES_CMAC_96_KEY_HEX_STRING"),
                        c("AUTH_AES_CMAC_96_DATA_TO_SIGN_HEX_STRING")))
                        .isEqualTo(c("AUTH_AES_CMAC_96_CALCULATED_MAC_HEX_STRING"));
                break;
            case "SK_AES_CBC_HMAC_SHA1":
                skPayloadDecrypts();
                break;
            case "AES_CTR":
                aesCtrMatches();
                break;
            case "AES_GCM_16_256":
                combinedMode(Encryption.of(EncryptionAlgorithm.AES_GCM_16, 256), "KEY", "IV",
                        "ADDITIONAL_AUTH_DATA", "UNENCRYPTED_PADDED_DATA", "ENCRYPTED_PADDED_DATA_WITH_CHECKSUM");
                break;
            default:
                combinedMode(Encryption.CHACHA20_POLY1305, "CHACHA_POLY_KEY", "CHACHA_POLY_IV",
                        "CHACHA_POLY_ADDITIONAL_AUTH_DATA", "CHACHA_POLY_UNENCRYPTED_DATA",
                        "CHACHA_POLY_ENCRYPTED_DATA_WITH_CHECKSUM");
        }
    }

    private static byte[] prf(PrfAlgorithm alg, byte[] key, byte[] data) throws CryptoException {
        return Prf.create(alg, P).compute(key, data);
    }

    private static byte[] icv(IntegrityAlgorithm alg, byte[] key, byte[] data) throws CryptoException {
        try (IntegrityMac mac = IntegrityMac.create(alg, SecretBytes.of(key), P)) {
            byte[] out = new byte[mac.icvLengthBytes()];
            mac.update(data, 0, data.length);
            mac.computeIcv(out, 0);
            return out;
        }
    }

    /** The IKE_AUTH request: header(28) ‖ SK header(4) ‖ IV ‖ ciphertext, then HMAC-SHA1-96 ICV. */
    private static void skPayloadDecrypts() throws CryptoException {
        byte[] message = concatenate(c("DATA_TO_AUTH_HEX_STRING"), c("CHECKSUM_HEX_STRING"));
        int aadLength = 32;
        int ctLength = message.length - aadLength - 16 - 12;
        try (Protection p = Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(c("ENCR_KEY_FROM_INIT_TO_RESP")), SecretBytes.of(c("INTEGRITY_KEY_HEX_STRING")), P)) {
            int n = p.open(message, 0, aadLength, message, aadLength, ctLength, null);
            assertThat(Arrays.copyOfRange(message, aadLength + 16, aadLength + 16 + n))
                    .isEqualTo(c("IKE_AUTH_INIT_REQUEST_UNENCRYPTED_PADDED_DATA"));
        }
    }

    /** AES-CTR with a 20-byte key (key ‖ 4-byte nonce, RFC 5930). */
    private static void aesCtrMatches() throws CryptoException {
        byte[] pt = c("AES_CTR_UNENCRYPTED_DATA");
        byte[] buf = concatenate(c("AES_CTR_IV"), pt, new byte[12]);
        try (Protection p = Protection.create(Encryption.of(EncryptionAlgorithm.AES_CTR, 128),
                IntegrityAlgorithm.HMAC_SHA1_96, SecretBytes.of(c("AES_CTR_KEY")), SecretBytes.of(new byte[20]), P)) {
            p.sealWithIvInsecure(new byte[0], 0, 0, buf, 0, pt.length, null);
            assertThat(Arrays.copyOfRange(buf, 8, 8 + pt.length)).isEqualTo(c("AES_CTR_ENCRYPT_DATA"));
            p.open(new byte[0], 0, 0, buf, 0, pt.length, null);
            assertThat(Arrays.copyOfRange(buf, 8, 8 + pt.length)).isEqualTo(pt);
        }
    }

    private static void combinedMode(Encryption enc, String key, String iv, String aad, String pt, String ct)
            throws CryptoException {
        for (CryptoProviders.ChaChaImplementation impl : CryptoProviders.ChaChaImplementation.values()) {
            byte[] plain = c(pt);
            byte[] buf = concatenate(c(iv), plain, new byte[16]);
            try (Protection p = Protection.create(enc, IntegrityAlgorithm.NONE, SecretBytes.of(c(key)), null,
                    P.withChaCha(impl))) {
                byte[] a = c(aad);
                int n = p.sealWithIvInsecure(a, 0, a.length, buf, 0, plain.length, null);
                assertThat(Arrays.copyOfRange(buf, 8, n)).isEqualTo(c(ct));
                p.open(a, 0, a.length, buf, 0, plain.length, null);
                assertThat(Arrays.copyOfRange(buf, 8, 8 + plain.length)).isEqualTo(plain);
            }
        }
    }
}
