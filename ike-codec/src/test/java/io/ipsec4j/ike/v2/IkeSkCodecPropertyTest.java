package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link IkeSkCodec} for AES-CBC + HMAC-SHA2-256-128, AES-GCM-16 and ChaCha20-Poly1305
 * (both implementations): decrypt(encrypt(payloads)) gives the payloads back, and any single bit
 * flipped in the protected datagram is rejected with an {@link IkeProtocolException} — by the
 * decoder, or else by the SK integrity check.
 */
class IkeSkCodecPropertyTest {
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();

    /** The suites under test. */
    enum Suite {
        AES_CBC_HMAC(Encryption.AES256_CBC, IntegrityAlgorithm.HMAC_SHA2_256_128, CryptoProviders.defaults()),
        AES_GCM(Encryption.AES128_GCM_16, IntegrityAlgorithm.NONE, CryptoProviders.defaults()),
        CHACHA_JDK(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                CryptoProviders.defaults().withChaCha(CryptoProviders.ChaChaImplementation.JDK)),
        CHACHA_BOUNCY_CASTLE(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                CryptoProviders.defaults().withChaCha(CryptoProviders.ChaChaImplementation.BOUNCY_CASTLE));

        final Encryption encryption;
        final IntegrityAlgorithm integrity;
        final CryptoProviders providers;

        Suite(Encryption encryption, IntegrityAlgorithm integrity, CryptoProviders providers) {
            this.encryption = encryption;
            this.integrity = integrity;
            this.providers = providers;
        }

        IkeSkCodec codec() throws Exception {
            Random r = new Random(ordinal());
            byte[] e = new byte[encryption.keyMaterialLengthBytes()];
            byte[] a = new byte[integrity.keyLengthBytes()];
            r.nextBytes(e);
            r.nextBytes(a);
            return IkeSkCodec.create(encryption, integrity, SecretBytes.of(e), SecretBytes.of(a), providers);
        }
    }

    private static byte[] encode(IkeMessage m) {
        return IkeMessageEncoder.encodeToBytes(m).toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void decryptingAnEncryptedChainGivesItBack(Suite suite) throws Exception {
        try (IkeSkCodec codec = suite.codec()) {
            qt().withExamples(300).forAll(IkeGenerators.headers(), IkeGenerators.payloadChains()).checkAssert((h, p) -> {
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

    @ParameterizedTest
    @EnumSource(Suite.class)
    void anySingleBitFlipIsRejected(Suite suite) throws Exception {
        try (IkeSkCodec codec = suite.codec()) {
            qt().withExamples(300)
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
