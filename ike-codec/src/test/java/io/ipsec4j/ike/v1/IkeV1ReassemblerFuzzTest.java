package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.Bytes;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of {@link IkeV1Reassembler}: the input is cut into fragment headers
 * (ID, number, flags, length) and data; only the typed exception escapes and a result never exceeds
 * the byte bound. The seed corpus in {@code IkeV1ReassemblerFuzzTestInputs/} runs in every build.
 */
class IkeV1ReassemblerFuzzTest {
    private static final int MAX_BYTES = 200;

    @FuzzTest(maxDuration = "30s")
    void acceptOnlyRaisesProtocolExceptions(byte[] data) {
        IkeV1Reassembler r = new IkeV1Reassembler(IkeDecoderLimits.DEFAULT.withMaxMessageBytes(MAX_BYTES), 8);
        int at = 0;
        while (at + 5 <= data.length) {
            int id = data[at] & 0x03;
            int number = data[at + 1] & 0xFF;
            int flags = data[at + 2] & 0xFF;
            int cookie = data[at + 3] & 0x01;
            int len = Math.min(data[at + 4] & 0x7F, data.length - at - 5);
            Bytes piece = Bytes.of(data, at + 5, len);
            at += 5 + len;
            try {
                Optional<Bytes> whole = r.accept(IkeV1ReassemblerTest.fragment(cookie, id, number,
                        (flags & 1) != 0, piece.toHex()));
                whole.ifPresent(w -> assertThat(w.length()).isLessThanOrEqualTo(MAX_BYTES));
            } catch (IkeProtocolException expected) {
                // typed rejection
            }
        }
    }
}
