package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outer structure of AOSP's SK and SKF messages ({@code vectors/aosp-encrypted-body-sk-skf.txt}:
 * AES-CBC, 3DES and AES-GCM, RFC 7383 fragments) and the payload chains of their decrypted bodies.
 * Decryption itself is not the codec's job; the decrypted bodies are given by the file.
 */
class AospEncryptedBodyVectorsTest {
    private static final Map<String, String> V = AospVectorFile.load("/vectors/aosp-encrypted-body-sk-skf.txt");
    private static final String P = "IkeEncryptedPayloadBodyTest.";

    @ParameterizedTest
    @ValueSource(strings = {"HMAC_SHA1_3DES_MSG_HEX_STRING", "HMAC_SHA1_3DES_FRAG_HEX_STRING", "AES_GCM_MSG_HEX_STRING",
            "AES_GCM_FRAG_HEX_STRING"})
    void messagesReencodeByteForByte(String name) throws Exception {
        String hex = V.get(P + name);
        assertThat(hex).as(name).isNotNull();
        assertThat(VectorCodec.encode(VectorCodec.message(hex))).isEqualTo(hex);
    }

    @Test
    void fragmentHeadersAndIvs() throws Exception {
        IkeSkfPayload des = (IkeSkfPayload) VectorCodec.message(V.get(P + "HMAC_SHA1_3DES_FRAG_HEX_STRING")).payloads().get(0);
        assertThat(List.of(des.fragmentNumber(), des.totalFragments())).containsExactly(5, 5);
        assertThat(des.firstPayloadType()).isEqualTo(IkePayloadType.NO_NEXT_PAYLOAD);
        assertThat(des.encrypted().slice(0, 8)).isEqualTo(Bytes.fromHex(V.get(P + "HMAC_SHA1_3DES_FRAG_IV")));
        IkeSkfPayload gcm = (IkeSkfPayload) VectorCodec.message(V.get(P + "AES_GCM_FRAG_HEX_STRING")).payloads().get(0);
        assertThat(List.of(gcm.fragmentNumber(), gcm.totalFragments())).containsExactly(2, 2);
        IkeMessage gcmMsg = VectorCodec.message(V.get(P + "AES_GCM_MSG_HEX_STRING"));
        assertThat(gcmMsg.header().messageId()).isEqualTo(5);
        IkeSkPayload sk = (IkeSkPayload) gcmMsg.payloads().get(0);
        assertThat(sk.firstPayloadType()).isEqualTo(IkePayloadType.AUTH);
        assertThat(sk.encrypted().slice(0, 8)).isEqualTo(Bytes.fromHex(V.get(P + "AES_GCM_MSG_IV")));
        IkeSkPayload eap = (IkeSkPayload) VectorCodec.message(V.get(P + "HMAC_SHA1_3DES_MSG_HEX_STRING")).payloads().get(0);
        assertThat(eap.firstPayloadType()).isEqualTo(IkePayloadType.EAP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HMAC_SHA1_3DES_DECRYPTED_BODY_HEX_STRING:48", "AES_GCM_MSG_DECRYPTED_BODY_HEX_STRING:39",
            "IKE_AUTH_INIT_REQUEST_UNENCRYPTED_DATA:35"})
    void decryptedBodiesAreChainsThatReencode(String nameAndFirst) throws Exception {
        String[] parts = nameAndFirst.split(":");
        String hex = V.get(P + parts[0]);
        List<IkePayload> chain = new IkeMessageDecoder().decodePayloads(
                IkePayloadType.valueOf(Integer.parseInt(parts[1])), VectorCodec.buf(hex), true);
        ByteBuf out = Unpooled.buffer();
        IkeMessageEncoder.encodePayloads(chain, out);
        assertThat(VectorCodec.hex(out)).isEqualTo(hex);
    }

    @Test
    void theEapBodyIsAStrongSwanMsChapV2Challenge() throws Exception {
        List<IkePayload> chain = new IkeMessageDecoder().decodePayloads(IkePayloadType.EAP,
                VectorCodec.buf(V.get(P + "HMAC_SHA1_3DES_DECRYPTED_BODY_HEX_STRING")), true);
        Bytes eap = ((IkeEapPayload) chain.get(0)).eapMessage();
        assertThat(eap.get(0)).isEqualTo((byte) 1); // Request
        assertThat(eap.get(4)).isEqualTo((byte) 0x1a); // EAP-MSCHAPv2
        assertThat(new String(eap.slice(eap.length() - 10, eap.length()).toByteArray(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("strongSwan");
    }
}
