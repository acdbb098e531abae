package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IkePskAuth} against AOSP's IkeAuthPskPayloadTest ({@code vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt}):
 * PSK "juniper123", PRF-HMAC-SHA1, the initiator's IKE_SA_INIT request, Nr, SK_pi and IDi 10.80.80.13.
 */
class IkePskAuthTest {
    private static final Map<String, String> V =
            AospVectorFile.load("/vectors/aosp-ikev2-session-sha1-aescbc-modp1024.txt");
    private static final String P = "IkeAuthPskPayloadTest.";

    private static Bytes v(String name) {
        assertThat(V).containsKey(P + name);
        return Bytes.fromHex(V.get(P + name));
    }

    private static IkeIdPayload idI() throws Exception {
        // PSK_ID_INITIATOR_PAYLOAD_HEX_STRING is RestOfIDPayload: ID type 1 (IPv4), 3 reserved bytes, 10.80.80.13.
        return (IkeIdPayload) VectorCodec.body(IkePayloadType.ID_INITIATOR, V.get(P + "PSK_ID_INITIATOR_PAYLOAD_HEX_STRING"));
    }

    private static Prf sha1() throws Exception {
        return Prf.create(PrfAlgorithm.HMAC_SHA1, CryptoProviders.defaults());
    }

    @Test
    void theAospSharedKeyMic() throws Exception {
        Secret psk = Secret.of(new String(v("PSK_HEX_STRING").toByteArray(), java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(psk).isEqualTo(Secret.of("juniper123"));
        assertThat(Bytes.of(IkePskAuth.restOfIdPayload(idI()))).isEqualTo(v("PSK_ID_INITIATOR_PAYLOAD_HEX_STRING"));
        Bytes auth = IkePskAuth.compute(sha1(), psk, v("PSK_IKE_INIT_REQUEST_HEX_STRING"), v("PSK_NONCE_RESP_HEX_STRING"),
                SecretBytes.of(v("PSK_SKP_HEX_STRING").toByteArray()), idI());
        assertThat(auth).isEqualTo(v("PSK_AUTH_PAYLOAD_SIGNATURE_HEX_STRING"));
    }

    @Test
    void verifyAcceptsTheAospPayloadAndRejectsOthers() throws Exception {
        IkeAuthPayload payload = (IkeAuthPayload) VectorCodec.body(IkePayloadType.AUTH, V.get(P + "PSK_AUTH_PAYLOAD_BODY_HEX_STRING"));
        Secret psk = Secret.of("juniper123");
        SecretBytes skP = SecretBytes.of(v("PSK_SKP_HEX_STRING").toByteArray());
        Bytes msg = v("PSK_IKE_INIT_REQUEST_HEX_STRING");
        Bytes nonce = v("PSK_NONCE_RESP_HEX_STRING");
        IkePskAuth.verify(payload, sha1(), psk, msg, nonce, skP, idI());
        assertThatThrownBy(() -> IkePskAuth.verify(payload, sha1(), psk, msg.slice(0, msg.length() - 1), nonce, skP, idI()))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> IkePskAuth.verify(new IkeAuthPayload(IkeAuthMethod.NULL, payload.data()), sha1(), psk,
                msg, nonce, skP, idI()))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("auth method");
        IkeIdPayload other = IkeIdPayload.ofFqdn(true, "10.80.80.13");
        assertThatThrownBy(() -> IkePskAuth.verify(payload, sha1(), psk, msg, nonce, skP, other))
                .isInstanceOf(AuthenticationFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("juniper"));
    }
}
