package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.ike.v2.FragmentFixtures.Suite;
import io.ipsec4j.ike.v2.IkeFragmentRejectedException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link IkeReassembler}: duplicates, tampered fragments, the restart rule of RFC 7383 §2.6.2,
 * inconsistent headers, and the limits on fragments, bytes and time.
 */
class IkeReassemblerTest {
    private final AtomicLong clock = new AtomicLong();
    private IkeFragmenter fragmenter;
    private IkeSkCodec codec;

    @BeforeEach
    void keys() throws Exception {
        fragmenter = Suite.AES_GCM.fragmenter();
        codec = Suite.AES_GCM.codec();
    }

    @AfterEach
    void close() {
        fragmenter.close();
        codec.close();
    }

    private IkeReassembler reassembler(IkeReassembler.Limits limits) {
        return new IkeReassembler(codec, new IkeMessageDecoder(), limits, clock::get);
    }

    private List<byte[]> fragments(IkeHeader header, int size, int maxMessageBytes) throws Exception {
        return FragmentFixtures.datagrams(fragmenter.fragment(header, FragmentFixtures.payloads(size), maxMessageBytes));
    }

    @Test
    void duplicatesAreIgnored() throws Exception {
        List<byte[]> d = fragments(FragmentFixtures.HEADER, 700, 256);
        IkeReassembler r = reassembler(IkeReassembler.Limits.DEFAULTS);
        assertThat(r.accept(d.get(1))).isEmpty();
        assertThat(r.accept(d.get(1))).isEmpty();
        assertThat(r.accept(d.get(0))).isEmpty();
        assertThat(r.accept(d.get(0))).isEmpty();
        assertThat(r.accept(d.get(2))).isEmpty();
        assertThat(r.accept(d.get(3))).contains(new IkeMessage(FragmentFixtures.HEADER, FragmentFixtures.payloads(700)));
    }

    @Test
    void aTamperedFragmentIsRejectedAndTheGenuineOneStillCounts() throws Exception {
        List<byte[]> d = fragments(FragmentFixtures.HEADER, 700, 256);
        IkeReassembler r = reassembler(IkeReassembler.Limits.DEFAULTS);
        r.accept(d.get(0));
        byte[] forged = d.get(1).clone();
        forged[forged.length - 20] ^= 0x40;
        assertThatThrownBy(() -> r.accept(forged)).isInstanceOf(IkeIntegrityCheckFailedException.class);
        assertThat(r.accept(d.get(1))).isEmpty(); // the forgery did not take fragment 2's place
        r.accept(d.get(2));
        assertThat(r.accept(d.get(3))).isPresent();
    }

    @Test
    void aLargerTotalFragmentsRestartsAndASmallerOneIsDiscarded() throws Exception {
        List<byte[]> big = fragments(FragmentFixtures.HEADER, 700, 256);   // 4 fragments
        List<byte[]> small = fragments(FragmentFixtures.HEADER, 700, 500); // 2 fragments, same message ID
        assertThat(List.of(big.size(), small.size())).containsExactly(4, 2);
        IkeReassembler r = reassembler(IkeReassembler.Limits.DEFAULTS);
        assertThat(r.accept(small.get(0))).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(r.accept(big.get(i))).isEmpty(); // the first restarts (§2.6.2)
        }
        assertThat(r.accept(small.get(1))).isEmpty(); // smaller Total Fragments: discarded
        assertThat(r.accept(big.get(3))).contains(new IkeMessage(FragmentFixtures.HEADER, FragmentFixtures.payloads(700)));
    }

    @Test
    void anotherMessageIdReplacesTheMessageInProgress() throws Exception {
        IkeHeader next = IkeHeader.of(FragmentFixtures.HEADER.initiatorSpi(), FragmentFixtures.HEADER.responderSpi(),
                IkeExchangeType.IKE_AUTH, true, false, 2);
        List<byte[]> a = fragments(FragmentFixtures.HEADER, 700, 500);
        List<byte[]> b = fragments(next, 700, 500);
        IkeReassembler r = reassembler(IkeReassembler.Limits.DEFAULTS);
        r.accept(a.get(0));
        r.accept(b.get(0));
        assertThat(r.accept(a.get(1))).isEmpty(); // message 1 was dropped: this starts it anew
        assertThat(r.accept(a.get(0))).contains(new IkeMessage(FragmentFixtures.HEADER, FragmentFixtures.payloads(700)));
    }

    @Test
    void aDifferentHeaderUnderTheSameMessageIdIsInconsistent() throws Exception {
        IkeHeader response = IkeHeader.of(FragmentFixtures.HEADER.initiatorSpi(), FragmentFixtures.HEADER.responderSpi(),
                IkeExchangeType.IKE_AUTH, true, true, 1);
        IkeReassembler r = reassembler(IkeReassembler.Limits.DEFAULTS);
        r.accept(fragments(FragmentFixtures.HEADER, 700, 500).get(0));
        byte[] other = fragments(response, 700, 500).get(1);
        assertThatThrownBy(() -> r.accept(other)).isInstanceOf(IkeFragmentRejectedException.class)
                .hasMessageContaining("expected: the header of the other fragments")
                .extracting(e -> ((IkeFragmentRejectedException) e).reason()).isEqualTo(Reason.INCONSISTENT);
    }

    @Test
    void tooManyFragmentsAreRejectedBeforeDecryption() throws Exception {
        List<byte[]> d = fragments(FragmentFixtures.HEADER, 700, 256);
        IkeReassembler r = reassembler(new IkeReassembler.Limits(3, 1 << 16, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> r.accept(d.get(0))).isInstanceOf(IkeFragmentRejectedException.class)
                .hasMessage("total fragments: 4 (expected: <= 3)");
        assertThat(r.inProgress()).isFalse();
    }

    @Test
    void tooManyBytesDiscardTheMessage() throws Exception {
        List<byte[]> d = fragments(FragmentFixtures.HEADER, 700, 256);
        IkeReassembler r = reassembler(new IkeReassembler.Limits(64, 300, Duration.ofSeconds(1)));
        r.accept(d.get(0));
        assertThatThrownBy(() -> r.accept(d.get(1))).isInstanceOf(IkeFragmentRejectedException.class)
                .hasMessageContaining("(expected: <= 300)")
                .extracting(e -> ((IkeFragmentRejectedException) e).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(r.inProgress()).isFalse();
    }

    @Test
    void fragmentsOlderThanTheWindowAreDropped() throws Exception {
        List<byte[]> d = fragments(FragmentFixtures.HEADER, 700, 500);
        IkeReassembler r = reassembler(new IkeReassembler.Limits(64, 1 << 16, Duration.ofSeconds(5)));
        r.accept(d.get(0));
        clock.addAndGet(Duration.ofSeconds(5).toNanos() + 1);
        assertThat(r.accept(d.get(1))).isEmpty(); // fragment 1 expired; this one starts anew
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(r.accept(d.get(0))).isPresent();
    }

    @Test
    void anUnfragmentedMessageIsNotAFragment() throws Exception {
        byte[] sk = IkeMessageEncoder.encodeToBytes(codec.encrypt(FragmentFixtures.HEADER, List.of())).toByteArray();
        assertThatThrownBy(() -> reassembler(IkeReassembler.Limits.DEFAULTS).accept(sk))
                .isInstanceOf(IkeFragmentRejectedException.class).hasMessageContaining("single ENCRYPTED_FRAGMENT");
    }

    @Test
    void limitsAreValidatedAndDefaultsVisible() {
        assertThat(IkeReassembler.Limits.DEFAULTS).isEqualTo(new IkeReassembler.Limits(IkeReassembler.DEFAULT_MAX_FRAGMENTS,
                IkeReassembler.DEFAULT_MAX_MESSAGE_BYTES, IkeReassembler.DEFAULT_WINDOW));
        assertThatThrownBy(() -> new IkeReassembler.Limits(0, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IkeReassembler.Limits(1, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IkeReassembler.Limits(1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
