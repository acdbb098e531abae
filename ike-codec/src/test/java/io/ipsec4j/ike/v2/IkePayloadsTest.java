package io.ipsec4j.ike.v2;

import static io.ipsec4j.ike.v2.VectorCodec.body;
import static io.ipsec4j.ike.v2.VectorCodec.encodeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload types without AOSP vectors: CP, CERT, SKF, Delete edge cases, KE. */
class IkePayloadsTest {

    @Test
    void configPayloadRequestsAndReplies() throws Exception {
        IkeConfigPayload request = new IkeConfigPayload(IkeConfigType.CFG_REQUEST, List.of(
                IkeConfigAttribute.request(IkeConfigAttributeType.INTERNAL_IP4_ADDRESS),
                IkeConfigAttribute.request(IkeConfigAttributeType.INTERNAL_IP4_DNS)));
        assertThat(encodeBody(request)).isEqualTo("01000000" + "00010000" + "00030000");
        IkeConfigPayload reply = new IkeConfigPayload(IkeConfigType.CFG_REPLY, List.of(
                IkeConfigAttribute.ofAddress(IkeConfigAttributeType.INTERNAL_IP4_ADDRESS, IpAddress.parse("10.1.2.3"))));
        assertThat(body(IkePayloadType.CONFIGURATION, encodeBody(reply))).isEqualTo(reply);
        // The reserved first bit of an attribute type is ignored on receipt (RFC 7296 §3.15.1).
        IkeConfigPayload reserved = (IkeConfigPayload) body(IkePayloadType.CONFIGURATION, "01000000" + "80010000");
        assertThat(reserved.attributes().get(0).attributeType()).isEqualTo(IkeConfigAttributeType.INTERNAL_IP4_ADDRESS);
    }

    @Test
    void configAttributeCountIsLimited() {
        String many = "01000000" + "00010000".repeat(65);
        assertThatThrownBy(() -> body(IkePayloadType.CONFIGURATION, many))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("CP attributes: more than 64");
    }

    @Test
    void skfFragmentNumbersAreChecked() {
        assertThatThrownBy(() -> body(IkePayloadType.ENCRYPTED_FRAGMENT, "00030002aa"))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("fragment number: 3 (expected: 1-2)");
        assertThatThrownBy(() -> body(IkePayloadType.ENCRYPTED_FRAGMENT, "00000000"))
                .hasMessageContaining("total fragments: 0 (expected: 1-65535)");
    }

    @Test
    void deletePayloadCountsMustMatchTheBytes() {
        assertThatThrownBy(() -> body(IkePayloadType.DELETE, "03040002" + "01020304"))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("Delete payload with 2 SPIs of 4 bytes: 4 bytes left (expected: 8)");
        assertThatThrownBy(() -> body(IkePayloadType.DELETE, "01040000"))
                .hasMessageContaining("SPI size of a IKE(1) delete: 4 (expected: 0)");
        assertThatThrownBy(() -> body(IkePayloadType.DELETE, "07000005"))
                .hasMessageContaining("5 SPIs of size 0 (expected: none)");
    }

    @Test
    void certAndKePayloadsKeepTheirBytes() throws Exception {
        IkeCertPayload cert = new IkeCertPayload(IkeCertEncoding.X509_SIGNATURE, Bytes.fromHex("3082"));
        assertThat(encodeBody(cert)).isEqualTo("043082");
        assertThat(body(IkePayloadType.CERT, "043082")).isEqualTo(cert);
        IkeKePayload ke = (IkeKePayload) body(IkePayloadType.KE, "001fffff" + "0102");
        assertThat(ke.method().id()).isEqualTo(31);
        assertThat(encodeBody(ke)).isEqualTo("001f0000" + "0102");
    }

    @Test
    void tsPayloadsRejectTruncatedSelectors() {
        assertThatThrownBy(() -> body(IkePayloadType.TS_RESPONDER, "01000000" + "07000010" + "0000ffff"))
                .isInstanceOf(InvalidSyntaxException.class)
                .hasMessageContaining("traffic selector: 4 bytes left (expected: >= 12)");
        assertThatThrownBy(() -> body(IkePayloadType.TS_RESPONDER, "01000000" + "07000003"))
                .hasMessageContaining("selector length: 3 (expected: >= 4)");
    }
}
