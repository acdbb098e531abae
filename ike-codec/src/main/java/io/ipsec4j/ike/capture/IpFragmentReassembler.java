package io.ipsec4j.ike.capture;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reassembles fragmented IPv4 and IPv6 packets of a capture within fixed limits: at most
 * {@link #MAX_PENDING} packets in reassembly (the oldest is dropped first), {@link #MAX_FRAGMENTS}
 * fragments and {@link #MAX_PACKET_BYTES} bytes per packet. Overlapping or inconsistent fragments
 * drop the packet (RFC 5722 treats overlaps as an attack for IPv6). Not thread-safe: one per file.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a> (IPv4 fragmentation)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200#section-4.5">RFC 8200 §4.5</a> (IPv6 Fragment header)
 */
final class IpFragmentReassembler {
    /** Packets in reassembly at once; a capture rarely has more than a handful. */
    static final int MAX_PENDING = 64;
    /** Fragments per packet: 64 KiB in 1 KiB fragments. */
    static final int MAX_FRAGMENTS = 64;
    /** The largest payload an IP packet can carry (the 16-bit length fields). */
    static final int MAX_PACKET_BYTES = 65535;

    /** Identifies a packet: family and protocol, addresses and identification. */
    record Key(byte[] source, byte[] destination, long identification, int protocol) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && identification == k.identification && protocol == k.protocol
                    && Arrays.equals(source, k.source) && Arrays.equals(destination, k.destination);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(source) * 31 + Arrays.hashCode(destination)) * 31 + Long.hashCode(identification)
                    + protocol;
        }
    }

    private static final class Pending {
        final TreeMap<Integer, byte[]> fragments = new TreeMap<>();
        int total = -1;
    }

    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    /**
     * Adds the fragment at byte {@code offset} ({@code more}: not the last) and returns the whole
     * payload once every fragment is there; empty while incomplete or when the packet was dropped.
     */
    Optional<byte[]> add(Key key, int offset, boolean more, byte[] data) {
        if (offset == 0 && !more) {
            return Optional.of(data);
        }
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() == MAX_PENDING) {
                Iterator<Key> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            p = new Pending();
            pending.put(key, p);
        }
        int end = offset + data.length;
        boolean bad = end > MAX_PACKET_BYTES || p.fragments.size() == MAX_FRAGMENTS
                || (more && data.length % 8 != 0) || (!more && p.total >= 0 && p.total != end)
                || (p.total >= 0 && end > p.total) || overlaps(p, offset, end);
        if (bad) {
            pending.remove(key);
            return Optional.empty();
        }
        if (!more) {
            p.total = end;
        }
        p.fragments.put(offset, data);
        if (p.total < 0) {
            return Optional.empty();
        }
        int covered = 0;
        for (Map.Entry<Integer, byte[]> e : p.fragments.entrySet()) {
            if (e.getKey() != covered) {
                return Optional.empty();
            }
            covered += e.getValue().length;
        }
        if (covered != p.total) {
            return Optional.empty();
        }
        byte[] whole = new byte[p.total];
        p.fragments.forEach((at, bytes) -> System.arraycopy(bytes, 0, whole, at, bytes.length));
        pending.remove(key);
        return Optional.of(whole);
    }

    private static boolean overlaps(Pending p, int offset, int end) {
        Map.Entry<Integer, byte[]> before = p.fragments.floorEntry(end - 1);
        return before != null && before.getKey() + before.getValue().length > offset;
    }

    /** Packets currently in reassembly. */
    int pendingCount() {
        return pending.size();
    }
}
