package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.fixtures.FixtureFiles;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link IkeSkCodec} against published protected messages: AOSP's SK and SKF messages
 * ({@code vectors/aosp-encrypted-body-sk-skf.txt}: AES-CBC-128 and 3DES with HMAC-SHA1-96,
 * AES-GCM-16-256) and RFC 7634 Appendix B (ChaCha20-Poly1305), decrypted and, where the IV and
 * padding are known, encrypted again byte for byte.
 */
class IkeSkCodecTest {
    private static final Map<String, String> V = AospVectorFile.load("/vectors/aosp-encrypted-body-sk-skf.txt");
    private static final String P = "IkeEncryptedPayloadBodyTest.";
    private static final HexFormat HEX = HexFormat.of();

    /** The AOSP vectors this class decrypts: message, keys, algorithms, plaintext. */
    enum AospVector {
        AES_CBC_IKE_AUTH("IKE_AUTH_INIT_REQUEST_HEADER", "ENCR_KEY_FROM_INIT_TO_RESP", "INTE_KEY_FROM_INIT_TO_RESP",
                Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, "IKE_AUTH_INIT_REQUEST_UNENCRYPTED_DATA", false),
        TRIPLE_DES_EAP("HMAC_SHA1_3DES_MSG_HEX_STRING", "HMAC_SHA1_3DES_MSG_ENCR_KEY", "HMAC_SHA1_3DES_MSG_INTE_KEY",
                Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_96, "HMAC_SHA1_3DES_DECRYPTED_BODY_HEX_STRING", false),
        TRIPLE_DES_FRAGMENT("HMAC_SHA1_3DES_FRAG_HEX_STRING", "HMAC_SHA1_3DES_FRAG_ENCR_KEY",
                "HMAC_SHA1_3DES_FRAG_INTE_KEY", Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_96,
                "HMAC_SHA1_3DES_FRAG_DECRYPTED_BODY_HEX_STRING", true),
        AES_GCM_AUTH("AES_GCM_MSG_HEX_STRING", "AES_GCM_MSG_ENCR_KEY", null, Encryption.AES256_GCM_16,
                IntegrityAlgorithm.NONE, "AES_GCM_MSG_DECRYPTED_BODY_HEX_STRING", false),
        AES_GCM_FRAGMENT("AES_GCM_FRAG_HEX_STRING", "AES_GCM_FRAG_ENCR_KEY", null, Encryption.AES256_GCM_16,
                IntegrityAlgorithm.NONE, "AES_GCM_FRAG_DECRYPTED_BODY_HEX_STRING", true);

        final String message;
        final String encryptionKey;
        final String integrityKey;
        final Encryption encryption;
        final IntegrityAlgorithm integrity;
        final String plaintext;
        final boolean fragment;

        AospVector(String message, String encryptionKey, String integrityKey, Encryption encryption,
                IntegrityAlgorithm integrity, String plaintext, boolean fragment) {
            this.message = message;
            this.encryptionKey = encryptionKey;
            this.integrityKey = integrityKey;
            this.encryption = encryption;
            this.integrity = integrity;
            this.plaintext = plaintext;
            this.fragment = fragment;
        }

        byte[] datagram() {
            if (this == AES_CBC_IKE_AUTH) {
                return HEX.parseHex(v("IKE_AUTH_INIT_REQUEST_HEADER") + v("IKE_AUTH_INIT_REQUEST_SK_HEADER")
                        + v("IKE_AUTH_INIT_REQUEST_IV") + v("IKE_AUTH_INIT_REQUEST_ENCRYPT_PADDED_DATA")
                        + v("IKE_AUTH_INIT_REQUEST_CHECKSUM"));
            }
            return HEX.parseHex(v(message));
        }

        IkeSkCodec codec() throws Exception {
            return IkeSkCodec.create(encryption, integrity, key(encryptionKey),
                    integrityKey == null ? null : key(integrityKey), CryptoProviders.defaults());
        }
    }

    private static String v(String name) {
        String hex = V.get(P + name);
        assertThat(hex).as(name).isNotNull();
        return hex;
    }

    private static SecretBytes key(String name) {
        return SecretBytes.of(HEX.parseHex(v(name)));
    }

    private static String encode(List<IkePayload> payloads) {
        ByteBuf out = Unpooled.buffer();
        IkeMessageEncoder.encodePayloads(payloads, out);
        return VectorCodec.hex(out);
    }

    @ParameterizedTest
    @EnumSource(AospVector.class)
    void decryptsTheAospMessages(AospVector vector) throws Exception {
        byte[] datagram = vector.datagram();
        IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));
        try (IkeSkCodec codec = vector.codec()) {
            if (vector.fragment) {
                assertThat(codec.decryptFragment(datagram, decoded).toHex()).isEqualTo(v(vector.plaintext));
            } else {
                assertThat(encode(codec.decrypt(datagram, decoded))).isEqualTo(v(vector.plaintext));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AospVector.class, names = {"AES_CBC_IKE_AUTH", "AES_GCM_AUTH"})
    void reencryptsTheAospMessagesByteForByte(AospVector vector) throws Exception {
        // AOSP pads with zero bytes, as IkeSkCodec does: with the same IV the bytes are the same.
        byte[] datagram = vector.datagram();
        IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));
        IkeSkPayload sk = (IkeSkPayload) decoded.payloads().get(0);
        try (IkeSkCodec codec = vector.codec()) {
            byte[] iv = sk.encrypted().slice(0, codec.protection().ivLengthBytes()).toByteArray();
            IkeMessage again = codec.encryptWithIvInsecure(decoded.header(), codec.decrypt(datagram, decoded), iv);
            assertThat(VectorCodec.encode(again)).isEqualTo(HEX.formatHex(datagram));
        }
    }

    @Test
    void decryptsAndReencryptsRfc7634AppendixB() throws Exception {
        List<String> lines = FixtureFiles.vector("rfc-7634-chacha20poly1305-esp-ikev2.txt").lines().toList();
        int b = lines.indexOf("## Appendix B - IKEv2 INFORMATIONAL request protected with SK payload");
        String keyLine = lines.stream().skip(b).filter(l -> l.startsWith("SK_e (key||salt): ")).findFirst().orElseThrow();
        SecretBytes skE = SecretBytes.of(HEX.parseHex(keyLine.split("\\s+")[2]));
        int at = lines.indexOf("Whole IKE message (69 bytes):");
        byte[] datagram = HEX.parseHex(lines.get(at + 1).trim() + lines.get(at + 2).trim() + lines.get(at + 3).trim());
        IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));
        for (CryptoProviders.ChaChaImplementation impl : CryptoProviders.ChaChaImplementation.values()) {
            CryptoProviders providers = CryptoProviders.defaults().withChaCha(impl);
            List<IkePayload> inner;
            try (IkeSkCodec codec = IkeSkCodec.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE, skE, null,
                    providers)) {
                inner = codec.decrypt(datagram, decoded);
            }
            assertThat(inner).containsExactly(IkeNotifyPayload.setWindowSize(10));
            // A fresh instance: the JDK's ChaCha20-Poly1305 refuses to encrypt with a nonce it just used.
            try (IkeSkCodec codec = IkeSkCodec.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE, skE, null,
                    providers)) {
                IkeMessage again = codec.encryptWithIvInsecure(decoded.header(), inner, HEX.parseHex("1011121314151617"));
                assertThat(VectorCodec.encode(again)).isEqualTo(HEX.formatHex(datagram));
            }
        }
    }

    @Test
    void aTamperedIcvAndABadPadLengthRaiseTheSameException() throws Exception {
        byte[] datagram = AospVector.AES_GCM_AUTH.datagram();
        IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));
        datagram[datagram.length - 1] ^= 1;
        String icvMessage;
        try (IkeSkCodec codec = AospVector.AES_GCM_AUTH.codec()) {
            Throwable icv = org.assertj.core.api.Assertions.catchThrowable(() -> codec.decrypt(datagram, decoded));
            assertThat(icv).isInstanceOf(IkeIntegrityCheckFailedException.class);
            icvMessage = icv.getMessage();
            // A validly protected message whose Pad Length runs past the plaintext.
            IkeHeader h = decoded.header();
            IkeMessage m = codec.encrypt(h, List.of());
            byte[] bytes = IkeMessageEncoder.encodeToBytes(m).toByteArray();
            assertThat(codec.decrypt(bytes, m)).isEmpty();
            byte[] badPad = padLengthOf(codec, h, 5);
            Throwable pad = org.assertj.core.api.Assertions.catchThrowable(
                    () -> codec.decrypt(badPad, VectorCodec.message(HEX.formatHex(badPad))));
            assertThat(pad).isInstanceOf(IkeIntegrityCheckFailedException.class).hasMessage(icvMessage);
        }
    }

    /** Seals a 1-byte plaintext that is only a Pad Length of {@code padLength}, with the SK layout. */
    private static byte[] padLengthOf(IkeSkCodec codec, IkeHeader header, int padLength) throws Exception {
        int iv = codec.protection().ivLengthBytes();
        int icv = codec.protection().icvLengthBytes();
        IkeMessage shape = new IkeMessage(header, List.of(new IkeSkPayload(IkePayloadType.NO_NEXT_PAYLOAD,
                Bytes.of(new byte[iv + 1 + icv]))));
        byte[] buf = IkeMessageEncoder.encodeToBytes(shape).toByteArray();
        buf[32 + iv] = (byte) padLength;
        codec.protection().seal(buf, 0, 32, buf, 32, 1, null, 7);
        return buf;
    }

    @Test
    void rejectsAMessageWithoutSkOrNotItsDatagram() throws Exception {
        byte[] datagram = AospVector.AES_GCM_AUTH.datagram();
        IkeMessage decoded = VectorCodec.message(HEX.formatHex(datagram));
        try (IkeSkCodec codec = AospVector.AES_GCM_AUTH.codec()) {
            assertThatThrownBy(() -> codec.decrypt(datagram, new IkeMessage(decoded.header(), List.of())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IkeSkPayload");
            assertThatThrownBy(() -> codec.decrypt(new byte[40], decoded))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not hold");
            assertThatThrownBy(() -> codec.decryptFragment(datagram, decoded))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IkeSkfPayload");
        }
    }
}
