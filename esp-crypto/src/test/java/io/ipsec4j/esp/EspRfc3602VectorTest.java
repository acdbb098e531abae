package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.concat;
import static io.ipsec4j.esp.EspTestSupport.intAt;
import static io.ipsec4j.esp.EspTestSupport.readable;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.IntegrityMac;
import io.ipsec4j.crypto.Protection;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.fixtures.VectorFile;
import io.ipsec4j.fixtures.VectorFile.Section;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 3602 §4 (rfc-3602-aes-cbc-esp.txt): cases 1–4 are AES-CBC known answers for the protection;
 * cases 5–8 are complete ESP packets without ICV. The engine needs an integrity transform, so an
 * HMAC-SHA1-96 ICV (fixed test key) is appended to the published packet before opening it, and our
 * sealed packets are compared on their decrypted trailer (padding 01 02 …, pad length, next header).
 */
class EspRfc3602VectorTest {
    private static final byte[] MAC_KEY = new byte[20];

    static List<Section> vectors() {
        return VectorFile.sections("rfc-3602-aes-cbc-esp.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesRfc3602(Section v) throws Exception {
        if (v.has("Ciphertext")) {
            cipherKnownAnswer(v);
        } else {
            espPacket(v);
        }
    }

    private static void cipherKnownAnswer(Section v) throws Exception {
        byte[] pt = v.bytes("Plaintext");
        byte[] buf = concat(v.bytes("IV"), pt, new byte[12]);
        try (Protection p = Protection.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                SecretBytes.of(v.bytes("Key")), SecretBytes.of(MAC_KEY), CryptoProviders.defaults())) {
            p.sealWithIvInsecure(new byte[0], 0, 0, buf, 0, pt.length, null);
            assertThat(Arrays.copyOfRange(buf, 16, 16 + pt.length)).isEqualTo(v.bytes("Ciphertext"));
            p.open(new byte[0], 0, 0, buf, 0, pt.length, null);
            assertThat(Arrays.copyOfRange(buf, 16, 16 + pt.length)).isEqualTo(pt);
        }
    }

    private static void espPacket(Section v) throws Exception {
        byte[] key = v.bytes("Key");
        byte[] packet = v.bytes(v.keyStartingWith("ESP packet"));
        byte[] payload = v.bytes(v.keyStartingWith("Payload"));
        int nextHeader = Integer.parseInt(v.value("NextHeader").split("\\s")[0]);
        int padLength = Integer.parseInt(v.value("PadLength").split("\\s")[0]);
        int spi = intAt(packet, 0);
        long seq = intAt(packet, 4) & 0xFFFF_FFFFL;
        EspSaKeys keys = EspSaKeys.of(SecretBytes.of(key), SecretBytes.of(MAC_KEY));

        // The published packet, authenticated with our ICV, opens to the published payload.
        byte[] icv = new byte[12];
        try (IntegrityMac mac = IntegrityMac.create(IntegrityAlgorithm.HMAC_SHA1_96, SecretBytes.of(MAC_KEY),
                CryptoProviders.defaults())) {
            mac.update(packet, 0, packet.length);
            mac.computeIcv(icv, 0);
        }
        ByteBuf wire = Unpooled.wrappedBuffer(concat(packet, icv));
        try (EspSa in = EspSa.builder().spi(spi).direction(EspDirection.INBOUND).encryption(Encryption.AES128_CBC)
                .integrity(IntegrityAlgorithm.HMAC_SHA1_96).keys(keys).mode(EspMode.TRANSPORT).build()) {
            assertThat(in.open(wire)).isEqualTo(nextHeader);
            assertThat(readable(wire)).isEqualTo(payload);
            assertThat(in.highestInboundSequenceNumber()).isEqualTo(seq);
        }

        // Our sealed packet carries the same plaintext (payload, padding 01.., pad length, next header).
        byte[] expectedPlaintext = decrypt(key, Arrays.copyOfRange(packet, 8, 24), Arrays.copyOfRange(packet, 24, packet.length));
        assertThat(expectedPlaintext[expectedPlaintext.length - 2] & 0xff).isEqualTo(padLength);
        try (EspSa out = EspSa.builder().spi(spi).direction(EspDirection.OUTBOUND).encryption(Encryption.AES128_CBC)
                .integrity(IntegrityAlgorithm.HMAC_SHA1_96).keys(keys).mode(EspMode.TRANSPORT)
                .nextOutboundSequenceNumber(seq).build()) {
            ByteBuf buf = EspTestSupport.withHeadroom(payload, out.headroomBytes(), out.maxTrailerBytes());
            out.seal(buf, nextHeader);
            byte[] sealed = readable(buf);
            assertThat(sealed).hasSize(packet.length + 12);
            assertThat(Arrays.copyOf(sealed, 8)).isEqualTo(Arrays.copyOf(packet, 8));
            byte[] ours = decrypt(key, Arrays.copyOfRange(sealed, 8, 24), Arrays.copyOfRange(sealed, 24, sealed.length - 12));
            assertThat(ours).isEqualTo(expectedPlaintext);
        }
    }

    private static byte[] decrypt(byte[] key, byte[] iv, byte[] ct) throws Exception {
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return c.doFinal(ct);
    }
}
