package io.ipsec4j.ike.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Strips link-layer, IP and UDP headers off one captured frame: Ethernet with up to
 * {@link #MAX_VLAN_TAGS} 802.1Q/802.1ad tags, Linux cooked v1 (SLL) and v2 (SLL2), raw IP, BSD
 * loopback; IPv4 and IPv6 with at most {@link #MAX_EXTENSION_HEADERS} extension headers; fragments
 * go through an {@link IpFragmentReassembler}. Frames that are not UDP over IP are skipped; a frame
 * truncated by the snap length is skipped too (the capture file itself is fine).
 */
final class PacketDecoder {
    /** VLAN tags followed on one frame (QinQ has two). */
    static final int MAX_VLAN_TAGS = 4;
    /** IPv6 extension headers followed before giving up on a packet. */
    static final int MAX_EXTENSION_HEADERS = 8;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int UDP = 17;
    private static final int IPV6_FRAGMENT = 44;

    private final IpFragmentReassembler fragments = new IpFragmentReassembler();

    /** Decodes frame {@code frame} of link type {@code linkType}, adding its UDP datagram (if any) to {@code out}. */
    void link(int linkType, byte[] f, int frame, long nanos, List<UdpDatagram> out) throws CaptureFormatException {
        ByteBuffer b = ByteBuffer.wrap(f);
        switch (linkType) {
            case 1 -> { // Ethernet
                int p = 12;
                for (int tags = 0; tags < MAX_VLAN_TAGS && f.length >= p + 2 && isVlan(b.getShort(p) & 0xFFFF); tags++) {
                    p += 4;
                }
                if (f.length >= p + 2) {
                    ip(b.getShort(p) & 0xFFFF, f, p + 2, frame, nanos, out);
                }
            }
            case 113 -> { // Linux cooked capture v1: protocol at 14, 16-byte header
                if (f.length >= 16) {
                    ip(b.getShort(14) & 0xFFFF, f, 16, frame, nanos, out);
                }
            }
            case 276 -> { // Linux cooked capture v2: protocol at 0, 20-byte header
                if (f.length >= 20) {
                    ip(b.getShort(0) & 0xFFFF, f, 20, frame, nanos, out);
                }
            }
            case 101, 12, 14 -> { // raw IP
                if (f.length >= 1) {
                    ip((f[0] & 0xF0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, f, 0, frame, nanos, out);
                }
            }
            case 228 -> ip(ETHERTYPE_IPV4, f, 0, frame, nanos, out);
            case 229 -> ip(ETHERTYPE_IPV6, f, 0, frame, nanos, out);
            case 0 -> { // BSD loopback: 4-byte address family in host order
                if (f.length >= 5) {
                    ip((f[4] & 0xF0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, f, 4, frame, nanos, out);
                }
            }
            default -> throw new CaptureFormatException("frame " + frame + ": link type " + linkType
                    + " (expected: Ethernet 1, Linux cooked 113/276, raw IP 12/14/101/228/229, loopback 0)");
        }
    }

    private static boolean isVlan(int etherType) {
        return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
    }

    private void ip(int etherType, byte[] f, int p, int frame, long nanos, List<UdpDatagram> out) {
        if (etherType == ETHERTYPE_IPV4 && f.length >= p + 20 && (f[p] & 0xF0) == 0x40) {
            ipv4(f, p, frame, nanos, out);
        } else if (etherType == ETHERTYPE_IPV6 && f.length >= p + 40 && (f[p] & 0xF0) == 0x60) {
            ipv6(f, p, frame, nanos, out);
        }
    }

    private void ipv4(byte[] f, int p, int frame, long nanos, List<UdpDatagram> out) {
        ByteBuffer b = ByteBuffer.wrap(f);
        int ihl = (f[p] & 0x0F) * 4;
        int total = b.getShort(p + 2) & 0xFFFF;
        if (ihl < 20 || f[p + 9] != UDP || total < ihl || f.length < p + total) {
            return;
        }
        int flagsOffset = b.getShort(p + 6) & 0xFFFF;
        boolean more = (flagsOffset & 0x2000) != 0;
        int offset = (flagsOffset & 0x1FFF) * 8;
        byte[] src = Arrays.copyOfRange(f, p + 12, p + 16);
        byte[] dst = Arrays.copyOfRange(f, p + 16, p + 20);
        byte[] data = Arrays.copyOfRange(f, p + ihl, p + total);
        long id = b.getShort(p + 4) & 0xFFFF;
        fragments.add(new IpFragmentReassembler.Key(src, dst, id, UDP), offset, more, data)
                .ifPresent(whole -> udp(src, dst, whole, frame, nanos, out));
    }

    private void ipv6(byte[] f, int p, int frame, long nanos, List<UdpDatagram> out) {
        ByteBuffer b = ByteBuffer.wrap(f);
        int end = p + 40 + (b.getShort(p + 4) & 0xFFFF);
        if (end > f.length) {
            return;
        }
        byte[] src = Arrays.copyOfRange(f, p + 8, p + 24);
        byte[] dst = Arrays.copyOfRange(f, p + 24, p + 40);
        Optional<byte[]> upper = extensionHeaders(f[p + 6] & 0xFF, Arrays.copyOfRange(f, p + 40, end), src, dst, 0);
        upper.ifPresent(whole -> udp(src, dst, whole, frame, nanos, out));
    }

    /**
     * Follows the extension headers starting with {@code next} at the start of {@code data}; returns
     * the UDP header and payload, reassembling at a Fragment header (the reassembled part is followed
     * again, counting the headers already seen).
     */
    private Optional<byte[]> extensionHeaders(int next, byte[] data, byte[] src, byte[] dst, int seen) {
        int q = 0;
        for (int i = seen; i < MAX_EXTENSION_HEADERS; i++) {
            if (next == UDP) {
                return Optional.of(q == 0 ? data : Arrays.copyOfRange(data, q, data.length));
            }
            if (q + 8 > data.length) {
                return Optional.empty();
            }
            if (next == IPV6_FRAGMENT) {
                ByteBuffer b = ByteBuffer.wrap(data);
                int offsetFlags = b.getShort(q + 2) & 0xFFFF;
                long id = b.getInt(q + 4) & 0xFFFFFFFFL;
                int inner = data[q] & 0xFF;
                Optional<byte[]> whole = fragments.add(new IpFragmentReassembler.Key(src, dst, id, 256 + inner),
                        offsetFlags & 0xFFF8, (offsetFlags & 1) != 0, Arrays.copyOfRange(data, q + 8, data.length));
                if (whole.isEmpty()) {
                    return whole;
                }
                return extensionHeaders(inner, whole.get(), src, dst, i + 1);
            }
            if (next != 0 && next != 43 && next != 60) { // hop-by-hop, routing, destination options
                return Optional.empty();
            }
            next = data[q] & 0xFF;
            q += 8 + (data[q + 1] & 0xFF) * 8;
            if (q > data.length) {
                return Optional.empty(); // the header claims more bytes than the packet has
            }
        }
        return Optional.empty();
    }

    private static void udp(byte[] src, byte[] dst, byte[] segment, int frame, long nanos, List<UdpDatagram> out) {
        if (segment.length < 8) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(segment);
        int length = b.getShort(4) & 0xFFFF;
        if (length < 8 || length > segment.length) {
            return;
        }
        try {
            out.add(new UdpDatagram(frame, nanos, InetAddress.getByAddress(src), b.getShort(0) & 0xFFFF,
                    InetAddress.getByAddress(dst), b.getShort(2) & 0xFFFF, Arrays.copyOfRange(segment, 8, length)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }
}
