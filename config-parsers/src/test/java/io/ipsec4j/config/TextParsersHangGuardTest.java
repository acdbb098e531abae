package io.ipsec4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ipsec4j.config.aws.AwsGenericTextParser;
import io.ipsec4j.config.azure.AzureDeviceScriptParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted lines that made the text patterns backtrack for tens of seconds (issue 8 §2). Each input
 * takes milliseconds now; the generous preemptive limit guards against a hang, it is not a timing
 * assertion.
 */
class TextParsersHangGuardTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** An AWS Generic text whose first tunnel's IKE section is open, so list lines are read. */
    static final String AWS_HEAD = "Amazon Web Services\nVirtual Private Cloud\nVPN Connection Configuration\n"
            + "Your VPN Connection ID : vpn-0123456789abcdef0\nIPSec Tunnel #1\n#1: Internet Key Exchange Configuration\n"
            + "  - Pre-Shared Key : abcdefgh\n";
    /** An Azure device script inside its [1] header section. */
    static final String AZURE_HEAD = "! Microsoft Corporation\n! [1] Network parameters\n";

    private static final String SPACES = " ".repeat(4000);

    static Stream<Arguments> craftedInputs() {
        return Stream.of(
                Arguments.of("AWS list line of spaces without a colon", AWS_HEAD + "  - " + SPACES + "x\n"),
                Arguments.of("AWS value with a long inner run of spaces", AWS_HEAD + "  - x" + SPACES + "y\n"),
                Arguments.of("AWS identifier line of spaces", "Amazon Web Services\nYour " + SPACES + "x\n" + AWS_HEAD),
                Arguments.of("Azure sub-header of spaces ending in a colon", AZURE_HEAD + "! > " + SPACES + "x:\n"),
                Arguments.of("Azure field line of spaces without a colon", AZURE_HEAD + "! + " + SPACES + "x\n"),
                Arguments.of("detection over 400 KB of blank lines", "a" + " \n".repeat(200_000) + "x"),
                Arguments.of("detection over a long indented line", "a\n" + SPACES + "ipsec tunnel #2\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedInputs")
    void craftedLinesAreReadInLinearTime(String name, String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            ParserHarness.readOrTypedError(bytes);
            ParserHarness.parseOrTypedError(new AwsGenericTextParser(), bytes);
            ParserHarness.parseOrTypedError(new AzureDeviceScriptParser(), bytes);
        });
    }

    @Test
    void refusesAnAwsLineLongerThanTheLimitWithItsLineNumber() {
        String text = AWS_HEAD + "  - Lifetime : " + "9".repeat(ConfigText.MAX_LINE_CHARS) + "\n";

        assertThatThrownBy(() -> new AwsGenericTextParser().parse(text))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("line 8")
                .hasMessageContaining("at most " + ConfigText.MAX_LINE_CHARS + " characters")
                .satisfies(e -> assertThat(((ConfigParseException) e).location()).isEqualTo(SourceLocation.line(8)));
    }

    @Test
    void refusesAnAzureLineLongerThanTheLimitWithItsLineNumber() {
        String text = AZURE_HEAD + "!   > Connection name: " + "c".repeat(ConfigText.MAX_LINE_CHARS) + "\n";

        assertThatThrownBy(() -> CloudConfigReader.read(text))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("Azure VPN Gateway device script, line 3")
                .hasMessageContaining("ConfigText.MAX_LINE_CHARS");
    }

    @Test
    void acceptsALineOfExactlyTheLimit() throws ConfigParseException {
        String line = "!" + " ".repeat(ConfigText.MAX_LINE_CHARS - 1);

        assertThat(ConfigText.of(AZURE_HEAD + line).lines(CloudConfigFormat.AZURE_DEVICE_SCRIPT)).contains(line);
    }
}
