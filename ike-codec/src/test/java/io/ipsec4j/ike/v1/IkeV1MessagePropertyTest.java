package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.ike.IkeProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Properties of the IKEv1 message codec over generated messages and mutated bytes. */
class IkeV1MessagePropertyTest {

    private static byte[] encode(IkeV1Message m) {
        return IkeV1MessageEncoder.encodeToBytes(m).toByteArray();
    }

    private static IkeV1Message decodeOrNull(byte[] bytes) {
        try {
            return IkeV1Codec.decode(bytes);
        } catch (IkeProtocolException expected) {
            return null;
        }
    }

    @Test
    void decodingAnEncodedMessageGivesItBackAndReencodesIdentically() {
        qt().withExamples(1000).forAll(IkeV1Generators.messages()).checkAssert(m -> {
            byte[] wire = encode(m);
            IkeV1Message back = decodeOrNull(wire);
            assertThat(back).isEqualTo(m);
            assertThat(encode(back)).isEqualTo(wire);
            assertThat(IkeV1MessageEncoder.encodedLength(m)).isEqualTo(wire.length);
        });
    }

    @Test
    void payloadChainsRoundTripLikeADecryptedBody() {
        qt().withExamples(500).forAll(IkeV1Generators.payloadChains()).checkAssert(chain -> {
            ByteBuf out = Unpooled.buffer();
            IkeV1MessageEncoder.encodePayloads(chain, out);
            out.writeZero(7); // padding
            IkeV1PayloadType first = chain.isEmpty() ? IkeV1PayloadType.NONE : chain.get(0).type();
            try {
                assertThat(IkeV1Codec.DECODER.decodePayloads(first, out, true, true)).isEqualTo(chain);
            } catch (IkeV1PayloadMalformedException e) {
                throw new AssertionError(e);
            } finally {
                out.release();
            }
        });
    }

    @Test
    void mutatedMessagesOnlyEverRaiseTheTypedException() {
        qt().withExamples(2000).forAll(IkeV1Generators.messages(), Generate.range(0, 10_000),
                Generate.range(1, 255)).checkAssert((m, at, xor) -> {
                    byte[] wire = encode(m);
                    wire[at % wire.length] ^= (byte) (int) xor;
                    IkeV1Message back = decodeOrNull(wire);
                    if (back != null) {
                        // whatever is accepted is a value that round-trips
                        assertThat(decodeOrNull(encode(back))).isEqualTo(back);
                    }
                });
    }

    @Test
    void truncatedMessagesAreRejected() {
        qt().withExamples(500).forAll(IkeV1Generators.messages(), Generate.range(0, 10_000)).checkAssert((m, cut) -> {
            byte[] wire = encode(m);
            byte[] shorter = java.util.Arrays.copyOf(wire, cut % wire.length);
            assertThat(decodeOrNull(shorter)).isNull();
        });
    }

    @Test
    void arbitraryBytesNeverEscapeAsRuntimeExceptions() {
        qt().withExamples(2000).forAll(Generate.byteArrays(Generate.range(0, 120), Generate.bytes(
                Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))).checkAssert(b -> {
                    if (b.length >= 28) {
                        b[17] = 0x10; // major version 1, to get past the header
                    }
                    decodeOrNull(b);
                });
        assertThat(List.of()).isEmpty();
    }
}
