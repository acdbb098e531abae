package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.ipsec4j.model.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * {@link IkeV1Fragmenter}: what it cuts, {@link IkeV1Reassembler} puts back together; the layout
 * equals charon's (checked byte for byte on live captures in {@link IkeV1StrongSwanLiveTest}).
 */
class IkeV1FragmenterTest {

    @Test
    void fragmentsReassembleToTheDatagramAndFillEachPiece() {
        qt().withExamples(300).forAll(Generate.range(28, 3000), Generate.range(IkeV1Fragmenter.OVERHEAD + 1, 600),
                Generate.range(0, 0xFFFF)).checkAssert((size, max, id) -> {
                    byte[] d = new byte[size];
                    for (int i = 0; i < size; i++) {
                        d[i] = (byte) (i * 31 + size);
                    }
                    d[18] = 2;
                    int count = (size + max - IkeV1Fragmenter.OVERHEAD - 1) / (max - IkeV1Fragmenter.OVERHEAD);
                    if (count > IkeV1Fragmenter.MAX_FRAGMENTS) {
                        assertThatThrownBy(() -> IkeV1Fragmenter.fragment(Bytes.of(d), id, max))
                                .isInstanceOf(IllegalArgumentException.class);
                        return;
                    }
                    List<IkeV1Message> fragments = IkeV1Fragmenter.fragment(Bytes.of(d), id, max);
                    assertThat(fragments).hasSize(count);
                    IkeV1Reassembler r = new IkeV1Reassembler(io.ipsec4j.ike.IkeDecoderLimits.DEFAULT, 255);
                    Optional<Bytes> whole = Optional.empty();
                    for (int i = 0; i < fragments.size(); i++) {
                        byte[] wire = IkeV1MessageEncoder.encodeToBytes(fragments.get(i)).toByteArray();
                        if (i < fragments.size() - 1) {
                            assertThat(wire).hasSize(max);
                        }
                        try {
                            whole = r.accept(IkeV1Codec.decode(wire));
                        } catch (IkeV1PayloadMalformedException e) {
                            throw new AssertionError(e);
                        }
                    }
                    assertThat(whole).contains(Bytes.of(d));
                });
    }

    @Test
    void headerComesFromTheOriginalAndBadArgumentsAreRefused() {
        IkeV1Message m = IkeV1Message.of(IkeV1Header.of(0x0102030405060708L, 0x1112131415161718L,
                IkeV1ExchangeType.QUICK_MODE, IkeV1Header.FLAG_ENCRYPTION, 0xCAFEBABEL), List.of());
        List<IkeV1Message> f = IkeV1Fragmenter.fragment(IkeV1MessageEncoder.encodeToBytes(m), 7, IkeV1Fragmenter.OVERHEAD + 10);
        assertThat(f).hasSize(3).allSatisfy(x -> assertThat(x.header()).isEqualTo(IkeV1Header.of(0x0102030405060708L,
                0x1112131415161718L, IkeV1ExchangeType.QUICK_MODE, 0, 0xCAFEBABEL)));
        assertThat(f.get(2).payload(IkeV1FragmentPayload.class).orElseThrow().last()).isTrue();
        assertThat(f.get(0).payload(IkeV1FragmentPayload.class).orElseThrow().fragmentId()).isEqualTo(7);
        assertThatThrownBy(() -> IkeV1Fragmenter.fragment(Bytes.of(new byte[27]), 1, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IkeV1Fragmenter.fragment(Bytes.of(new byte[28]), 1, IkeV1Fragmenter.OVERHEAD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
