package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeHeaders;
import io.ipsec4j.model.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts an encoded IKEv1 message into fragment messages (payload 132), the sending side of
 * {@link IkeV1Reassembler}, laid out as strongSwan and Cisco send them.
 *
 * <p>Each fragment is an ISAKMP message with the original's cookies, exchange type and message ID,
 * no flags, and one {@link IkeV1FragmentPayload}: the Fragment ID, the number from 1, the last flag
 * on the final piece, and the next piece of the complete original datagram (header included, still
 * encrypted if it was). Every fragment but the last is exactly {@code maxFragmentLength} bytes.
 *
 * <p>strongSwan's {@code charon.fragment_size} (default 1280) is the size of the whole IP datagram:
 * its ISAKMP fragment length is that minus the IP and UDP headers (20 + 8 for IPv4) and, on port
 * 4500, the 4-byte non-ESP marker.
 */
public final class IkeV1Fragmenter {
    /** ISAKMP header and fragment payload header: the overhead of each fragment message. */
    public static final int OVERHEAD = IkeHeaders.HEADER_LENGTH + 8;
    /** At most 255 fragments: the Fragment Number is one byte. */
    public static final int MAX_FRAGMENTS = 255;

    private IkeV1Fragmenter() {}

    /**
     * Returns the fragment messages of {@code datagram} (an encoded ISAKMP message), each at most
     * {@code maxFragmentLength} bytes long.
     *
     * @throws IllegalArgumentException if {@code datagram} is not at least a header, or it would need
     *     more than {@link #MAX_FRAGMENTS} pieces
     */
    public static List<IkeV1Message> fragment(Bytes datagram, int fragmentId, int maxFragmentLength) {
        Objects.requireNonNull(datagram, "datagram");
        IkeV1Wire.checkRange(fragmentId, "fragment id", 0, 0xFFFF);
        if (maxFragmentLength <= OVERHEAD) {
            throw new IllegalArgumentException("max fragment length: " + maxFragmentLength + " (expected: > " + OVERHEAD + ")");
        }
        byte[] d = datagram.toByteArray();
        if (d.length < IkeHeaders.HEADER_LENGTH) {
            throw new IllegalArgumentException("datagram: " + d.length + " bytes (expected: >= " + IkeHeaders.HEADER_LENGTH + ")");
        }
        int piece = maxFragmentLength - OVERHEAD;
        int count = (d.length + piece - 1) / piece;
        if (count > MAX_FRAGMENTS) {
            throw new IllegalArgumentException("fragments: " + count + " (expected: <= " + MAX_FRAGMENTS + ")");
        }
        IkeV1Header header = IkeV1Header.of(be(d, 0, 8), be(d, 8, 8), IkeV1ExchangeType.valueOf(d[18] & 0xFF), 0,
                be(d, 20, 4));
        List<IkeV1Message> fragments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * piece;
            int len = Math.min(piece, d.length - from);
            IkeV1FragmentPayload f = new IkeV1FragmentPayload(fragmentId, i + 1,
                    i == count - 1 ? IkeV1FragmentPayload.FLAG_LAST : 0, Bytes.of(d, from, len));
            fragments.add(IkeV1Message.of(header, List.of(f)));
        }
        return fragments;
    }

    private static long be(byte[] d, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | d[at + i] & 0xFF;
        }
        return v;
    }
}
