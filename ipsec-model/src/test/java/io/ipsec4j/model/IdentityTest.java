package io.ipsec4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdentityTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "203.0.113.5|IPV4_ADDR|203.0.113.5",
        "2001:db8::5|IPV6_ADDR|2001:db8::5",
        "vpn.Example.com|FQDN|vpn.example.com",
        "@gw1|FQDN|gw1",
        "@10.0.0.1|FQDN|10.0.0.1",
        "gw@example.com|USER_FQDN|gw@example.com",
        "C=US, O=Example,CN=gw|DER_ASN1_DN|C=US, O=Example, CN=gw",
        "@#0A0b|KEY_ID|0a0b"
    })
    void parsesLikeStrongSwan(String text, IdentityType type, String value) {
        Identity id = Identity.parse(text);
        assertThat(id.type()).isEqualTo(type);
        assertThat(id.value()).isEqualTo(value);
        assertThat(Identity.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void refusesWhatIsNoIdentity() {
        assertThatThrownBy(() -> Identity.parse(" ")).hasMessage("identity: empty");
        assertThatThrownBy(() -> Identity.parse("not a name")).hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> Identity.parse("@#xyz")).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> Identity.parse("a@b@c")).hasMessageContaining("expected user@domain");
    }

    @Test
    void addressIdentitiesFollowTheFamily() {
        assertThat(Identity.address(IpAddress.parse("::1")).type()).isEqualTo(IdentityType.IPV6_ADDR);
        assertThat(IdentityType.DER_ASN1_DN.code()).isEqualTo(9);
        assertThat(IdentityType.KEY_ID.code()).isEqualTo(11);
    }

    /** A long run of spaces used to cost quadratic regex time (80 KB: 17 s); the limit guards against a hang. */
    @Test
    void refusesLongDistinguishedNamesAndKeyIdsBeforeAnyPatternRuns() {
        String dn = "CN=a" + " ".repeat(80_000) + "b";
        String hex = "ab".repeat(80_000) + "x";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> Identity.distinguishedName(dn)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DN identity");
            assertThatThrownBy(() -> Identity.keyId(hex)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("key ID identity");
        });
    }
}
