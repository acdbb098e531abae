package io.ipsec4j.ike.v2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link IkeSkCodec}: arbitrary datagrams, decoded and then decrypted
 * with AOSP's AES-CBC/HMAC-SHA1 keys, its AES-GCM-256 key and RFC 7634's ChaCha20-Poly1305 key, only
 * ever raise {@link IkeProtocolException}. The seed corpus in {@code IkeSkCodecFuzzTestInputs/} (the
 * messages those keys really open) runs in every build; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeSkCodecFuzzTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final IkeMessageDecoder DECODER = new IkeMessageDecoder();
    private static final List<IkeSkCodec> CODECS = codecs();

    private static List<IkeSkCodec> codecs() {
        try {
            CryptoProviders p = CryptoProviders.defaults();
            return List.of(
                    IkeSkCodec.create(Encryption.AES128_CBC, IntegrityAlgorithm.HMAC_SHA1_96,
                            key("5cbfd33f75796c0188c4a3a546aec4a1"), key("554fbf5a05b7f511e05a30ce23d874db9ef55e51"), p),
                    IkeSkCodec.create(Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE,
                            key("7c04513660dec572d896105254ef92608054f8e6ee19e79ce52ab8697b2b5f2c2aa90c29"), null, p),
                    IkeSkCodec.create(Encryption.CHACHA20_POLY1305, IntegrityAlgorithm.NONE,
                            key("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3"), null, p));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static SecretBytes key(String hex) {
        return SecretBytes.of(HEX.parseHex(hex));
    }

    @FuzzTest(maxDuration = "30s")
    void decryptOnlyRaisesProtocolExceptions(byte[] data) {
        IkeMessage m;
        try {
            m = DECODER.decode(Unpooled.wrappedBuffer(data));
        } catch (IkeProtocolException expected) {
            return;
        }
        if (m.payloads().isEmpty()) {
            return;
        }
        IkePayload last = m.payloads().get(m.payloads().size() - 1);
        for (IkeSkCodec codec : CODECS) {
            try {
                if (last instanceof IkeSkPayload) {
                    codec.decrypt(data, m);
                } else if (last instanceof IkeSkfPayload) {
                    codec.decryptFragment(data, m);
                }
            } catch (IkeProtocolException expected) {
                // the only failure allowed
            }
        }
    }
}
