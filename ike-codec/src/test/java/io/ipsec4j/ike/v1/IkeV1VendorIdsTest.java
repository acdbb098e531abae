package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Bytes;
import org.junit.jupiter.api.Test;

/** {@link IkeV1VendorIds}: the MD5-derived values and prefix matching of versioned IDs. */
class IkeV1VendorIdsTest {
    @Test
    void namesTheVendorIdsPeersSend() throws Exception {
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        assertThat(Bytes.of(md5.digest("RFC 3947".getBytes()))).isEqualTo(IkeV1VendorIds.NAT_T_RFC3947);
        assertThat(Bytes.of(md5.digest("strongSwan".getBytes()))).isEqualTo(IkeV1VendorIds.STRONGSWAN);
        assertThat(Bytes.of(md5.digest("FRAGMENTATION".getBytes()))).isEqualTo(IkeV1VendorIds.FRAGMENTATION);
        assertThat(IkeV1VendorIds.name(IkeV1VendorIds.DPD)).contains("Dead Peer Detection");
        assertThat(IkeV1VendorIds.name(Bytes.fromHex("4048b7d56ebce88525e7de7f00d6c2d3c0000000"))).contains("FRAGMENTATION");
        assertThat(IkeV1VendorIds.name(Bytes.fromHex("1e2b516905991c7d7c96fcbfb587e46100000009"))).contains("Microsoft");
        assertThat(IkeV1VendorIds.name(new IkeV1VendorIdPayload(Bytes.fromHex("0102")))).isEmpty();
    }
}
