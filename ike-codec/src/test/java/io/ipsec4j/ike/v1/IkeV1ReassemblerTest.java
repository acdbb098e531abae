package io.ipsec4j.ike.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link IkeV1Reassembler}: order, duplicates, stale IDs, and the bounds. */
class IkeV1ReassemblerTest {
    static IkeV1Message fragment(long icookie, int id, int number, boolean last, String dataHex) {
        return IkeV1Message.of(IkeV1Header.of(icookie, 2, IkeV1ExchangeType.IDENTITY_PROTECTION, 0, 0),
                List.of(new IkeV1FragmentPayload(id, number, last ? IkeV1FragmentPayload.FLAG_LAST : 0,
                        Bytes.fromHex(dataHex))));
    }

    @Test
    void reassemblesOutOfOrderAndIgnoresDuplicatesAndStaleIds() throws Exception {
        IkeV1Reassembler r = new IkeV1Reassembler();
        assertThat(r.accept(fragment(1, 5, 3, true, "05"))).isEmpty();
        assertThat(r.accept(fragment(1, 5, 1, false, "0102"))).isEmpty();
        assertThat(r.accept(fragment(1, 5, 1, false, "0102"))).isEmpty();
        assertThat(r.accept(fragment(1, 4, 2, false, "ff"))).isEmpty();
        assertThat(r.accept(fragment(1, 5, 2, false, "0304"))).contains(Bytes.fromHex("0102030405"));
    }

    @Test
    void aHigherFragmentIdReplacesTheMessageInProgress() throws Exception {
        IkeV1Reassembler r = new IkeV1Reassembler();
        r.accept(fragment(1, 1, 1, false, "aa"));
        assertThat(r.accept(fragment(1, 2, 1, true, "bb"))).contains(Bytes.fromHex("bb"));
    }

    @Test
    void rejectsNumbersBeyondTheBoundsAndTheLast() throws Exception {
        IkeV1Reassembler r = new IkeV1Reassembler(IkeDecoderLimits.DEFAULT, 4);
        assertThatThrownBy(() -> r.accept(fragment(1, 1, 5, false, "aa")))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("fragment number: 5 (expected: 1-4)");
        assertThatThrownBy(() -> r.accept(fragment(1, 1, 0, false, "aa")))
                .isInstanceOf(IkeV1PayloadMalformedException.class);
        r.accept(fragment(1, 1, 2, true, "aa"));
        assertThatThrownBy(() -> r.accept(fragment(1, 1, 3, false, "aa")))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("expected: < 2");
        r.accept(fragment(1, 2, 3, false, "aa"));
        assertThatThrownBy(() -> r.accept(fragment(1, 2, 2, true, "aa")))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("last fragment number: 2");
    }

    @Test
    void boundsTheReassembledSizeAndTheCookies() throws Exception {
        IkeV1Reassembler r = new IkeV1Reassembler(IkeDecoderLimits.DEFAULT.withMaxMessageBytes(30), 8);
        r.accept(fragment(1, 1, 1, false, "00".repeat(20)));
        assertThatThrownBy(() -> r.accept(fragment(1, 1, 2, false, "00".repeat(11))))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("more than 30 bytes");
        r.accept(fragment(1, 1, 1, false, "00"));
        assertThatThrownBy(() -> r.accept(fragment(9, 1, 2, false, "00")))
                .isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("cookies");
        assertThatThrownBy(() -> r.accept(IkeV1Message.of(IkeV1Header.of(1, 2, IkeV1ExchangeType.BASE, 0, 0),
                List.of()))).isInstanceOf(IkeV1PayloadMalformedException.class).hasMessageContaining("0 payloads");
        assertThat(Optional.empty()).isEmpty();
    }
}
