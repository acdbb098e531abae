package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.fixtures.EspSuites;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.testing.EspSuiteSas;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link IkeSkCodec} for every suite of {@link EspSuites} that IKE can use, on the
 * providers of {@link EspSuiteSas} (ChaCha20-Poly1305 on both implementations):
 * decrypt(encrypt(payloads)) gives the payloads back, and any single bit flipped in the protected
 * datagram is rejected with an {@link IkeProtocolException} — by the decoder, or else by the SK
 * integrity check.
 */
class IkeSkCodecPropertyTest {
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();
    /** Examples per suite and property. */
    private static final int EXAMPLES = 300;

    /** Every suite IKE can use (RFC 7296 §3.3.2: none without confidentiality), on its providers. */
    static Stream<EspSuiteSas> suites() {
        return EspSuiteSas.ALL.stream().filter(s -> s.suite().providesConfidentiality());
    }

    private static IkeSkCodec codec(EspSuiteSas s) throws Exception {
        Random r = new Random(s.toString().hashCode());
        byte[] e = new byte[s.suite().encryption().keyMaterialLengthBytes()];
        byte[] a = new byte[s.suite().integrity().keyLengthBytes()];
        r.nextBytes(e);
        r.nextBytes(a);
        return IkeSkCodec.create(s.suite().encryption(), s.suite().integrity(), SecretBytes.of(e), SecretBytes.of(a),
                s.providers());
    }

    private static byte[] encode(IkeMessage m) {
        return IkeMessageEncoder.encodeToBytes(m).toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void decryptingAnEncryptedChainGivesItBack(EspSuiteSas suite) throws Exception {
        try (IkeSkCodec codec = codec(suite)) {
            qt().withExamples(EXAMPLES).forAll(IkeGenerators.headers(), IkeGenerators.payloadChains())
                    .checkAssert((h, p) -> {
                        try {
                            IkeMessage sealed = codec.encrypt(h, p);
                            byte[] datagram = encode(sealed);
                            IkeMessage decoded = DECODER.decode(Unpooled.wrappedBuffer(datagram));
                            assertThat(decoded).isEqualTo(sealed);
                            assertThat(codec.decrypt(datagram, decoded)).isEqualTo(p);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void anySingleBitFlipIsRejected(EspSuiteSas suite) throws Exception {
        try (IkeSkCodec codec = codec(suite)) {
            qt().withExamples(EXAMPLES)
                    .forAll(IkeGenerators.headers(), IkeGenerators.payloadChains(), Generate.range(0, Integer.MAX_VALUE))
                    .checkAssert((h, p, position) -> {
                        byte[] datagram;
                        try {
                            datagram = encode(codec.encrypt(h, p));
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                        int bit = position % (datagram.length * 8);
                        datagram[bit / 8] ^= (byte) (1 << (bit % 8));
                        IkeMessage decoded;
                        try {
                            decoded = DECODER.decode(Unpooled.wrappedBuffer(datagram));
                        } catch (IkeProtocolException rejectedByTheDecoder) {
                            return;
                        }
                        if (!(decoded.payloads().get(decoded.payloads().size() - 1) instanceof IkeSkPayload)) {
                            return; // the flip turned the SK payload into another type: the decoder's business
                        }
                        Throwable t = catchThrowable(() -> codec.decrypt(datagram, decoded));
                        assertThat(t).as("bit %d of %d bytes", bit, datagram.length)
                                .isInstanceOf(IkeIntegrityCheckFailedException.class);
                    });
        }
    }
}
