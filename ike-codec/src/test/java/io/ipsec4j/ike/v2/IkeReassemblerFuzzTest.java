package io.ipsec4j.ike.v2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Coverage-guided fuzzing of {@link IkeReassembler}: a stream of arbitrary datagrams (the input cut
 * at each 0xFF 0xFE 0xFD marker) fed to reassemblers keyed with AOSP's 3DES/HMAC-SHA1 and
 * AES-GCM-256 fragment keys only ever raises {@link IkeProtocolException}. The seed corpus in
 * {@code IkeReassemblerFuzzTestInputs/} (AOSP's SKF fragments) runs in every build; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class IkeReassemblerFuzzTest {
    private static final HexFormat HEX = HexFormat.of();

    private static IkeReassembler[] reassemblers() {
        try {
            CryptoProviders p = CryptoProviders.defaults();
            IkeReassembler.Limits limits = new IkeReassembler.Limits(8, 4096, Duration.ofSeconds(1));
            long[] clock = {0};
            return new IkeReassembler[] {
                new IkeReassembler(IkeSkCodec.create(Encryption.TRIPLE_DES, IntegrityAlgorithm.HMAC_SHA1_96,
                        key("6bbf6cb3526d6492f4da0af45e9b9fd3e1ff534280352073"),
                        key("293449e8e518060780b9c06f15838a06eef57814"), p), new IkeMessageDecoder(), limits,
                        () -> clock[0] += 100_000_000L),
                new IkeReassembler(IkeSkCodec.create(Encryption.AES256_GCM_16, IntegrityAlgorithm.NONE,
                        key("955ed949d6f18857220e97b17d9285c830a39f8d4dc46ab43943668093c62a3d66664f8c"), null, p),
                        new IkeMessageDecoder(), limits, () -> clock[0] += 100_000_000L)};
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static SecretBytes key(String hex) {
        return SecretBytes.of(HEX.parseHex(hex));
    }

    @FuzzTest(maxDuration = "30s")
    void acceptOnlyRaisesProtocolExceptions(byte[] data) {
        IkeReassembler[] rs = reassemblers();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            boolean cut = i == data.length || i + 2 < data.length && data[i] == (byte) 0xFF
                    && data[i + 1] == (byte) 0xFE && data[i + 2] == (byte) 0xFD;
            if (!cut) {
                continue;
            }
            byte[] datagram = Arrays.copyOfRange(data, start, i);
            for (IkeReassembler r : rs) {
                try {
                    r.accept(datagram);
                } catch (IkeProtocolException expected) {
                    // the only failure allowed
                }
            }
            start = i + 3;
            i += 2;
        }
    }
}
