package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.concat;
import static io.ipsec4j.esp.EspTestSupport.intAt;
import static io.ipsec4j.esp.EspTestSupport.longAt;
import static io.ipsec4j.esp.EspTestSupport.readable;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14 ESP packets of draft-mcgrew-gcm-test-01 (RFC 4106), incl. 12-byte ESN AAD
 * (rfc-4106-aes-gcm-esp.txt): the protection seals to the published bytes, and the engine opens the
 * wire packet to the published payload.
 */
class EspRfc4106VectorTest {
    static List<Section> vectors() {
        return VectorFile.sections("rfc-4106-aes-gcm-esp.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void packetMatchesRfc4106(Section v) throws Exception {
        byte[] keymat = v.bytes(v.keyStartingWith("KEYMAT"));
        byte[] aad = v.bytes("AAD");
        byte[] iv = v.bytes("IV");
        byte[] plaintext = v.bytes(v.keyStartingWith("Plaintext"));
        byte[] ciphertext = v.bytes("Ciphertext");
        byte[] icv = v.bytes("ICV");
        Encryption enc = Encryption.of(EncryptionAlgorithm.AES_GCM_16, (keymat.length - 4) * 8);

        byte[] buf = concat(iv, plaintext, new byte[16]);
        try (Protection p = Protection.create(enc, IntegrityAlgorithm.NONE, SecretBytes.of(keymat), null,
                CryptoProviders.defaults())) {
            int n = p.sealWithIvInsecure(aad, 0, aad.length, buf, 0, plaintext.length, null);
            assertThat(Arrays.copyOfRange(buf, 8, n)).isEqualTo(concat(ciphertext, icv));
        }

        int spi = intAt(aad, 0);
        boolean esn = aad.length == 12;
        long seq = esn ? longAt(aad, 4) : intAt(aad, 4) & 0xFFFF_FFFFL;
        if (Integer.compareUnsigned(spi, 256) < 0) {
            return; // Test case 4 uses the reserved SPI 0, which no SA can have.
        }
        EspSaBuilder b = EspSa.builder().spi(spi).direction(EspDirection.INBOUND).encryption(enc)
                .keys(EspSaKeys.of(SecretBytes.of(keymat), SecretBytes.of(new byte[0])))
                .esn(esn).mode(EspMode.TRANSPORT);
        if (esn) {
            b.highestInboundSequenceNumber(seq - 1);
        }
        byte[] lowSeq = Arrays.copyOfRange(aad, aad.length - 4, aad.length);
        ByteBuf wire = Unpooled.wrappedBuffer(concat(Arrays.copyOf(aad, 4), lowSeq, iv, ciphertext, icv));
        try (EspSa sa = b.build()) {
            int nextHeader = sa.open(wire);
            int padLength = plaintext[plaintext.length - 2] & 0xff;
            assertThat(nextHeader).isEqualTo(plaintext[plaintext.length - 1] & 0xff);
            assertThat(readable(wire)).isEqualTo(Arrays.copyOf(plaintext, plaintext.length - 2 - padLength));
            assertThat(sa.highestInboundSequenceNumber()).isEqualTo(seq);
        }
    }
}
