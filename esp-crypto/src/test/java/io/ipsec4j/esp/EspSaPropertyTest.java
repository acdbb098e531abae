package io.ipsec4j.esp;

import static io.ipsec4j.esp.EspTestSupport.readable;
import static io.ipsec4j.esp.EspTestSupport.withHeadroom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.ipsec4j.testing.EspSuiteSas;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EspSaPropertyTest {
    private static final int MAX_PAYLOAD = 9000;
    private final Map<String, EspSa[]> pairs = new HashMap<>();

    private EspSa[] pair(int suite, boolean esn) {
        EspSuiteSas s = EspSuiteSas.ALL.get(suite);
        return pairs.computeIfAbsent(s + "/" + esn, k -> {
            try {
                return EspTestSupport.pair(s, esn, 1024);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] payload(int size, long seed) {
        byte[] p = new byte[size];
        new Random(seed).nextBytes(p);
        return p;
    }

    @Test
    void sealThenOpenIsIdentityForEveryAlgorithmAndPayloadSize() {
        qt().withExamples(600).forAll(integers().between(0, EspSuiteSas.ALL.size() - 1),
                integers().between(0, MAX_PAYLOAD), booleans().all(), integers().between(0, 255))
                .checkAssert((suite, size, esn, nextHeader) -> {
                    EspSa[] sa = pair(suite, esn);
                    byte[] plain = payload(size, size * 31L + suite);
                    ByteBuf buf = withHeadroom(plain, sa[0].headroomBytes(), sa[0].maxTrailerBytes());
                    try {
                        sa[0].seal(buf, nextHeader);
                        assertThat(buf.readableBytes()).isEqualTo(sa[0].sealedLength(size));
                        int alignment = Math.max(4,
                                EspSuiteSas.ALL.get(suite).suite().encryption().algorithm().blockSizeBytes());
                        assertThat((buf.readableBytes() - sa[0].headroomBytes() - sa[0].icvLengthBytes()) % alignment)
                                .isZero();
                        assertThat(sa[1].open(buf)).isEqualTo(nextHeader);
                    } catch (EspException e) {
                        throw new AssertionError(EspSuiteSas.ALL.get(suite) + " size " + size, e);
                    }
                    if (!EspNextHeader.isDummy(nextHeader)) {
                        assertThat(readable(buf)).isEqualTo(plain);
                    }
                });
    }

    @Test
    void anySingleBitFlipIsRejected() {
        qt().withExamples(1500).forAll(integers().between(0, EspSuiteSas.ALL.size() - 1),
                integers().between(0, 1500), integers().between(0, Integer.MAX_VALUE), booleans().all())
                .checkAssert((suite, size, position, esn) -> {
                    EspSa[] sa = pair(suite, esn);
                    ByteBuf buf = Unpooled.wrappedBuffer(new byte[0]).copy();
                    buf = withHeadroom(payload(size, position), 0, 0);
                    try {
                        sa[0].seal(buf, 4);
                    } catch (EspException e) {
                        throw new AssertionError(e);
                    }
                    int bit = position % (buf.readableBytes() * 8);
                    int index = buf.readerIndex() + bit / 8;
                    buf.setByte(index, buf.getByte(index) ^ (1 << (bit % 8)));
                    ByteBuf tampered = buf;
                    assertThatThrownBy(() -> sa[1].open(tampered))
                            .as("%s, %d bytes, bit %d", EspSuiteSas.ALL.get(suite), size, bit)
                            .isInstanceOf(EspException.class);
                });
    }
}
