package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import org.junit.jupiter.api.Test;

class IkeIdPayloadTest {

    @Test
    void factoriesChooseTheIdTypeAndPayloadType() {
        IkeIdPayload v6 = IkeIdPayload.ofAddress(false, IpAddress.parse("2001:db8::1"));
        assertThat(v6.idType()).isEqualTo(IkeIdType.IPV6_ADDR);
        assertThat(v6.type()).isEqualTo(IkePayloadType.ID_RESPONDER);
        assertThat(v6.address()).contains(IpAddress.parse("2001:db8::1"));
        IkeIdPayload fqdn = IkeIdPayload.ofFqdn(true, "vpn.example.com");
        assertThat(fqdn.type()).isEqualTo(IkePayloadType.ID_INITIATOR);
        assertThat(fqdn.name()).contains("vpn.example.com");
        assertThat(fqdn.address()).isEmpty();
        assertThat(IkeIdPayload.ofRfc822(true, "a@example.com").idType()).isEqualTo(IkeIdType.RFC822_ADDR);
    }

    @Test
    void otherTypesAreKeptAsBytes() {
        IkeIdPayload keyId = new IkeIdPayload(true, IkeIdType.KEY_ID, Bytes.fromHex("00ff"));
        assertThat(keyId.name()).isEmpty();
        assertThat(VectorCodec.encodeBody(keyId)).isEqualTo("0b000000" + "00ff");
        assertThatThrownBy(() -> new IkeIdPayload(true, IkeIdType.IPV6_ADDR, Bytes.of(new byte[4])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identification data length for IPV6_ADDR(5): 4 (expected: 16)");
    }

    @Test
    void unknownPayloadsCannotPretendToBeKnownOnes() {
        assertThatThrownBy(() -> new IkeUnknownPayload(IkePayloadType.NONCE, false, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown payload type: NONCE(40) (expected: a type this codec does not decode)");
    }
}
