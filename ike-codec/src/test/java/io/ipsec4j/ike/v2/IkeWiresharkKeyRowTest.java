package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IkeWiresharkKeyRow}: rows of the algorithms Wireshark names, including the ones it used to lack here. */
class IkeWiresharkKeyRowTest {
    private static final long SPI_I = 0x0102030405060708L;
    private static final long SPI_R = 0x1112131415161718L;

    private static IkeKeySchedule keys(Encryption encryption, IntegrityAlgorithm integrity) throws Exception {
        return IkeKeySchedule.create(Prf.create(PrfAlgorithm.HMAC_SHA2_256, CryptoProviders.defaults()), encryption,
                integrity, Bytes.fromHex("00112233445566778899aabbccddeeff"),
                Bytes.fromHex("ffeeddccbbaa99887766554433221100"), SPI_I, SPI_R, SecretBytes.of(new byte[32]));
    }

    private static String hex(SecretBytes b) {
        return HexFormat.of().formatHex(b.copyBytes());
    }

    @Test
    void everyAesCcmVariantHasARow() throws Exception {
        for (EncryptionAlgorithm ccm : List.of(EncryptionAlgorithm.AES_CCM_8, EncryptionAlgorithm.AES_CCM_12,
                EncryptionAlgorithm.AES_CCM_16)) {
            for (int bits : new int[] {128, 192, 256}) {
                try (IkeKeySchedule k = keys(Encryption.of(ccm, bits), IntegrityAlgorithm.NONE)) {
                    String row = IkeWiresharkKeys.ikev2DecryptionRowWithKeys(SPI_I, SPI_R, k);
                    assertThat(row).isEqualTo("0102030405060708,1112131415161718," + hex(k.skEi()) + ","
                            + hex(k.skEr()) + ",\"AES-CCM-" + bits + " with " + ccm.icvLengthBytes()
                            + " octet ICV [RFC5282]\",,,\"NONE [RFC4306]\"");
                    assertThat(k.skEi().length()).isEqualTo(bits / 8 + 3);
                }
            }
        }
    }

    @Test
    void hmacSha1160AndHmacMd5128HaveRows() throws Exception {
        try (IkeKeySchedule k = keys(Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_160)) {
            assertThat(IkeWiresharkKeys.ikev2DecryptionRowWithKeys(SPI_I, SPI_R, k))
                    .endsWith(",\"3DES [RFC2451]\"," + hex(k.skAi()) + "," + hex(k.skAr()) + ",\"HMAC_SHA1_160 [RFC4595]\"");
        }
        try (IkeKeySchedule k = keys(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_MD5_128)) {
            assertThat(IkeWiresharkKeys.ikev2DecryptionRowWithKeys(SPI_I, SPI_R, k)).endsWith(",\"HMAC_MD5_128 [RFC4595]\"");
        }
    }

    @Test
    void anIntegrityWiresharkCannotCheckIsWrittenAsUncheckedWithoutKeys() throws Exception {
        try (IkeKeySchedule k = keys(Encryption.AES256_CBC, IntegrityAlgorithm.AES_XCBC_96)) {
            IkeWiresharkKeyRow row = IkeWiresharkKeyRow.of(SPI_I, SPI_R, k);
            assertThat(row.toLineWithKeys()).endsWith(",\"AES-CBC-256 [RFC3602]\",,,"
                    + "\"ANY 96-bits of Authentication [No Checking]\"");
            assertThat(row.integrity()).isEmpty();
            assertThat(row.uncheckedIcvBits()).hasValue(96);
        }
    }

    @Test
    void whatWiresharkCannotDecryptIsRefused() throws Exception {
        try (IkeKeySchedule k = keys(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE)) {
            assertThatThrownBy(() -> IkeWiresharkKeyRow.of(SPI_I, SPI_R, k))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected: one Wireshark decrypts in IKEv2");
        }
    }

    @Test
    void aRowReadBackHasItsAlgorithmsAndShowsNoKey() throws Exception {
        try (IkeKeySchedule k = keys(Encryption.of(EncryptionAlgorithm.AES_CTR, 192), IntegrityAlgorithm.HMAC_SHA2_384_192)) {
            String line = IkeWiresharkKeys.ikev2DecryptionRowWithKeys(SPI_I, SPI_R, k);
            IkeWiresharkKeyRow row = IkeWiresharkKeys.readIkev2DecryptionTable(line).get(0);
            assertThat(row.initiatorSpi()).isEqualTo(SPI_I);
            assertThat(row.responderSpi()).isEqualTo(SPI_R);
            assertThat(row.encryption()).isEqualTo(Encryption.of(EncryptionAlgorithm.AES_CTR, 192));
            assertThat(row.integrity()).contains(IntegrityAlgorithm.HMAC_SHA2_384_192);
            assertThat(row.skEi()).isEqualTo(k.skEi());
            assertThat(row.skAr()).isEqualTo(k.skAr());
            assertThat(row.toLineWithKeys()).isEqualTo(line);
            assertThat(row.toString()).isEqualTo("IkeWiresharkKeyRow[SPIi 0102030405060708, SPIr 1112131415161718, "
                    + "AES-CTR-192 [RFC5930], HMAC_SHA2_384_192 [RFC4868]]").doesNotContain(hex(k.skEi()));
        }
    }
}
