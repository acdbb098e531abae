package io.ipsec4j.ike.v1;

import static io.ipsec4j.ike.v1.IkeV1CaptureSessions.HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.ike.v1.IkeV1CaptureResult.Outcome;
import io.ipsec4j.ike.v1.IkeV1CaptureSessions.Session;
import io.ipsec4j.model.SecretBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link IkeV1CaptureDecryptor} over generated captures: retransmissions anywhere never change
 * what the original messages decrypt to (a byte-identical copy does not advance an IV chain), and
 * arbitrary sequences of session, mutated and random datagrams only ever raise the decoder's typed
 * exception while the state stays within the limits.
 */
class IkeV1CaptureDecryptorPropertyTest {
    private static final Session SESSION = IkeV1CaptureSessions.rubNds();
    private static final int N = SESSION.datagrams().size();

    /** Per original datagram, the indexes of 0 to 2 earlier (or the same) datagrams resent after it. */
    private static Gen<List<List<Integer>>> resends() {
        return Generate.intArrays(Generate.constant(N * 2), Generate.range(0, 1 << 16)).map(a -> {
            List<List<Integer>> out = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                List<Integer> copies = new ArrayList<>();
                for (int c = 0; c < a[2 * i] % 3; c++) {
                    copies.add((a[2 * i + 1] >> (c * 4)) % (i + 1));
                }
                out.add(copies);
            }
            return out;
        });
    }

    @Test
    void retransmissionsAnywhereNeverChangeWhatTheOriginalsDecryptTo() {
        qt().withExamples(200).forAll(resends()).checkAssert(resends -> {
            IkeV1CaptureDecryptor d = new IkeV1CaptureDecryptor(Map.of(SESSION.initiatorCookie(),
                    SecretBytes.of(HEX.parseHex(SESSION.key()))));
            try {
                for (int i = 0; i < N; i++) {
                    IkeV1CaptureResult r = d.handleDatagram(SESSION.datagrams().get(i));
                    assertThat(r.outcome()).isIn(Outcome.PLAINTEXT, Outcome.DECRYPTED);
                    assertThat(r.retransmission()).isFalse();
                    assertThat(IkeV1MessageEncoder.encodePayloadsToBytes(r.message().payloads()).toByteArray())
                            .isEqualTo(SESSION.plaintexts().get(i));
                    for (int copy : resends.get(i)) {
                        IkeV1CaptureResult again = d.handleDatagram(SESSION.datagrams().get(copy));
                        assertThat(again.outcome()).isIn(Outcome.PLAINTEXT, Outcome.DECRYPTED);
                        assertThat(again.retransmission()).isEqualTo(SESSION.encrypted().get(copy));
                        assertThat(IkeV1MessageEncoder.encodePayloadsToBytes(again.message().payloads()).toByteArray())
                                .isEqualTo(SESSION.plaintexts().get(copy));
                    }
                }
            } catch (IkeV1PayloadMalformedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A datagram of the session (maybe with one byte changed, maybe of another SA), or random bytes. */
    private static Gen<byte[]> datagrams() {
        Gen<byte[]> session = Generate.range(0, N - 1).zip(Generate.range(-1, 4000), SourceDSL.integers().all(),
                (i, at, value) -> {
                    byte[] d = SESSION.datagrams().get(i).clone();
                    if (at >= 0) {
                        d[at % d.length] ^= (byte) (value | 1);
                    }
                    return d;
                });
        Gen<byte[]> random = Generate.byteArrays(Generate.range(0, 200), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE,
                (byte) 0)).map(b -> {
                    byte[] out = b.clone();
                    return out;
                });
        return Generate.frequency(org.quicktheories.api.Pair.of(4, session), org.quicktheories.api.Pair.of(1, random));
    }

    @Test
    void arbitrarySequencesOnlyRaiseTheTypedExceptionAndStayBounded() {
        IkeV1CaptureDecryptor.Limits limits = new IkeV1CaptureDecryptor.Limits(2, 2, 2);
        qt().withExamples(300).forAll(SourceDSL.lists().of(datagrams()).ofSizeBetween(0, 40)).checkAssert(seq -> {
            Map<Long, SecretBytes> keys = Map.of(SESSION.initiatorCookie(), SecretBytes.of(HEX.parseHex(SESSION.key())),
                    0x0102030405060708L, SecretBytes.of(new byte[24]));
            IkeV1CaptureDecryptor d = new IkeV1CaptureDecryptor(keys, limits);
            for (byte[] datagram : seq) {
                try {
                    IkeV1CaptureResult r = d.handleDatagram(datagram);
                    assertThat(r.message().header().encrypted()).isEqualTo(!r.outcome().hasPayloads());
                } catch (IkeV1PayloadMalformedException expected) {
                    // the decoder's typed rejection
                }
                assertThat(d.trackedSas()).isLessThanOrEqualTo(limits.maxSas());
            }
        });
    }
}
