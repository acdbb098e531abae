package io.ipsec4j.ike.capture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Whatever the bytes, the capture reader returns datagrams or throws IOException: nothing else. */
class PcapUdpReaderFuzzTest {
    private static void readOnlyThrowsIo(byte[] bytes) {
        assertThatCode(() -> {
            try {
                PcapUdpReader.read(bytes);
            } catch (IOException expected) {
                // the one allowed failure
            }
        }).doesNotThrowAnyException();
    }

    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) {
        readOnlyThrowsIo(data.consumeRemainingAsBytes());
    }

    @Test
    void mutatedBundledCapturesOnlyThrowIo() throws IOException {
        byte[] capture;
        try (InputStream in = PcapUdpReaderFuzzTest.class.getResourceAsStream("strongswan-ikev2.pcapng")) {
            capture = in.readAllBytes();
        }
        qt().withExamples(2000).forAll(Generate.range(0, capture.length - 1), Generate.range(0, 255),
                Generate.range(1, capture.length)).checkAssert((at, value, cut) -> {
                    byte[] mutated = java.util.Arrays.copyOf(capture, cut);
                    if (at < mutated.length) {
                        mutated[at] = (byte) (int) value;
                    }
                    readOnlyThrowsIo(mutated);
                });
    }
}
