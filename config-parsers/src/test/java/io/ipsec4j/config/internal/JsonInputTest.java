package io.ipsec4j.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.TreeCodec;
import com.fasterxml.jackson.core.Versioned;
import io.ipsec4j.config.CloudConfigFormat;
import io.ipsec4j.config.CloudConfigReader;
import io.ipsec4j.config.ConfigParseException;
import io.ipsec4j.config.SourceLocation;
import io.ipsec4j.fixtures.FixtureFiles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Syntax errors read like the rest of the module's messages: a position, our words, no input text. */
class JsonInputTest {
    private static final CloudConfigFormat FORMAT = CloudConfigFormat.AWS_API_JSON;

    private static ConfigParseException error(String json) {
        try {
            JsonInput.read(json, FORMAT);
        } catch (ConfigParseException e) {
            return e;
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void handsOutNoSharedJacksonMapperOrFactory() {
        // A caller holding the shared ObjectMapper could reconfigure every parser (global state).
        assertThat(Arrays.stream(JsonInput.class.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(Method::getReturnType))
                .noneMatch(type -> TreeCodec.class.isAssignableFrom(type) || Versioned.class.isAssignableFrom(type));
    }

    @Test
    void anUnclosedArrayNamesItsStartWithoutJacksonInternals() {
        ConfigParseException e = error("{\"VpnConnections\": [\n  {\"a\": 1}");

        assertThat(e.getMessage()).contains("start marker at line 1, column 20")
                .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
        assertThat(e.location().lineNumber()).hasValue(2);
    }

    @Test
    void aHashCommentGetsTheCommentMessage() {
        ConfigParseException hash = error("{\"VpnConnections\": [], # exported from the console\n \"x\": 1}");
        ConfigParseException slashes = error("{\"VpnConnections\": [], // exported from the console\n \"x\": 1}");

        assertThat(hash.problem()).isEqualTo(slashes.problem()).contains("a comment");
        assertThat(hash.expected()).isEqualTo("strict JSON without comments");
        assertThat(hash.location()).isEqualTo(SourceLocation.lineColumn(1, 24));
    }

    @Test
    void aFileThatStartsWithACommentLineReachesTheJsonParser() {
        String json = "# azure-vwan-1.json, downloaded 2024-05-01\n" + FixtureFiles.cloudConfigText("azure-vwan-1.json");

        assertThatThrownBy(() -> CloudConfigReader.read(json))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("Azure Virtual WAN JSON, line 1, column 1")
                .hasMessageContaining("a comment");
    }

    @Test
    void tooDeepNestingHasALineAndOurWords() {
        ConfigParseException e = error("{\"VpnConnections\":\n" + "[".repeat(100) + "]".repeat(100) + "}");

        assertThat(e.location().lineNumber()).hasValue(2);
        assertThat(e.getMessage()).contains("nested deeper than " + JsonInput.MAX_NESTING_DEPTH + " levels")
                .contains("JsonInput.MAX_NESTING_DEPTH").doesNotContain("StreamReadConstraints");
    }

    @Test
    void anOverlongNumberHasALineAndOurWords() {
        ConfigParseException e = error("{\n\"VpnConnections\": [" + "1".repeat(100) + "]}");

        assertThat(e.location().lineNumber()).hasValue(2);
        assertThat(e.getMessage()).contains("a number longer than 64 characters").doesNotContain("StreamReadConstraints");
    }

    @Test
    void keepsJacksonsKeywordsButNotTheInputToken() {
        ConfigParseException e = error("{\"VpnConnections\": [Secr3tKey]}");

        assertThat(e.getMessage()).contains("'null', 'true' or 'false'").doesNotContain("Secr3tKey");
    }
}
