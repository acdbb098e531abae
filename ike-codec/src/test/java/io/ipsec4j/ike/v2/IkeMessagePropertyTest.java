package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.ike.IkeProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Properties of the IKEv2 message codec over generated messages and bytes. */
class IkeMessagePropertyTest {
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();

    private static byte[] encode(IkeMessage m) {
        return IkeMessageEncoder.encodeToBytes(m).toByteArray();
    }

    /** Decodes {@code bytes}; the only failure allowed is a protocol exception. */
    private static IkeMessage decodeOrNull(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return DECODER.decode(buf);
        } catch (IkeProtocolException expected) {
            return null;
        }
    }

    @Test
    void decodingAnEncodedMessageGivesItBack() {
        qt().withExamples(1000).forAll(IkeGenerators.messages()).checkAssert(m -> {
            IkeMessage decoded = decodeOrNull(encode(m));
            assertThat(decoded).isEqualTo(m);
        });
    }

    @Test
    void canonicalBytesReencodeIdenticallyAndTheHeaderLengthIsTheSize() {
        qt().withExamples(500).forAll(IkeGenerators.messages()).checkAssert(m -> {
            byte[] wire = encode(m);
            assertThat(encode(decodeOrNull(wire))).isEqualTo(wire);
            assertThat(IkeMessageEncoder.encodedLength(m)).isEqualTo(wire.length);
            int headerLength = (wire[24] & 0xFF) << 24 | (wire[25] & 0xFF) << 16 | (wire[26] & 0xFF) << 8 | wire[27] & 0xFF;
            assertThat(headerLength).isEqualTo(wire.length);
        });
    }

    @Test
    void payloadChainsRoundTripLikeADecryptedSkBody() {
        qt().withExamples(500).forAll(IkeGenerators.payloadChains()).checkAssert(chain -> {
            ByteBuf out = Unpooled.buffer();
            IkeMessageEncoder.encodePayloads(chain, out);
            IkePayloadType first = chain.isEmpty() ? IkePayloadType.NO_NEXT_PAYLOAD : chain.get(0).type();
            try {
                assertThat(DECODER.decodePayloads(first, out, true)).isEqualTo(chain);
            } catch (IkeErrorNotifyException e) {
                throw new AssertionError(e);
            } finally {
                out.release();
            }
        });
    }

    @Test
    void mutatedMessagesOnlyEverRaiseProtocolExceptions() {
        qt().withExamples(2000)
                .forAll(IkeGenerators.messages(), Generate.range(0, Integer.MAX_VALUE), Generate.range(0, 3))
                .checkAssert((m, where, how) -> {
                    byte[] wire = encode(m);
                    byte[] mutated = mutate(wire, where, how);
                    IkeMessage decoded = decodeOrNull(mutated);
                    if (decoded != null) {
                        // Whatever is accepted re-encodes into something that decodes to the same message.
                        assertThat(decodeOrNull(encode(decoded))).isEqualTo(decoded);
                    }
                });
    }

    private static byte[] mutate(byte[] wire, int where, int how) {
        byte[] b = wire.clone();
        int at = where % b.length;
        switch (how) {
            case 0: // flip one bit
                b[at] ^= (byte) (1 << (where >>> 16) % 8);
                return b;
            case 1: // truncate
                return java.util.Arrays.copyOf(b, at);
            case 2: { // change a payload length field (or any 16-bit field) by a small amount
                if (b.length >= 2) {
                    int i = Math.min(at, b.length - 2);
                    int v = ((b[i] & 0xFF) << 8 | b[i + 1] & 0xFF) + ((where >>> 8) % 9) - 4;
                    b[i] = (byte) (v >>> 8);
                    b[i + 1] = (byte) v;
                }
                return b;
            }
            default: // replace one byte
                b[at] = (byte) (where >>> 8);
                return b;
        }
    }

    @Test
    void arbitraryBytesOnlyEverRaiseProtocolExceptions() {
        qt().withExamples(2000)
                .forAll(Generate.byteArrays(Generate.range(0, 120), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)))
                .checkAssert(bytes -> {
                    decodeOrNull(bytes);
                    byte[] withHeader = new byte[28 + bytes.length];
                    System.arraycopy(bytes, 0, withHeader, 28, bytes.length);
                    withHeader[16] = bytes.length > 0 ? bytes[0] : 0;
                    withHeader[17] = 0x20;
                    int n = withHeader.length;
                    withHeader[24] = (byte) (n >>> 24);
                    withHeader[25] = (byte) (n >>> 16);
                    withHeader[26] = (byte) (n >>> 8);
                    withHeader[27] = (byte) n;
                    decodeOrNull(withHeader);
                });
    }

    @Test
    void generatorsCoverEveryPayloadType() {
        java.util.Set<IkePayloadType> types = new java.util.HashSet<>();
        qt().withExamples(300).forAll(IkeGenerators.payloadChains()).checkAssert(chain ->
                chain.forEach(p -> types.add(p.type())));
        assertThat(types).containsAll(List.of(IkePayloadType.SA, IkePayloadType.KE, IkePayloadType.ID_INITIATOR,
                IkePayloadType.ID_RESPONDER, IkePayloadType.CERT, IkePayloadType.CERTREQ, IkePayloadType.AUTH,
                IkePayloadType.NONCE, IkePayloadType.NOTIFY, IkePayloadType.DELETE, IkePayloadType.VENDOR_ID,
                IkePayloadType.TS_INITIATOR, IkePayloadType.TS_RESPONDER, IkePayloadType.ENCRYPTED,
                IkePayloadType.CONFIGURATION, IkePayloadType.EAP, IkePayloadType.ENCRYPTED_FRAGMENT));
    }
}
