package io.ipsec4j.ike.v2;

import static io.ipsec4j.ike.v2.VectorCodec.Kind.ATTRIBUTE;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.BODY;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.CHAIN;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.DATA;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.MESSAGE;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.PAYLOAD;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.SA_BODY;
import static io.ipsec4j.ike.v2.VectorCodec.Kind.TRANSFORM;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.ike.v2.VectorCodec.Kind;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hex constant of AOSP's payload tests ({@code vectors/aosp-payloads.txt}, a verbatim copy)
 * decodes and re-encodes byte for byte, or is classified as data that is not a wire structure.
 * Field-level assertions are in {@link AospPayloadFieldsTest}.
 */
class AospPayloadVectorsTest {
    static final Map<String, String> VECTORS = AospVectorFile.load("/vectors/aosp-payloads.txt");

    private record How(Kind kind, IkePayloadType type) {}

    private static How how(Kind kind, IkePayloadType type) {
        return new How(kind, type);
    }

    private static How how(Kind kind) {
        return new How(kind, null);
    }

    /** How each constant is read; a constant missing here fails the test. */
    private static final Map<String, How> HOW = Map.ofEntries(
            Map.entry("IkeSaPayloadTest.OUTBOUND_SA_PAYLOAD_HEADER", how(DATA)),
            Map.entry("IkeSaPayloadTest.OUTBOUND_PROPOSAL_RAW_PACKET", how(SA_BODY)),
            Map.entry("IkeSaPayloadTest.INBOUND_PROPOSAL_RAW_PACKET", how(SA_BODY)),
            Map.entry("IkeSaPayloadTest.INBOUND_TWO_PROPOSAL_RAW_PACKET", how(SA_BODY)),
            Map.entry("IkeSaPayloadTest.INBOUND_CHILD_PROPOSAL_RAW_PACKET", how(SA_BODY)),
            Map.entry("IkeSaPayloadTest.INBOUND_CHILD_TWO_PROPOSAL_RAW_PACKET", how(SA_BODY)),
            Map.entry("IkeSaPayloadTest.ENCR_TRANSFORM_RAW_PACKET", how(TRANSFORM)),
            Map.entry("IkeSaPayloadTest.PRF_TRANSFORM_RAW_PACKET", how(TRANSFORM)),
            Map.entry("IkeSaPayloadTest.INTEG_TRANSFORM_RAW_PACKET", how(TRANSFORM)),
            Map.entry("IkeSaPayloadTest.DH_GROUP_TRANSFORM_RAW_PACKET", how(TRANSFORM)),
            Map.entry("IkeSaPayloadTest.ESN_TRANSFORM_RAW_PACKET", how(TRANSFORM)),
            Map.entry("IkeSaPayloadTest.ATTRIBUTE_RAW_PACKET", how(ATTRIBUTE)),
            Map.entry("IkeNotifyPayloadTest.NOTIFY_NAT_DETECTION_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.NOTIFY)),
            Map.entry("IkeNotifyPayloadTest.NOTIFY_NAT_DETECTION_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.NOTIFY)),
            Map.entry("IkeNotifyPayloadTest.NAT_DETECTION_DATA_HEX_STRING", how(DATA)),
            Map.entry("IkeNotifyPayloadTest.PACKET_INFO_HEX_STRING", how(DATA)),
            Map.entry("IkeNotifyPayloadTest.NOTIFY_REKEY_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.NOTIFY)),
            Map.entry("IkeNotifyPayloadTest.IKE_INITIATOR_SPI_HEX_STRING", how(DATA)),
            Map.entry("IkeNotifyPayloadTest.IKE_RESPODNER_SPI_HEX_STRING", how(DATA)),
            Map.entry("IkeTsPayloadTest.TS_INITIATOR_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.TS_INITIATOR)),
            Map.entry("IkeDeletePayloadTest.DELETE_IKE_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.DELETE)),
            Map.entry("IkeDeletePayloadTest.DELETE_CHILD_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.DELETE)),
            Map.entry("IkeDeletePayloadTest.CHILD_SPI", how(DATA)),
            Map.entry("IkeDeletePayloadTest.DELETE_MULTIPLE_CHILD_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.DELETE)),
            Map.entry("IkeIdPayloadTest.IPV4_ADDR_ID_PAYLOAD_RESPONDER_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_RESPONDER)),
            Map.entry("IkeIdPayloadTest.IPV4_ADDR_ID_PAYLOAD_RESPONDER_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_RESPONDER)),
            Map.entry("IkeIdPayloadTest.IPV6_ADDR_ID_PAYLOAD_RESPONDER_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_RESPONDER)),
            Map.entry("IkeIdPayloadTest.IPV6_ADDR_ID_PAYLOAD_RESPONDER_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_RESPONDER)),
            Map.entry("IkeIdPayloadTest.FQDN_ID_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.FQDN_ID_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.RFC822_ADDR_ID_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.RFC822_ADDR_ID_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.KEY_ID_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.KEY_ID_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.ASN1_DN_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeIdPayloadTest.ASN1_DN_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_INITIATOR)),
            // Invalid DER for AOSP, which parses the DN; this codec keeps DN bytes opaque.
            Map.entry("IkeIdPayloadTest.ASN1_DN_INVALID_PAYLOAD_BODY_HEX_STRING", how(BODY, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeNoncePayloadTest.NONCE_PAYLOAD_RAW_HEX_STRING", how(PAYLOAD, IkePayloadType.NONCE)),
            Map.entry("IkeNoncePayloadTest.NONCE_DATA_RAW_HEX_STRING", how(DATA)),
            Map.entry("IkeCertReqPayloadTest.CERT_REQ_PAYLOAD", how(PAYLOAD, IkePayloadType.CERTREQ)),
            Map.entry("IkeCertReqPayloadTest.CA_SUBJECT_PUBLIC_KEY_INFO_HASH", how(DATA)),
            Map.entry("IkeEapPayloadTest.EAP_SUCCESS_STRING", how(DATA)),
            Map.entry("IkeEapPayloadTest.EAP_SUCCESS_PACKET", how(DATA)),
            Map.entry("IkeEapPayloadTest.IKE_EAP_PAYLOAD", how(PAYLOAD, IkePayloadType.EAP)),
            Map.entry("IkeSkfPayloadTest.IKE_FRAG_MSG_HEX_STRING", how(MESSAGE)),
            Map.entry("IkeSkfPayloadTest.IKE_FRAG_MSG_DECRYPTED_BODY_HEX_STRING", how(DATA)),
            Map.entry("IkeSkfPayloadTest.IKE_FRAG_MSG_CHECKSUM", how(DATA)),
            Map.entry("IkeSkfPayloadTest.IKE_FRAG_MSG_PADDING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_SA_INIT_HEADER_RAW_PACKET", how(DATA)),
            Map.entry("IkeMessageTest.IKE_SA_INIT_BODY_RAW_PACKET", how(CHAIN, IkePayloadType.SA)),
            Map.entry("IkeMessageTest.IKE_SA_INIT_RAW_PACKET", how(MESSAGE)),
            Map.entry("IkeMessageTest.IKE_AUTH_HEADER_HEX_STRING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_AUTH_BODY_HEX_STRING", how(CHAIN, IkePayloadType.ENCRYPTED)),
            Map.entry("IkeMessageTest.IKE_AUTH_EXPECTED_CHECKSUM_HEX_STRING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_AUTH_HEX_STRING", how(MESSAGE)),
            // Decrypted chain followed by padding and the pad length: only a chain after unpadding.
            Map.entry("IkeMessageTest.IKE_AUTH_UNENCRYPTED_PADDED_DATA_HEX_STRING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_FRAG_HEX_STRING", how(MESSAGE)),
            Map.entry("IkeMessageTest.ID_INIT_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_INITIATOR)),
            Map.entry("IkeMessageTest.ID_RESP_PAYLOAD_HEX_STRING", how(PAYLOAD, IkePayloadType.ID_RESPONDER)),
            Map.entry("IkeMessageTest.IKE_EMPTY_INFO_MSG_HEX_STRING", how(MESSAGE)),
            Map.entry("IkeMessageTest.IKE_EMPTY_INFO_MSG_IV_HEX_STRING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_EMPTY_INFO_MSG_ENCRYPTED_DATA_HEX_STRING", how(DATA)),
            Map.entry("IkeMessageTest.IKE_EMPTY_INFO_MSG_CHECKSUM_HEX_STRING", how(DATA)));

    static Stream<Arguments> vectors() {
        return VECTORS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesAndReencodesByteForByte(String name, String hex) throws Exception {
        How how = HOW.get(name);
        assertThat(how).as("classification of %s", name).isNotNull();
        if (how.kind() == DATA) {
            return;
        }
        assertThat(VectorCodec.reencode(how.kind(), how.type(), hex)).as(name).isEqualTo(hex);
    }

    @org.junit.jupiter.api.Test
    void everyClassificationNamesAConstantOfTheFile() {
        assertThat(VECTORS.keySet()).containsAll(HOW.keySet());
        assertThat(HOW.values().stream().filter(h -> h.kind() != DATA).count()).isGreaterThanOrEqualTo(40);
    }
}
