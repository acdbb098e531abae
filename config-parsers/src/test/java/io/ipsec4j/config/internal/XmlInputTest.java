package io.ipsec4j.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.ConfigParseException;
import org.junit.jupiter.api.Test;

/** XML errors name the elements involved, never the input's values, and always have a line. */
class XmlInputTest {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AWS_XML;

    private static ConfigParseException error(String xml) {
        try {
            XmlInput.read(xml, FORMAT);
        } catch (ConfigParseException e) {
            return e;
        }
        throw new AssertionError("no error for " + xml);
    }

    @Test
    void aMismatchedEndTagNamesTheElement() {
        ConfigParseException e = error("<vpn_connection id=\"vpn-1\">\n<customer_gateway_id>cgw-1</vpn_gateway_id>\n</vpn_connection>");

        assertThat(e.getMessage()).contains("\"customer_gateway_id\"").doesNotContain("cgw-1");
        assertThat(e.location().lineNumber()).hasValue(2);
    }

    @Test
    void aKeyThatLooksLikeMarkupIsNotQuoted() {
        ConfigParseException e = error("<vpn_connection>\n<pre_shared_key>abc<Def9xyz</pre_shared_key>\n</vpn_connection>");

        assertThat(e.getMessage()).startsWith("AWS CustomerGatewayConfiguration XML, line 2").doesNotContain("Def9xyz");
    }

    @Test
    void tooDeepNestingSaysWhichLimitAndWhere() {
        ConfigParseException e = error("<vpn_connection>\n" + "<a>".repeat(40) + "</a>".repeat(40) + "</vpn_connection>");

        assertThat(e.getMessage()).contains("nested deeper than " + XmlInput.MAX_DEPTH + " levels").contains("<a>")
                .contains("XmlInput.MAX_DEPTH");
        assertThat(e.location().lineNumber()).hasValue(2);
    }

    @Test
    void unbalancedInputGivesTheTypedErrorWithAPosition() {
        for (String xml : new String[] {"<vpn_connection", "<a></b>", "<a>&bogus;</a>", "<a/><b/>", "", "<?xml version=\"1.0\"?>"}) {
            ConfigParseException e = error(xml);

            assertThat(e.getMessage()).startsWith("AWS CustomerGatewayConfiguration XML");
            assertThat(e.location()).isNotNull();
        }
    }
}
