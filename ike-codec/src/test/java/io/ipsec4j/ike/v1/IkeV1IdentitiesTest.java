package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import io.ipsec4j.model.TrafficSelector;
import org.junit.jupiter.api.Test;

/** {@link IkeV1Identities}: phase 1 IDs and quick mode client IDs, both ways. */
class IkeV1IdentitiesTest {

    @Test
    void phase1IdsAndIdentities() {
        IkeV1IdPayload rubNds = new IkeV1IdPayload(IkeV1IdType.IPV4_ADDR, 0, 0, Bytes.fromHex("0a00030a"));
        assertThat(IkeV1Identities.toIdentity(rubNds)).contains(Identity.parse("10.0.3.10"));
        assertThat(IkeV1Hashes.body(rubNds)).isEqualTo(Bytes.fromHex("010000000a00030a").toByteArray());
        for (String id : new String[] {"a@interop.test", "vpn.example.com", "10.0.3.10", "2001:db8::1"}) {
            Identity identity = Identity.parse(id);
            assertThat(IkeV1Identities.toIdentity(IkeV1Identities.toIdPayload(identity))).contains(identity);
        }
        assertThat(IkeV1Identities.toIdentity(new IkeV1IdPayload(IkeV1IdType.IPV4_ADDR, 0, 0, Bytes.fromHex("0a00"))))
                .isEmpty();
    }

    @Test
    void derDnIdsBothWays() {
        // the subject of a certificate from strongSwan's pki --self --dn "C=CH, O=strongSwan, CN=moon.strongswan.org"
        Bytes der = Bytes.fromHex("3040310b300906035504061302434831133011060355040a130a7374726f6e675377616e"
                + "311c301a060355040313136d6f6f6e2e7374726f6e677377616e2e6f7267");
        Identity moon = Identity.parse("C=CH, O=strongSwan, CN=moon.strongswan.org");
        assertThat(IkeV1Identities.toIdentity(new IkeV1IdPayload(IkeV1IdType.DER_ASN1_DN, 0, 0, der))).contains(moon);
        assertThat(IkeV1Identities.toIdPayload(moon)).isEqualTo(new IkeV1IdPayload(IkeV1IdType.DER_ASN1_DN, 0, 0, der));
        assertThat(IkeV1Identities.toIdentity(new IkeV1IdPayload(IkeV1IdType.DER_ASN1_DN, 0, 0, Bytes.fromHex("3080"))))
                .as("not DER").isEmpty();
    }

    @Test
    void clientIdsAndTrafficSelectors() {
        for (String ts : new String[] {"10.1.0.0/16", "10.1.0.1/32", "10.0.0.1-10.0.0.9", "2001:db8::/64"}) {
            TrafficSelector s = TrafficSelector.parse(ts);
            assertThat(IkeV1Identities.toTrafficSelector(IkeV1Identities.toIdPayload(s))).contains(s);
        }
        IkeV1IdPayload subnet = IkeV1Identities.toIdPayload(TrafficSelector.parse("10.1.0.0/16"));
        assertThat(subnet.idType()).isEqualTo(IkeV1IdType.IPV4_ADDR_SUBNET);
        assertThat(subnet.data()).isEqualTo(Bytes.fromHex("0a010000ffff0000"));
        IkeV1IdPayload host = new IkeV1IdPayload(IkeV1IdType.IPV4_ADDR, 17, 500, Bytes.fromHex("0a010001"));
        TrafficSelector t = IkeV1Identities.toTrafficSelector(host).orElseThrow();
        assertThat(t.protocol()).isEqualTo(17);
        assertThat(t.ports().start()).isEqualTo(500);
        assertThat(IkeV1Identities.toTrafficSelector(new IkeV1IdPayload(IkeV1IdType.IPV4_ADDR_SUBNET, 0, 0,
                Bytes.fromHex("0a010000ff00ff00")))).as("non-contiguous mask").isEmpty();
        assertThatThrownBy(() -> IkeV1Identities.toIdPayload(TrafficSelector.parse("10.1.0.0/16[tcp/80-90]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one port or all");
    }
}
