package io.ipsec4j.config;

import io.ipsec4j.fixtures.FixtureFiles;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.ipsec4j.config.aws.AwsApiJsonParser;
import io.ipsec4j.config.aws.AwsGenericTextParser;
import io.ipsec4j.config.aws.AwsXmlParser;
import io.ipsec4j.config.azure.AzureConnectionJsonParser;
import io.ipsec4j.config.azure.AzureDeviceScriptParser;
import io.ipsec4j.config.azure.AzureVwanJsonParser;
import io.ipsec4j.config.gcp.GcpVpnTunnelParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever the input, no parser throws anything but {@link ConfigParseException}. */
class CloudConfigParsersPropertyTest {
    private static final List<CloudConfigParser> PARSERS = List.of(new AwsGenericTextParser(), new AwsXmlParser(),
            new AwsApiJsonParser(), new AzureVwanJsonParser(), new AzureDeviceScriptParser(), new AzureConnectionJsonParser(),
            new GcpVpnTunnelParser());

    /** Bytes that matter to the formats' syntax. */
    private static final String ALPHABET = "\":,{}[]<>/\n\t #-0123456789abcdef";

    private static void everyParser(byte[] input) {
        ParserHarness.readOrTypedError(input);
        for (CloudConfigParser p : PARSERS) {
            ParserHarness.parseOrTypedError(p, input);
        }
    }

    /** A real file with up to eight bytes replaced, deleted or inserted, or cut short. */
    private static Gen<byte[]> mutatedFixtures() {
        Gen<Integer> file = integers().between(0, FixtureFiles.CLOUD_CONFIGS.size() - 1);
        Gen<List<Integer>> edits = lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 8);
        return file.zip(edits, (f, e) -> {
            byte[] b = FixtureFiles.cloudConfig(FixtureFiles.CLOUD_CONFIGS.get(f));
            for (int r : e) {
                int pos = r % Math.max(b.length, 1);
                int op = (r >>> 24) % 4;
                if (op == 0 && b.length > 0) {
                    b[pos] = (byte) (r >>> 8);
                } else if (op == 1 && b.length > 0) {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, pos);
                    System.arraycopy(b, pos + 1, shorter, pos, b.length - pos - 1);
                    b = shorter;
                } else if (op == 2) {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, pos);
                    longer[pos] = (byte) ALPHABET.charAt((r >>> 8) % ALPHABET.length());
                    System.arraycopy(b, pos, longer, pos + 1, b.length - pos);
                    b = longer;
                } else {
                    b = java.util.Arrays.copyOf(b, pos);
                }
            }
            return b;
        });
    }

    @Test
    void mutatedRealFilesOnlyGiveTypedErrors() {
        qt().withExamples(400).forAll(mutatedFixtures()).checkAssert(CloudConfigParsersPropertyTest::everyParser);
    }

    @Test
    void randomStringsOnlyGiveTypedErrors() {
        qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 400))
                .checkAssert(s -> everyParser(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomBytesOnlyGiveTypedErrors() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 400)).checkAssert(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) list.get(i);
            }
            everyParser(b);
        });
    }

    @Test
    void shuffledLinesOfRealFilesOnlyGiveTypedErrors() {
        Gen<Integer> file = integers().between(0, FixtureFiles.CLOUD_CONFIGS.size() - 1);
        Gen<List<Integer>> picks = lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 60);
        qt().withExamples(200).forAll(file, picks).checkAssert((f, p) -> {
            String[] lines = FixtureFiles.cloudConfigText(FixtureFiles.CLOUD_CONFIGS.get(f)).split("\n");
            StringBuilder sb = new StringBuilder();
            for (int i : p) {
                sb.append(lines[i % lines.length]).append('\n');
            }
            everyParser(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
