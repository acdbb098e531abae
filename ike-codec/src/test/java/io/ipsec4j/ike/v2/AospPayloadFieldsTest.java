package io.ipsec4j.ike.v2;

import static io.ipsec4j.ike.v2.VectorCodec.body;
import static io.ipsec4j.ike.v2.VectorCodec.message;
import static io.ipsec4j.ike.v2.VectorCodec.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import io.ipsec4j.model.algorithm.TransformType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fields of AOSP's payload vectors, as the comments of {@code aosp-payloads.txt} describe them. */
class AospPayloadFieldsTest {
    private static final Map<String, String> V = AospPayloadVectorsTest.VECTORS;

    private static String v(String name) {
        return V.get(name);
    }

    private static IkeSaPayload sa(String name) throws IkeErrorNotifyException {
        return (IkeSaPayload) body(IkePayloadType.SA, v("IkeSaPayloadTest." + name));
    }

    private static String ids(IkeSaProposal p, TransformType type) {
        return p.transforms().stream().filter(t -> t.transformType().equals(type))
                .map(t -> t.id() + (t.keyLength().isPresent() ? "/" + t.keyLength().getAsInt() : ""))
                .collect(Collectors.joining(","));
    }

    @Test
    void ikeProposalHasAesCbc128HmacSha1Modp1024PrfSha1() throws Exception {
        IkeSaProposal p = sa("INBOUND_PROPOSAL_RAW_PACKET").proposals().get(0);
        assertThat(p.number()).isEqualTo(1);
        assertThat(p.protocol()).isEqualTo(IkeProtocolId.IKE);
        assertThat(p.spi()).isEqualTo(Bytes.EMPTY);
        assertThat(p.transforms()).extracting(IkeTransform::transformType)
                .containsExactly(TransformType.ENCR, TransformType.INTEG, TransformType.KE, TransformType.PRF);
        assertThat(p.transforms().get(0).attributes())
                .containsExactly(new IkeTransformAttribute(14, true, Bytes.fromHex("0080")));
        assertThat(IkeSaProposals.toIkeProposal(p)).contains(IkeProposal.builder()
                .addEncryption(Encryption.AES128_CBC).addIntegrity(IntegrityAlgorithm.HMAC_SHA1_96)
                .addPrf(PrfAlgorithm.HMAC_SHA1).addKeyExchange(KeyExchangeMethod.MODP_1024).build());
    }

    @Test
    void strongSwanStyleTwoProposalsKeepEveryTransformInOrder() throws Exception {
        List<IkeSaProposal> ps = sa("INBOUND_TWO_PROPOSAL_RAW_PACKET").proposals();
        assertThat(ps).hasSize(2);
        IkeSaProposal one = ps.get(0);
        assertThat(one.transforms()).hasSize(25);
        assertThat(ids(one, TransformType.ENCR)).isEqualTo("12/128,12/192,12/256,3");
        assertThat(ids(one, TransformType.INTEG)).isEqualTo("12,13,14,2,5");
        assertThat(ids(one, TransformType.PRF)).isEqualTo("5,6,7,4,2");
        assertThat(ids(one, TransformType.KE)).isEqualTo("19,20,21,28,29,30,31,15,16,18,14");
        IkeSaProposal two = ps.get(1);
        assertThat(two.number()).isEqualTo(2);
        assertThat(two.transforms()).hasSize(26);
        assertThat(ids(two, TransformType.ENCR))
                .isEqualTo("20/128,20/192,20/256,28/256,19/128,19/192,19/256,18/128,18/192,18/256");
        assertThat(ids(two, TransformType.INTEG)).isEmpty();
        assertThat(ids(two, TransformType.PRF)).isEqualTo("5,6,7,4,2");
    }

    @Test
    void chaCha20WithKeyLength256IsToleratedWhenConvertingToTheModel() throws Exception {
        IkeSaProposal aead = sa("INBOUND_TWO_PROPOSAL_RAW_PACKET").proposals().get(1);
        IkeProposal model = IkeSaProposals.toIkeProposal(aead).orElseThrow();
        assertThat(model.isAead()).isTrue();
        assertThat(model.encryption()).contains(Encryption.CHACHA20_POLY1305, Encryption.AES256_GCM_16);
        assertThat(IkeSaProposals.toIkeProposal(sa("INBOUND_TWO_PROPOSAL_RAW_PACKET").proposals().get(0)))
                .isPresent();
    }

    @Test
    void childProposalsCarryEspSpisAndEsn() throws Exception {
        IkeSaProposal one = sa("INBOUND_CHILD_PROPOSAL_RAW_PACKET").proposals().get(0);
        assertThat(one.protocol()).isEqualTo(IkeProtocolId.ESP);
        assertThat(one.spi()).isEqualTo(Bytes.fromHex("cae7019f"));
        assertThat(IkeSaProposals.toEspProposal(one)).contains(EspProposal.parse("aes128-sha1-noesn"));
        List<IkeSaProposal> two = sa("INBOUND_CHILD_TWO_PROPOSAL_RAW_PACKET").proposals();
        assertThat(two.get(1).spi()).isEqualTo(Bytes.fromHex("cae7019e"));
        assertThat(ids(two.get(1), TransformType.ENCR)).isEqualTo("18/128");
        assertThat(IkeSaProposals.toEspProposal(two.get(1)).orElseThrow().encryption())
                .containsExactly(Encryption.of(EncryptionAlgorithm.AES_GCM_8, 128));
    }

    @Test
    void singleTransformsHaveTypeAndId() throws Exception {
        Map<String, String> expected = Map.of("ENCR", "1:12", "PRF", "2:2", "INTEG", "3:2", "DH_GROUP", "4:2", "ESN", "5:0");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            var in = VectorCodec.buf(v("IkeSaPayloadTest." + e.getKey() + "_TRANSFORM_RAW_PACKET"));
            IkeTransform t = IkeTransform.decode(in, in.getUnsignedByte(0) == 0, VectorCodec.LIMITS);
            assertThat(t.transformType().code() + ":" + t.id()).as(e.getKey()).isEqualTo(e.getValue());
        }
        IkeTransformAttribute a = IkeTransformAttribute.decode(VectorCodec.buf(v("IkeSaPayloadTest.ATTRIBUTE_RAW_PACKET")));
        assertThat(a.tv()).isTrue();
        assertThat(a.attributeType()).isEqualTo(IkeTransformAttribute.KEY_LENGTH);
        assertThat(a.tvValue()).isEqualTo(128);
    }

    @Test
    void natDetectionAndRekeyNotifies() throws Exception {
        IkePayloadCodec.Decoded d = payload(IkePayloadType.NOTIFY, v("IkeNotifyPayloadTest.NOTIFY_NAT_DETECTION_PAYLOAD_HEX_STRING"));
        IkeNotifyPayload natd = (IkeNotifyPayload) d.payload();
        assertThat(d.next()).isEqualTo(IkePayloadType.NOTIFY);
        assertThat(natd.notifyType()).isEqualTo(IkeNotifyType.NAT_DETECTION_SOURCE_IP);
        assertThat(natd.protocol()).isEqualTo(IkeProtocolId.NONE);
        assertThat(natd.data().toHex()).isEqualTo(v("IkeNotifyPayloadTest.NAT_DETECTION_DATA_HEX_STRING"));
        IkeNotifyPayload rekey = (IkeNotifyPayload) body(IkePayloadType.NOTIFY, v("IkeNotifyPayloadTest.NOTIFY_REKEY_PAYLOAD_BODY_HEX_STRING"));
        assertThat(rekey.protocol()).isEqualTo(IkeProtocolId.ESP);
        assertThat(rekey.notifyType()).isEqualTo(IkeNotifyType.REKEY_SA);
        assertThat(rekey.childSpi()).isEqualTo(0x2ad4c0a2);
    }

    @Test
    void trafficSelectorsOfTsi() throws Exception {
        IkeTsPayload ts = (IkeTsPayload) payload(IkePayloadType.TS_INITIATOR, v("IkeTsPayloadTest.TS_INITIATOR_PAYLOAD_HEX_STRING")).payload();
        assertThat(ts.selectors()).hasSize(2);
        IkeTrafficSelector one = ts.selectors().get(0);
        assertThat(one.tsType()).isEqualTo(IkeTsType.IPV4_ADDR_RANGE);
        assertThat(List.of(one.startPort(), one.endPort())).containsExactly(16, 65520);
        assertThat(one.startAddress()).isEqualTo(IpAddress.parse("192.0.2.100"));
        assertThat(one.endAddress()).isEqualTo(IpAddress.parse("192.0.3.101"));
        // Ports restricted with protocol 0 (any): valid on the wire, not expressible in the model.
        assertThat(one.toTrafficSelector()).isEmpty();
        IkeTrafficSelector two = ts.selectors().get(1);
        assertThat(List.of(two.startPort(), two.endPort())).containsExactly(0, 65535);
        assertThat(two.toTrafficSelector()).contains(TrafficSelector.parse("192.0.4.100-192.0.4.102"));
    }

    @Test
    void deletePayloads() throws Exception {
        IkeDeletePayload ike = (IkeDeletePayload) payload(IkePayloadType.DELETE, v("IkeDeletePayloadTest.DELETE_IKE_PAYLOAD_HEX_STRING")).payload();
        assertThat(ike).isEqualTo(IkeDeletePayload.ikeSa());
        IkeDeletePayload child = (IkeDeletePayload) payload(IkePayloadType.DELETE, v("IkeDeletePayloadTest.DELETE_CHILD_PAYLOAD_HEX_STRING")).payload();
        assertThat(child).isEqualTo(IkeDeletePayload.esp(List.of(Bytes.fromHex("2ad4c0a2"))));
        IkeDeletePayload two = (IkeDeletePayload) payload(IkePayloadType.DELETE, v("IkeDeletePayloadTest.DELETE_MULTIPLE_CHILD_PAYLOAD_HEX_STRING")).payload();
        assertThat(two.spis()).containsExactly(Bytes.fromHex("abcdef01"), Bytes.fromHex("20fedcba"));
    }

    @Test
    void identificationPayloadsOfEveryType() throws Exception {
        IkeIdPayload v4 = (IkeIdPayload) body(IkePayloadType.ID_RESPONDER, v("IkeIdPayloadTest.IPV4_ADDR_ID_PAYLOAD_RESPONDER_BODY_HEX_STRING"));
        assertThat(v4.address()).contains(IpAddress.parse("192.0.2.100"));
        IkeIdPayload v6 = (IkeIdPayload) body(IkePayloadType.ID_RESPONDER, v("IkeIdPayloadTest.IPV6_ADDR_ID_PAYLOAD_RESPONDER_BODY_HEX_STRING"));
        assertThat(v6.address()).contains(IpAddress.parse("0:2001:0:db8::1"));
        IkeIdPayload fqdn = (IkeIdPayload) body(IkePayloadType.ID_INITIATOR, v("IkeIdPayloadTest.FQDN_ID_PAYLOAD_BODY_HEX_STRING"));
        assertThat(fqdn.idType()).isEqualTo(IkeIdType.FQDN);
        assertThat(fqdn.name()).contains("ike.android.net");
        IkeIdPayload mail = (IkeIdPayload) body(IkePayloadType.ID_INITIATOR, v("IkeIdPayloadTest.RFC822_ADDR_ID_PAYLOAD_BODY_HEX_STRING"));
        assertThat(mail.name()).contains("androidike@example.com");
        IkeIdPayload key = (IkeIdPayload) body(IkePayloadType.ID_INITIATOR, v("IkeIdPayloadTest.KEY_ID_PAYLOAD_BODY_HEX_STRING"));
        assertThat(key.idType()).isEqualTo(IkeIdType.KEY_ID);
        assertThat(key.data()).isEqualTo(Bytes.of("androidIkeKeyId".getBytes(StandardCharsets.US_ASCII)));
        IkeIdPayload dn = (IkeIdPayload) body(IkePayloadType.ID_INITIATOR, v("IkeIdPayloadTest.ASN1_DN_PAYLOAD_BODY_HEX_STRING"));
        assertThat(dn.idType()).isEqualTo(IkeIdType.DER_ASN1_DN);
        assertThat(dn.data().toHex()).startsWith("3047310b");
    }

    @Test
    void nonceCertReqAndEap() throws Exception {
        IkePayloadCodec.Decoded nonce = payload(IkePayloadType.NONCE, v("IkeNoncePayloadTest.NONCE_PAYLOAD_RAW_HEX_STRING"));
        assertThat(nonce.next()).isEqualTo(IkePayloadType.NOTIFY);
        assertThat(((IkeNoncePayload) nonce.payload()).nonce().toHex()).isEqualTo(v("IkeNoncePayloadTest.NONCE_DATA_RAW_HEX_STRING"));
        IkePayloadCodec.Decoded req = payload(IkePayloadType.CERTREQ, v("IkeCertReqPayloadTest.CERT_REQ_PAYLOAD"));
        assertThat(req.next()).isEqualTo(IkePayloadType.AUTH);
        IkeCertReqPayload certReq = (IkeCertReqPayload) req.payload();
        assertThat(certReq.encoding()).isEqualTo(IkeCertEncoding.X509_SIGNATURE);
        assertThat(certReq.caKeyHashes()).containsExactly(Bytes.fromHex(v("IkeCertReqPayloadTest.CA_SUBJECT_PUBLIC_KEY_INFO_HASH")));
        IkeEapPayload eap = (IkeEapPayload) payload(IkePayloadType.EAP, v("IkeEapPayloadTest.IKE_EAP_PAYLOAD")).payload();
        assertThat(eap.eapMessage()).isEqualTo(Bytes.fromHex("03010004"));
    }

    @Test
    void skfFragmentTwoOfTwo() throws Exception {
        IkeMessage m = message(v("IkeSkfPayloadTest.IKE_FRAG_MSG_HEX_STRING"));
        assertThat(m.header().exchangeType()).isEqualTo(IkeExchangeType.IKE_AUTH);
        assertThat(m.header().response()).isTrue();
        assertThat(m.header().messageId()).isEqualTo(1);
        IkeSkfPayload skf = (IkeSkfPayload) m.payloads().get(0);
        assertThat(skf.fragmentNumber()).isEqualTo(2);
        assertThat(skf.totalFragments()).isEqualTo(2);
        assertThat(skf.firstPayloadType()).isEqualTo(IkePayloadType.NO_NEXT_PAYLOAD);
        assertThat(skf.encrypted().toHex()).endsWith(v("IkeSkfPayloadTest.IKE_FRAG_MSG_CHECKSUM"));
    }

    @Test
    void emptyInformationalKeepsIvCiphertextAndIcv() throws Exception {
        IkeMessage m = message(v("IkeMessageTest.IKE_EMPTY_INFO_MSG_HEX_STRING"));
        assertThat(m.header().exchangeType()).isEqualTo(IkeExchangeType.INFORMATIONAL);
        assertThat(m.header().initiator()).isTrue();
        assertThat(m.header().response()).isTrue();
        IkeSkPayload sk = (IkeSkPayload) m.payloads().get(0);
        assertThat(sk.firstPayloadType()).isEqualTo(IkePayloadType.NO_NEXT_PAYLOAD);
        assertThat(sk.encrypted().toHex()).isEqualTo(v("IkeMessageTest.IKE_EMPTY_INFO_MSG_IV_HEX_STRING")
                + v("IkeMessageTest.IKE_EMPTY_INFO_MSG_ENCRYPTED_DATA_HEX_STRING")
                + v("IkeMessageTest.IKE_EMPTY_INFO_MSG_CHECKSUM_HEX_STRING"));
    }
}
