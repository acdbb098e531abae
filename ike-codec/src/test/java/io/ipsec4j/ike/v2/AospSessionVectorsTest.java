package io.ipsec4j.ike.v2;

import static io.ipsec4j.ike.v2.VectorCodec.buf;
import static io.ipsec4j.ike.v2.VectorCodec.encode;
import static io.ipsec4j.ike.v2.VectorCodec.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AOSP session (HMAC-SHA1, AES-CBC-128, MODP-1024, PSK) of
 * {@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}: its IKE_SA_INIT request, its IKE_AUTH
 * request (SK still encrypted) and the decrypted IKE_AUTH payload chain, decoded and re-encoded.
 * The file holds no IKE_SA_INIT response bytes (only the responder's nonce).
 */
class AospSessionVectorsTest {
    private static final Map<String, String> V = AospVectorFile.load("/vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt");
    private static final String INIT = V.get("IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING");
    private static final String AUTH = V.get("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING");
    private static final String AUTH_PLAINTEXT = V.get("IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_DECRYPTED_BODY_HEX_STRING");

    @ParameterizedTest
    @ValueSource(strings = {"IkeAuthPskPayloadTest.PSK_IKE_INIT_REQUEST_HEX_STRING",
            "IkeHeaderTest.IKE_SA_INIT_RAW_PACKET", "IkeSkPayloadTest.IKE_AUTH_INIT_REQUEST_HEX_STRING"})
    void messagesReencodeByteForByte(String name) throws Exception {
        assertThat(encode(message(V.get(name)))).isEqualTo(V.get(name));
    }

    @Test
    void ikeSaInitRequestHeader() throws Exception {
        IkeMessage m = message(INIT);
        assertThat(INIT).hasSize(2 * 336);
        assertThat(m.header()).isEqualTo(IkeHeader.of(0x5f54bf6d8b48e6e1L, 0, IkeExchangeType.IKE_SA_INIT, true, false, 0));
        assertThat(m.firstPayloadType()).isEqualTo(IkePayloadType.SA);
        assertThat(m.payloads()).extracting(IkePayload::type).containsExactly(IkePayloadType.SA, IkePayloadType.KE,
                IkePayloadType.NONCE, IkePayloadType.NOTIFY, IkePayloadType.NOTIFY, IkePayloadType.VENDOR_ID);
    }

    @Test
    void ikeSaInitRequestPayloads() throws Exception {
        IkeMessage m = message(INIT);
        IkeSaPayload sa = m.payload(IkeSaPayload.class).orElseThrow();
        assertThat(IkeSaProposals.toIkeProposal(sa.proposals().get(0))).contains(IkeProposal.parse("aes128-sha1-modp1024"));
        IkeKePayload ke = m.payload(IkeKePayload.class).orElseThrow();
        assertThat(ke.method()).isEqualTo(KeyExchangeMethod.MODP_1024);
        assertThat(ke.data().toHex()).isEqualTo(V.get("IkeKePayloadTest.KEY_EXCHANGE_DATA_RAW_PACKET"));
        assertThat(m.payload(IkeNoncePayload.class).orElseThrow().nonce())
                .isEqualTo(Bytes.fromHex(V.get("SaRecordTest.IKE_NONCE_INIT_HEX_STRING")));
        assertThat(m.notify(IkeNotifyType.NAT_DETECTION_SOURCE_IP).orElseThrow().data())
                .isEqualTo(Bytes.fromHex("e54f73b7d83f6beb881eab2051d8663f421d10b0"));
        assertThat(m.notify(IkeNotifyType.NAT_DETECTION_DESTINATION_IP).orElseThrow().data())
                .isEqualTo(Bytes.fromHex("d915368ca036004cb578ae3e3fb268509aeab190"));
        assertThat(m.payload(IkeVendorPayload.class).orElseThrow().vendorId().length()).isEqualTo(28);
    }

    @Test
    void headerTestCopyDiffersOnlyInTheFirstSpiByte() throws Exception {
        IkeMessage copy = message(V.get("IkeHeaderTest.IKE_SA_INIT_RAW_PACKET"));
        assertThat(copy.header().initiatorSpi()).isEqualTo(0x8f54bf6d8b48e6e1L);
        assertThat(copy.payloads()).isEqualTo(message(INIT).payloads());
    }

    @Test
    void ikeAuthRequestKeepsIvCiphertextAndIcv() throws Exception {
        IkeMessage m = message(AUTH);
        assertThat(m.header()).isEqualTo(IkeHeader.of(0x5f54bf6d8b48e6e1L, 0x909232b3d1edcb5cL,
                IkeExchangeType.IKE_AUTH, true, false, 1));
        IkeSkPayload sk = (IkeSkPayload) m.payloads().get(0);
        assertThat(m.payloads()).hasSize(1);
        assertThat(sk.firstPayloadType()).isEqualTo(IkePayloadType.ID_INITIATOR);
        assertThat(sk.encrypted().slice(0, 16)).isEqualTo(Bytes.fromHex("b9132b7bb9f658dfdc648e5017a6322a"));
        assertThat(sk.encrypted().slice(sk.encrypted().length() - 12, sk.encrypted().length()))
                .isEqualTo(Bytes.fromHex("ae6e0f22abdad69ba8007d50"));
    }

    @Test
    void decryptedIkeAuthChain() throws Exception {
        List<IkePayload> p = new IkeMessageDecoder().decodePayloads(IkePayloadType.ID_INITIATOR, buf(AUTH_PLAINTEXT), true);
        assertThat(p).extracting(IkePayload::type).containsExactly(IkePayloadType.ID_INITIATOR,
                IkePayloadType.ID_RESPONDER, IkePayloadType.AUTH, IkePayloadType.SA, IkePayloadType.TS_INITIATOR,
                IkePayloadType.TS_RESPONDER, IkePayloadType.NOTIFY, IkePayloadType.NOTIFY);
        assertThat(((IkeIdPayload) p.get(0)).address()).contains(IpAddress.parse("10.80.80.13"));
        assertThat(((IkeIdPayload) p.get(1)).address()).contains(IpAddress.parse("10.80.80.80"));
        IkeAuthPayload auth = (IkeAuthPayload) p.get(2);
        assertThat(auth.method()).isEqualTo(IkeAuthMethod.SHARED_KEY_MIC);
        assertThat(auth.signature().toHex()).isEqualTo(V.get("IkeAuthPskPayloadTest.PSK_AUTH_PAYLOAD_SIGNATURE_HEX_STRING"));
        IkeSaProposal child = ((IkeSaPayload) p.get(3)).proposals().get(0);
        assertThat(child.spi()).isEqualTo(Bytes.fromHex("2ad4c0a2"));
        assertThat(IkeSaProposals.toEspProposal(child)).contains(EspProposal.parse("aes128-sha1-noesn"));
        Stream.of(p.get(4), p.get(5)).forEach(ts ->
                assertThat(((IkeTsPayload) ts).toTrafficSelectors().selectors())
                        .containsExactly(TrafficSelector.ANY_IPV4));
        assertThat(((IkeNotifyPayload) p.get(6)).notifyType()).isEqualTo(IkeNotifyType.INITIAL_CONTACT);
        assertThat(((IkeNotifyPayload) p.get(7)).windowSize()).isEqualTo(1);
        ByteBuf out = io.netty.buffer.Unpooled.buffer();
        IkeMessageEncoder.encodePayloads(p, out);
        assertThat(VectorCodec.hex(out)).isEqualTo(AUTH_PLAINTEXT);
    }

    @Test
    void errorsInsideTheDecryptedChainAreMarkedIntegrityProtected() {
        String truncated = AUTH_PLAINTEXT.substring(0, AUTH_PLAINTEXT.length() - 2);
        assertThatThrownBy(() -> new IkeMessageDecoder().decodePayloads(IkePayloadType.ID_INITIATOR, buf(truncated), true))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("NOTIFY(41) payload length: 12 (expected: <= 11)")
                .matches(e -> ((IkeErrorNotifyException) e).isIntegrityProtected());
        assertThatThrownBy(() -> message(INIT.substring(0, INIT.length() - 2)))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("header length: 336 (expected: 335, the datagram length)")
                .matches(e -> !((IkeErrorNotifyException) e).isIntegrityProtected());
    }
}
