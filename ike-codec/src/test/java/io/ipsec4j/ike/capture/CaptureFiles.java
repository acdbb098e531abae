package io.ipsec4j.ike.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes small pcap/pcapng files and link-layer/IP/UDP frames for the capture reader tests. */
final class CaptureFiles {
    static final byte[] A4 = {(byte) 192, 0, 2, 1};
    static final byte[] B4 = {(byte) 192, 0, 2, 2};
    static final byte[] A6 = ip6(1);
    static final byte[] B6 = ip6(2);

    private CaptureFiles() {}

    static byte[] ip6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    /** A classic pcap file of {@code frames} with link type {@code linkType}, one second apart. */
    static byte[] pcap(ByteOrder order, boolean nanos, int linkType, List<byte[]> frames) {
        int size = 24 + frames.stream().mapToInt(f -> 16 + f.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(linkType);
        int i = 0;
        for (byte[] f : frames) {
            b.putInt(1_700_000_000 + i++).putInt(nanos ? 123_456_789 : 123_456).putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    /** A pcapng section with one interface per entry of {@code linkTypes}; frame i goes to interface {@code iface[i]}. */
    static byte[] pcapng(ByteOrder order, int[] linkTypes, int tsresol, int[] iface, List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(order, 0x0A0D0D0A, ByteBuffer.allocate(16).order(order).putInt(0x1A2B3C4D)
                .putShort((short) 1).putShort((short) 0).putLong(-1).array()));
        for (int linkType : linkTypes) {
            ByteBuffer idb = ByteBuffer.allocate(8 + 8 + 4).order(order);
            idb.putShort((short) linkType).putShort((short) 0).putInt(0);
            idb.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]); // if_tsresol
            idb.putShort((short) 0).putShort((short) 0); // opt_endofopt
            out.writeBytes(block(order, 1, idb.array()));
        }
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            int padded = (f.length + 3) & ~3;
            ByteBuffer epb = ByteBuffer.allocate(20 + padded).order(order);
            long ticks = 1_700_000_000_000L + i;
            epb.putInt(iface[i]).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(f.length).putInt(f.length).put(f);
            out.writeBytes(block(order, 6, epb.array()));
        }
        return out.toByteArray();
    }

    static byte[] block(ByteOrder order, int type, byte[] body) {
        int length = 12 + body.length;
        return ByteBuffer.allocate(length).order(order).putInt(type).putInt(length).put(body).putInt(length).array();
    }

    static byte[] udp(int sport, int dport, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) sport).putShort((short) dport)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
    }

    /** IPv4 packet(s) with the UDP segment, split into fragments of {@code fragmentSize} bytes (0: not split). */
    static List<byte[]> ipv4(byte[] src, byte[] dst, byte[] udp, int fragmentSize, int id) {
        List<byte[]> out = new ArrayList<>();
        int step = fragmentSize == 0 ? udp.length : fragmentSize;
        for (int at = 0; at < udp.length; at += step) {
            int n = Math.min(step, udp.length - at);
            boolean more = at + n < udp.length;
            ByteBuffer b = ByteBuffer.allocate(20 + n);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + n)).putShort((short) id)
                    .putShort((short) ((more ? 0x2000 : 0) | (at / 8))).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(src).put(dst).put(udp, at, n);
            out.add(b.array());
        }
        return out;
    }

    /** IPv6 packet(s): {@code ext} hop-by-hop/destination options headers (8 bytes each), then optional fragments. */
    static List<byte[]> ipv6(byte[] src, byte[] dst, byte[] udp, int extensionHeaders, int fragmentSize, int id) {
        List<byte[]> out = new ArrayList<>();
        int step = fragmentSize == 0 ? udp.length : fragmentSize;
        for (int at = 0; at < udp.length; at += step) {
            int n = Math.min(step, udp.length - at);
            boolean more = at + n < udp.length;
            boolean fragmented = fragmentSize != 0;
            int ext = extensionHeaders * 8 + (fragmented ? 8 : 0);
            ByteBuffer b = ByteBuffer.allocate(40 + ext + n);
            int first = extensionHeaders > 0 ? 0 : fragmented ? 44 : 17;
            b.putInt(0x60000000).putShort((short) (ext + n)).put((byte) first).put((byte) 64).put(src).put(dst);
            for (int i = 0; i < extensionHeaders; i++) {
                int next = i + 1 < extensionHeaders ? 60 : fragmented ? 44 : 17;
                b.put((byte) next).put((byte) 0).put(new byte[] {1, 4, 0, 0, 0, 0}); // PadN
            }
            if (fragmented) {
                b.put((byte) 17).put((byte) 0).putShort((short) (at | (more ? 1 : 0))).putInt(id);
            }
            b.put(udp, at, n);
            out.add(b.array());
        }
        return out;
    }

    static byte[] ethernet(int etherType, byte[] ip, int... vlanTags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags.length + ip.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
        for (int tpid : vlanTags) {
            b.putShort((short) tpid).putShort((short) 100);
        }
        return b.putShort((short) etherType).put(ip).array();
    }

    static byte[] sll(int etherType, byte[] ip) {
        return ByteBuffer.allocate(16 + ip.length).putShort((short) 0).putShort((short) 1).putShort((short) 6)
                .put(new byte[8]).putShort((short) etherType).put(ip).array();
    }

    static byte[] sll2(int etherType, byte[] ip) {
        return ByteBuffer.allocate(20 + ip.length).putShort((short) etherType).putShort((short) 0).putInt(2)
                .putShort((short) 1).put((byte) 0).put((byte) 6).put(new byte[8]).put(ip).array();
    }

    static byte[] ikeHeader(int length) {
        byte[] m = new byte[Math.max(28, length)];
        Arrays.fill(m, 0, 8, (byte) 0x11);
        m[17] = 0x20;
        m[18] = 34;
        m[19] = 0x08;
        ByteBuffer.wrap(m).putInt(24, m.length);
        return m;
    }
}
