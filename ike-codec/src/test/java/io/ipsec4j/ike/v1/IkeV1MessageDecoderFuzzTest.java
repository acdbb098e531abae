package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeProtocolException;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of {@link IkeV1MessageDecoder}: arbitrary bytes only ever raise
 * {@link IkeProtocolException}, and whatever is accepted re-encodes into bytes that decode to the
 * same message. The seed corpus in {@code IkeV1MessageDecoderFuzzTestInputs/} (the RUB-NDS captures
 * and strongSwan messages) runs in every build; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeV1MessageDecoderFuzzTest {
    private static final IkeV1MessageDecoder DECODER = new IkeV1MessageDecoder();
    private static final IkeV1MessageDecoder TIGHT = new IkeV1MessageDecoder(IkeDecoderLimits.DEFAULT
            .withMaxPayloads(4).withMaxProposals(2).withMaxTransforms(4).withMaxAttributes(2));

    @FuzzTest(maxDuration = "30s")
    void decodeOnlyRaisesProtocolExceptions(byte[] data) {
        check(DECODER, data);
        check(TIGHT, data);
    }

    @FuzzTest(maxDuration = "30s")
    void decodePayloadsOnlyRaisesProtocolExceptions(byte[] data) {
        if (data.length == 0) {
            return;
        }
        try {
            DECODER.decodePayloads(IkeV1PayloadType.valueOf(data[0] & 0xFF),
                    Unpooled.wrappedBuffer(data, 1, data.length - 1), true, true);
        } catch (IkeV1PayloadMalformedException e) {
            assertThat(e.isIntegrityProtected()).isTrue();
        }
    }

    private static void check(IkeV1MessageDecoder decoder, byte[] data) {
        IkeV1Message m;
        try {
            m = decoder.decode(Unpooled.wrappedBuffer(data));
        } catch (IkeProtocolException expected) {
            return;
        }
        byte[] again = IkeV1MessageEncoder.encodeToBytes(m).toByteArray();
        try {
            assertThat(decoder.decode(Unpooled.wrappedBuffer(again))).isEqualTo(m);
        } catch (IkeProtocolException e) {
            throw new AssertionError("re-encoded message does not decode", e);
        }
    }
}
