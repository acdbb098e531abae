package io.ipsec4j.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Identity;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeDistinguishedNames} against names nobody here encoded: subjects of certificates made by
 * strongSwan 5.9.8's {@code pki --self --dn} (text in {@code pki --print}) and OpenSSL 3's
 * {@code req -subj} (text in {@code x509 -noout -subject}).
 */
class IkeDistinguishedNamesTest {
    /** {@code pki --self --dn "C=CH, O=strongSwan, CN=moon.strongswan.org"}: the subject's DER. */
    static final String PKI_MOON = "3040310b300906035504061302434831133011060355040a130a7374726f6e675377616e"
            + "311c301a060355040313136d6f6f6e2e7374726f6e677377616e2e6f7267";
    /** pki's subject for every keyword, a '+' in a value and a UTF8String (CN=müller). */
    static final String PKI_ALL = "3081dd310b3009060355040613024348310c300a060355040813035a7567310f300d06035504"
            + "07130642616172207831133011060355040a130a7374726f6e675377616e310c300a060355040b1303612b62311c301a0603"
            + "55040313136d6f6f6e2e7374726f6e677377616e2e6f72673122302006092a864886f70d01090116136d6f6f6e407374726f"
            + "6e677377616e2e6f7267310d300b060355040513043132333431133011060a0992268993f22c64011913036f726731143012"
            + "060a0992268993f22c64010113046a646f653110300e06035504030c076dc3bc6c6c6572";
    /** {@code openssl req -subj /C=CH/O=strongSwan/CN=moon.strongswan.org/emailAddress=.../DC=org}: UTF8Strings. */
    static final String OPENSSL_UTF8 = "3079310b300906035504061302434831133011060355040a0c0a7374726f6e675377616e31"
            + "1c301a06035504030c136d6f6f6e2e7374726f6e677377616e2e6f72673122302006092a864886f70d01090116136d6f6f6e"
            + "407374726f6e677377616e2e6f726731133011060a0992268993f22c64011916036f7267";
    /** {@code openssl req -multivalue-rdn -subj "/C=CH/O=strongSwan+OU=Ops/CN=a\,b"} (DER sorts the SET). */
    static final String OPENSSL_MULTI = "303c310b3009060355040613024348311f300a060355040b0c034f70733011060355040a0c0a"
            + "7374726f6e675377616e310c300a06035504030c03612c62";

    private static String decode(String hex) throws IkeMalformedNameException {
        return IkeDistinguishedNames.decode(Bytes.fromHex(hex));
    }

    @Test
    void strongSwanNamesBothWaysByteForByte() throws Exception {
        assertThat(decode(PKI_MOON)).isEqualTo("C=CH, O=strongSwan, CN=moon.strongswan.org");
        assertThat(IkeDistinguishedNames.encode("C=CH, O=strongSwan, CN=moon.strongswan.org").toHex()).isEqualTo(PKI_MOON);
        String all = "C=CH, ST=Zug, L=Baar x, O=strongSwan, OU=a+b, CN=moon.strongswan.org, E=moon@strongswan.org, "
                + "serialNumber=1234, DC=org, UID=jdoe, CN=müller";
        assertThat(IkeDistinguishedNames.encode(all).toHex()).as("the text given to pki --dn").isEqualTo(PKI_ALL);
        assertThat(decode(PKI_ALL)).isEqualTo(all.replace("a+b", "a\\+b"));
        assertThat(IkeDistinguishedNames.encode(decode(PKI_ALL)).toHex()).isEqualTo(PKI_ALL);
        assertThat(IkeDistinguishedNames.encode(" c = CH ,o=strongSwan,  cn=moon.strongswan.org ").toHex())
                .as("keywords in any case, spaces around separators").isEqualTo(PKI_MOON);
        assertThat(IkeDistinguishedNames.encode("C=CH, O=strongSwan, CN=moon.strongswan.org, emailAddress=a@b, Email=c@d"))
                .isEqualTo(IkeDistinguishedNames.encode("C=CH, O=strongSwan, CN=moon.strongswan.org, E=a@b, E=c@d"));
    }

    @Test
    void openSslNamesGiveTheSameTextAndReencodeWithStrongSwansTypes() throws Exception {
        String text = decode(OPENSSL_UTF8);
        assertThat(text).isEqualTo("C=CH, O=strongSwan, CN=moon.strongswan.org, E=moon@strongswan.org, DC=org");
        Bytes again = IkeDistinguishedNames.encode(text);
        assertThat(again.length()).isEqualTo(Bytes.fromHex(OPENSSL_UTF8).length());
        assertThat(IkeDistinguishedNames.decode(again)).isEqualTo(text);
        assertThat(decode(OPENSSL_MULTI)).isEqualTo("C=CH, OU=Ops+O=strongSwan, CN=a\\2Cb");
        assertThat(IkeDistinguishedNames.decode(IkeDistinguishedNames.encode(decode(OPENSSL_MULTI))))
                .isEqualTo(decode(OPENSSL_MULTI));
    }

    @Test
    void unknownOidsAndOtherValuesAreHexAndRoundTripExactly() throws Exception {
        // CN=x + 1.2.3.4 with an OCTET STRING, then CN as a BMPString ("A")
        String der = "3025311630080603550403130178300a06032a03040403010203310b300906035504031e020041";
        String text = decode(der);
        assertThat(text).isEqualTo("CN=x+1.2.3.4=#0403010203, CN=#1e020041");
        assertThat(IkeDistinguishedNames.encode(text).toHex()).isEqualTo(der);
        assertThat(IkeDistinguishedNames.encode("2.999.1=#0500")).isEqualTo(Bytes.fromHex("300b3109300706038837010500"))
                .satisfies(b -> assertThat(IkeDistinguishedNames.decode(b)).isEqualTo("2.999.1=#0500"));
    }

    @Test
    void specialCharactersSurviveTheModelsNormalisation() throws Exception {
        for (String value : new String[] {"a,b", "a , b", "x = y", " lead", "trail ", "#x", "a+CN=b", "q\"<>;\\",
            "tab\tnl\n", "\u2003em\u2003", "😀 ü", ""}) {
            Bytes der = IkeDistinguishedNames.encode(
                    "O=" + escapeForTest(value));
            String text = IkeDistinguishedNames.decode(der);
            assertThat(Identity.distinguishedName(text).value()).as(value).isEqualTo(text);
            assertThat(IkeDistinguishedNames.encode(text)).as(value).isEqualTo(der);
            assertThat(IkeDistinguishedNames.toIdentity(der)).isEqualTo(Identity.parse(text));
        }
        assertThat(IkeDistinguishedNames.decode(IkeDistinguishedNames.encode("O=a\\2C b\\20"))).isEqualTo("O=a\\2C b\\20");
    }

    /** RFC 4514 hex-pair escapes of every UTF-8 byte: a form the parser must read whatever the value. */
    private static String escapeForTest(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            s.append(String.format("\\%02x", b & 0xFF));
        }
        return s.toString();
    }

    @Test
    void badDerIsTheTypedException() {
        String[] bad = {"", "30", "3000", "3100", "30023100", "300231", "3080", "30810130", "3003310130",
            "300a3108300606035504031300" + "00", "3009310730050603550403", "300b3109300706035504031302",
            "3009310730050600130161", "300a3108300606035504031f00", "300c310a3008060455048003130100",
            "300b3109300706038080011300", "300831063004060155" + "0500",
            "30840000000a", "30820005310330010500"};
        for (String hex : bad) {
            assertThatThrownBy(() -> decode(hex)).as(hex).isInstanceOf(IkeMalformedNameException.class);
        }
        byte[] big = new byte[IkeDistinguishedNames.MAX_DER_BYTES + 1];
        assertThatThrownBy(() -> IkeDistinguishedNames.decode(Bytes.of(big)))
                .isInstanceOf(IkeMalformedNameException.class).hasMessageContaining("2048");
        String rdn = "310a300806035504031301" + "78"; // CN=x
        String hex = String.format("3082%04x", 12 * (IkeDistinguishedNames.MAX_ATTRIBUTES + 1))
                + rdn.repeat(IkeDistinguishedNames.MAX_ATTRIBUTES + 1);
        assertThatThrownBy(() -> decode(hex)).isInstanceOf(IkeMalformedNameException.class)
                .hasMessageContaining("attributes");
    }

    @Test
    void badTextIsIllegalArgument() {
        for (String text : new String[] {"", "CN", "XX=y", "CN=a, ", "1.2.3=plain", "CN=#0c", "CN=#0c0141ff",
            "CN=a\\q", "3.1=#0500", "1.40=#0500", "CN=\ud800"}) {
            assertThatThrownBy(() -> IkeDistinguishedNames.encode(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
