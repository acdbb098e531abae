package io.ipsec4j.ike.v1;

import static io.ipsec4j.ike.v1.IkeV1CaptureSessions.HEX;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipsec4j.ike.v1.IkeV1CaptureSessions.Session;
import io.ipsec4j.model.SecretBytes;
import java.util.Map;

/**
 * Coverage-guided fuzzing of {@link IkeV1CaptureDecryptor} with arbitrary datagram sequences: the
 * fuzzer's bytes choose the limits, then per step a datagram of the RUB-NDS session (maybe with a
 * byte changed) or fresh bytes. Only {@link IkeV1PayloadMalformedException} may escape and the SAs
 * tracked stay within the limit. Seeds in {@code IkeV1CaptureDecryptorFuzzTestInputs/} run in every
 * build.
 */
class IkeV1CaptureDecryptorFuzzTest {
    private static final Session SESSION = IkeV1CaptureSessions.rubNds();
    private static final Map<Long, SecretBytes> KEYS = Map.of(SESSION.initiatorCookie(),
            SecretBytes.of(HEX.parseHex(SESSION.key())), 0x0102030405060708L, SecretBytes.of(new byte[24]));
    private static final int MAX_STEPS = 64;

    @FuzzTest(maxDuration = "30s")
    void arbitraryDatagramSequences(FuzzedDataProvider data) {
        IkeV1CaptureDecryptor.Limits limits = new IkeV1CaptureDecryptor.Limits(data.consumeInt(1, 3),
                data.consumeInt(1, 3), data.consumeInt(1, 3));
        IkeV1CaptureDecryptor d = new IkeV1CaptureDecryptor(KEYS, limits);
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
            byte[] datagram;
            int choice = data.consumeInt(0, SESSION.datagrams().size());
            if (choice == SESSION.datagrams().size()) {
                datagram = data.consumeBytes(data.consumeInt(0, 600));
            } else {
                datagram = SESSION.datagrams().get(choice).clone();
                if (data.consumeBoolean()) {
                    datagram[data.consumeInt(0, datagram.length - 1)] ^= data.consumeByte();
                }
            }
            try {
                d.handleDatagram(datagram);
            } catch (IkeV1PayloadMalformedException expected) {
                // the decoder's typed rejection
            }
            if (d.trackedSas() > limits.maxSas()) {
                throw new IllegalStateException("tracked SAs: " + d.trackedSas() + " (limit " + limits.maxSas() + ")");
            }
        }
    }
}
