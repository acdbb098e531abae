package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeV1KeySchedule}, {@link IkeV1Hashes} and {@link IkeV1Keymat} against the RFC 2409 formulas
 * written out with the JDK's HMAC (the RUB-NDS answers cover the PSK SHA-1 case).
 */
class IkeV1KeyScheduleTest {
    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    private static Prf sha1() throws Exception {
        return Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults());
    }

    private static final byte[] NI = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final byte[] NR = {9, 10, 11, 12, 13, 14, 15, 16};
    private static final byte[] GXY = new byte[128];

    @Test
    void expandsSkeyidEWhenTheCipherKeyIsLongerAppendixB() throws Exception {
        IkeV1KeySchedule k = IkeV1KeySchedule.preSharedKey(sha1(), "psk".getBytes(), NI, NR, GXY, 1, 2, 32);
        byte[] e = k.skeyidE().copyBytes();
        byte[] k1 = hmac(e, new byte[] {0});
        byte[] k2 = hmac(e, k1);
        byte[] expected = Arrays.copyOf(k1, 32);
        System.arraycopy(k2, 0, expected, 20, 12);
        assertThat(k.encryptionKey().copyBytes()).isEqualTo(expected);
        IkeV1KeySchedule tdes = IkeV1KeySchedule.preSharedKey(sha1(), "psk".getBytes(), NI, NR, GXY, 1, 2, 24);
        assertThat(Arrays.copyOf(tdes.encryptionKey().copyBytes(), 20)).isEqualTo(k1);
    }

    @Test
    void signatureSkeyidIsKeyedWithTheNonces() throws Exception {
        IkeV1KeySchedule k = IkeV1KeySchedule.signature(sha1(), NI, NR, GXY, 1, 2, 16);
        byte[] nonces = new byte[16];
        System.arraycopy(NI, 0, nonces, 0, 8);
        System.arraycopy(NR, 0, nonces, 8, 8);
        assertThat(k.skeyid().copyBytes()).isEqualTo(hmac(nonces, GXY));
    }

    @Test
    void quickModeHashesAndKeymatWithPfs() throws Exception {
        SecretBytes a = SecretBytes.of(new byte[] {7, 7, 7});
        byte[] mid = {0x12, 0x34, 0x56, 0x78};
        byte[] after = {42, 43};
        assertThat(IkeV1Hashes.hash1(sha1(), a, 0x12345678L, after).toByteArray()).isEqualTo(hmac(a.copyBytes(), mid, after));
        assertThat(IkeV1Hashes.hash2(sha1(), a, 0x12345678L, NI, after).toByteArray())
                .isEqualTo(hmac(a.copyBytes(), mid, NI, after));
        assertThat(IkeV1Hashes.hash3(sha1(), a, 0x12345678L, NI, NR).toByteArray())
                .isEqualTo(hmac(a.copyBytes(), new byte[] {0}, mid, NI, NR));
        byte[] seed = {3, 0x11, 0x22, 0x33, 0x44};
        byte[] g = {5, 5};
        byte[] k1 = hmac(a.copyBytes(), g, seed, NI, NR);
        byte[] k2 = hmac(a.copyBytes(), k1, g, seed, NI, NR);
        byte[] expected = Arrays.copyOf(k1, 30);
        System.arraycopy(k2, 0, expected, 20, 10);
        assertThat(IkeV1Keymat.compute(sha1(), a, g, 3, 0x11223344, NI, NR, 30).copyBytes()).isEqualTo(expected);
    }
}
