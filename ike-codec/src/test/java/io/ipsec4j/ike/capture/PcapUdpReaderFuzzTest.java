package io.ipsec4j.ike.capture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.Generate;

/** Whatever the bytes, the capture reader returns datagrams or throws CaptureFormatException: nothing else. */
class PcapUdpReaderFuzzTest {
    private static void readOnlyThrowsFormatErrors(byte[] bytes) {
        assertThatCode(() -> {
            try {
                PcapUdpReader.read(bytes);
            } catch (CaptureFormatException expected) {
                // the one allowed failure
            }
        }).doesNotThrowAnyException();
    }

    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) {
        readOnlyThrowsFormatErrors(data.consumeRemainingAsBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"strongswan-ikev2.pcapng", "dumpcap-lo-any-fragments.pcapng"})
    void mutatedCapturesOnlyThrowFormatErrors(String name) throws IOException {
        byte[] capture = PcapUdpReaderTest.resource(name);
        qt().withExamples(2000).forAll(Generate.range(0, capture.length - 1), Generate.range(0, 255),
                Generate.range(1, capture.length)).checkAssert((at, value, cut) -> {
                    byte[] mutated = java.util.Arrays.copyOf(capture, cut);
                    if (at < mutated.length) {
                        mutated[at] = (byte) (int) value;
                    }
                    readOnlyThrowsFormatErrors(mutated);
                });
    }
}
