package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AOSP IKEv2 session ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}, PRF-HMAC-SHA1,
 * AES-CBC-128, HMAC-SHA1-96, MODP-1024, PSK "juniper123") followed end to end: IKE_SA_INIT bytes →
 * SKEYSEED → SK_* → the decrypted IKE_AUTH request → its PSK AUTH → the first Child SA's KEYMAT.
 */
class AospSessionCryptoVectorsTest {
    private static final Map<String, String> V =
            AospVectorFile.load("/vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt");
    private static final HexFormat HEX = HexFormat.of();
    private static final CryptoProviders PROVIDERS = CryptoProviders.defaults();

    private static IkeMessage initRequest;
    private static IkeKeySchedule keys;

    private static String v(String name) {
        String hex = V.get(name);
        assertThat(hex).as(name).isNotNull();
        return hex;
    }

    private static Bytes b(String name) {
        return Bytes.fromHex(v(name));
    }

    private static byte[] initRequestBytes() {
        return HEX.parseHex(v("IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING"));
    }

    private static byte[] authRequestBytes() {
        return HEX.parseHex(v("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING"));
    }

    private static Bytes ni() {
        return initRequest.payload(IkeNoncePayload.class).orElseThrow().nonce();
    }

    private static Prf sha1() throws Exception {
        return Prf.create(PrfAlgorithm.HMAC_SHA1, PROVIDERS);
    }

    @BeforeAll
    static void deriveKeys() throws Exception {
        initRequest = VectorCodec.message(HEX.formatHex(initRequestBytes()));
        IkeMessage auth = VectorCodec.message(HEX.formatHex(authRequestBytes()));
        assertThat(auth.header().initiatorSpi()).isEqualTo(initRequest.header().initiatorSpi());
        keys = IkeKeySchedule.create(sha1(), Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96, ni(),
                b("SaRecordTest.IKE_NONCE_RESP_HEX_STRING"), initRequest.header().initiatorSpi(),
                auth.header().responderSpi(), SecretBytes.of(HEX.parseHex(v("SaRecordTest.IKE_SHARED_DH_KEY_HEX_STRING"))));
    }

    @Test
    void skeyseedFromTheInitRequestNoncesAndSharedSecret() throws Exception {
        assertThat(ni()).isEqualTo(b("SaRecordTest.IKE_NONCE_INIT_HEX_STRING"));
        SecretBytes skeyseed = IkeKeySchedule.skeyseed(sha1(), ni(), b("SaRecordTest.IKE_NONCE_RESP_HEX_STRING"),
                SecretBytes.of(HEX.parseHex(v("SaRecordTest.IKE_SHARED_DH_KEY_HEX_STRING"))));
        assertThat(skeyseed).isEqualTo(secret("SaRecordTest.IKE_SKEYSEED_HEX_STRING"));
    }

    @Test
    void theSevenSkKeys() {
        assertThat(List.of(keys.skD(), keys.skAi(), keys.skAr(), keys.skEi(), keys.skEr(), keys.skPi(), keys.skPr()))
                .containsExactly(secret("SaRecordTest.IKE_SK_D_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_AUTH_INIT_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_AUTH_RESP_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_ENCR_INIT_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_ENCR_RESP_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_PRF_INIT_HEX_STRING"),
                        secret("SaRecordTest.IKE_SK_PRF_RESP_HEX_STRING"));
        assertThat(keys.toString()).doesNotContain("c86b", "C86B");
    }

    @Test
    void decryptsTheIkeAuthRequestIntoTheDescribedChain() throws Exception {
        byte[] datagram = authRequestBytes();
        assertThat(datagram).hasSize(236);
        List<IkePayload> inner;
        try (IkeSkCodec codec = IkeSkCodec.of(keys, true, PROVIDERS)) {
            inner = codec.decrypt(datagram, VectorCodec.message(HEX.formatHex(datagram)));
        }
        assertThat(inner).extracting(IkePayload::type).containsExactly(IkePayloadType.ID_INITIATOR,
                IkePayloadType.ID_RESPONDER, IkePayloadType.AUTH, IkePayloadType.SA, IkePayloadType.TS_INITIATOR,
                IkePayloadType.TS_RESPONDER, IkePayloadType.NOTIFY, IkePayloadType.NOTIFY);
        assertThat(inner.get(0)).isEqualTo(IkeIdPayload.ofAddress(true, IpAddress.parse("10.80.80.13")));
        assertThat(inner.get(1)).isEqualTo(IkeIdPayload.ofAddress(false, IpAddress.parse("10.80.80.80")));
        IkeAuthPayload auth = (IkeAuthPayload) inner.get(2);
        assertThat(auth.method()).isEqualTo(IkeAuthMethod.SHARED_KEY_MIC);
        assertThat(auth.data()).isEqualTo(b("IkeAuthPskPayloadTest.PSK_AUTH_PAYLOAD_SIGNATURE_HEX_STRING"));
        assertThat(((IkeNotifyPayload) inner.get(6)).notifyType()).isEqualTo(IkeNotifyType.INITIAL_CONTACT);
        assertThat(((IkeNotifyPayload) inner.get(7)).notifyType()).isEqualTo(IkeNotifyType.valueOf(16385));
        ByteBuf out = Unpooled.buffer();
        IkeMessageEncoder.encodePayloads(inner, out);
        assertThat(VectorCodec.hex(out)).isEqualTo(v("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_DECRYPTED_BODY_HEX_STRING"));
    }

    @Test
    void theResponderKeysDoNotOpenTheInitiatorsMessage() throws Exception {
        byte[] datagram = authRequestBytes();
        try (IkeSkCodec codec = IkeSkCodec.of(keys, false, PROVIDERS)) {
            assertThatThrownBy(() -> codec.decrypt(datagram, VectorCodec.message(HEX.formatHex(datagram))))
                    .isInstanceOf(IkeIntegrityCheckFailedException.class);
        }
    }

    @Test
    void theInitiatorsPskAuthVerifies() throws Exception {
        byte[] datagram = authRequestBytes();
        List<IkePayload> inner;
        try (IkeSkCodec codec = IkeSkCodec.of(keys, true, PROVIDERS)) {
            inner = codec.decrypt(datagram, VectorCodec.message(HEX.formatHex(datagram)));
        }
        IkeIdPayload idI = (IkeIdPayload) inner.get(0);
        IkeAuthPayload auth = (IkeAuthPayload) inner.get(2);
        Secret psk = Secret.of("juniper123");
        Bytes nr = b("SaRecordTest.IKE_NONCE_RESP_HEX_STRING");
        Bytes msg1 = Bytes.of(initRequestBytes());
        assertThat(IkePskAuth.initiator(keys, psk, msg1, nr, idI)).isEqualTo(auth.data());
        IkePskAuth.verify(auth, keys.prf(), psk, msg1, nr, keys.skPi(), idI);
        assertThatThrownBy(() -> IkePskAuth.verify(auth, keys.prf(), Secret.of("juniper124"), msg1, nr, keys.skPi(), idI))
                .isInstanceOf(AuthenticationFailedException.class)
                .matches(e -> ((AuthenticationFailedException) e).isIntegrityProtected());
        assertThatThrownBy(() -> IkePskAuth.verify(auth, keys.prf(), psk, msg1, nr, keys.skPr(), idI))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void firstChildSaKeymat() throws Exception {
        int length = EspChildSaKeys.keymatLengthBytes(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96);
        SecretBytes keymat = keys.childKeymat(ni(), b("SaRecordTest.IKE_NONCE_RESP_HEX_STRING"), null, length);
        assertThat(keymat).isEqualTo(secret("SaRecordTest.FIRST_CHILD_KEY_MAT"));
        EspChildSaKeys split = EspChildSaKeys.split(keymat, Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96);
        assertThat(split.responderToInitiator().encryptionKey())
                .isEqualTo(secret("SaRecordTest.FIRST_CHILD_ENCR_RESP_HEX_STRING"));
    }

    private static SecretBytes secret(String name) {
        return SecretBytes.of(HEX.parseHex(v(name)));
    }
}
