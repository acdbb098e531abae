package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Coverage-guided fuzzing of {@link IkeMessageDecoder}: arbitrary bytes only ever raise
 * {@link IkeProtocolException}, and whatever is accepted re-encodes into bytes that decode to the
 * same message. The seed corpus in {@code IkeMessageDecoderFuzzTestInputs/} (the AOSP messages and
 * a few hand-made ones) runs in every build; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeMessageDecoderFuzzTest {
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();
    private static final IkeMessageDecoder TIGHT = new IkeMessageDecoder(IkeDecoderLimits.DEFAULT
            .withMaxPayloads(4).withMaxProposals(2).withMaxTransforms(4).withMaxTrafficSelectors(2).withMaxAttributes(2));

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
        ByteBuf body = Unpooled.wrappedBuffer(data, 1, data.length - 1);
        try {
            DECODER.decodePayloads(IkePayloadType.valueOf(data[0] & 0xFF), body, true);
        } catch (IkeErrorNotifyException e) {
            assertThat(e.isIntegrityProtected()).isTrue();
        }
    }

    private static void check(IkeMessageDecoder decoder, byte[] data) {
        IkeMessage m;
        try {
            m = decoder.decode(Unpooled.wrappedBuffer(data));
        } catch (IkeProtocolException expected) {
            return;
        }
        byte[] again = IkeMessageEncoder.encodeToBytes(m).toByteArray();
        try {
            assertThat(decoder.decode(Unpooled.wrappedBuffer(again))).isEqualTo(m);
        } catch (IkeProtocolException e) {
            throw new AssertionError("re-encoded message does not decode", e);
        }
    }
}
