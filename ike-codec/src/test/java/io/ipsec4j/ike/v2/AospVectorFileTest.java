package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AospVectorFileTest {

    @Test
    void readsConcatenatedConstantsAndReferences() {
        Map<String, String> v = AospVectorFile.load("/vectors/aosp-payloads.txt");
        assertThat(v).containsEntry("IkeSaPayloadTest.ATTRIBUTE_RAW_PACKET", "800e0080");
        assertThat(v).containsEntry("IkeEapPayloadTest.IKE_EAP_PAYLOAD", "0000000803010004");
        assertThat(v.get("IkeMessageTest.IKE_SA_INIT_RAW_PACKET")).hasSize(2 * 336);
        assertThat(v).doesNotContainKey("IkeIdPayloadTest.IPV4_ADDR_STRING");
    }
}
