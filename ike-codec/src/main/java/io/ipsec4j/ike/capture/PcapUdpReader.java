package io.ipsec4j.ike.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small, bounded reader of the UDP datagrams in a capture file, enough for capture decoding and diagnosis:
 * classic pcap (microsecond and nanosecond, either byte order) and pcapng (Section Header, Interface
 * Description, Enhanced and Simple Packet blocks; other blocks are skipped); link types Ethernet
 * (with 802.1Q tags), Linux cooked v1/v2, raw IP, IPv4, IPv6 and BSD loopback; IPv4 (unfragmented)
 * and IPv6 (with hop-by-hop, routing and destination options headers) carrying UDP. Everything
 * else is skipped. A malformed file raises {@link IOException} naming the offset.
 *
 * <p>{@code io.pkts:pkts-core} 3.0.10 was evaluated first: it only reads classic pcap
 * ("Unknown header type" on pcapng), hence this reader.
 */
public final class PcapUdpReader {
    /** Files larger than this are refused. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    private static final int MAX_SNAPLEN = 256 * 1024;
    private static final int MAX_INTERFACES = 1024;

    /** One UDP datagram: its 1-based frame number in the file, addresses, ports and payload. */
    public record UdpDatagram(int frame, InetAddress source, int sourcePort, InetAddress destination, int destinationPort,
            byte[] payload) {
        public String endpoints() {
            return address(source, sourcePort) + " -> " + address(destination, destinationPort);
        }

        private static String address(InetAddress a, int port) {
            String host = a.getHostAddress();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private PcapUdpReader() {}

    /** Returns the UDP datagrams of the pcap or pcapng file {@code file}, in file order. */
    public static List<UdpDatagram> read(byte[] file) throws IOException {
        if (file.length > MAX_FILE_BYTES) {
            throw new IOException("capture: " + file.length + " bytes (expected: <= " + MAX_FILE_BYTES + ")");
        }
        if (file.length < 24) {
            throw new IOException("capture: " + file.length + " bytes (expected: a pcap or pcapng file)");
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        int magic = in.getInt(0);
        if (magic == 0x0A0D0D0A) {
            return readPcapng(in);
        }
        return readPcap(in, magic);
    }

    private static List<UdpDatagram> readPcap(ByteBuffer in, int magic) throws IOException {
        switch (magic) {
            case 0xA1B2C3D4, 0xA1B23C4D -> in.order(ByteOrder.BIG_ENDIAN);
            case 0xD4C3B2A1, 0x4D3CB2A1 -> in.order(ByteOrder.LITTLE_ENDIAN);
            default -> throw new IOException(String.format(
                    "capture magic number: 0x%08x (expected: pcap a1b2c3d4/a1b23c4d or pcapng 0a0d0d0a)", magic));
        }
        int linkType = in.getInt(20) & 0x0FFFFFFF;
        List<UdpDatagram> out = new ArrayList<>();
        int offset = 24;
        int frame = 0;
        while (offset < in.limit()) {
            require(in, offset, 16, "pcap record header");
            int captured = in.getInt(offset + 8);
            if (captured < 0 || captured > MAX_SNAPLEN) {
                throw new IOException("pcap record at offset " + offset + ": captured length " + captured
                        + " (expected: 0-" + MAX_SNAPLEN + ")");
            }
            require(in, offset + 16, captured, "pcap record data");
            frame++;
            link(linkType, Arrays.copyOfRange(in.array(), offset + 16, offset + 16 + captured), frame, out);
            offset += 16 + captured;
        }
        return out;
    }

    private static List<UdpDatagram> readPcapng(ByteBuffer in) throws IOException {
        List<UdpDatagram> out = new ArrayList<>();
        List<Integer> linkTypes = new ArrayList<>();
        int offset = 0;
        int frame = 0;
        while (offset < in.limit()) {
            require(in, offset, 12, "pcapng block header");
            int type = in.getInt(offset); // 0x0A0D0D0A reads the same in either byte order
            if (type == 0x0A0D0D0A) {
                int bom = in.getInt(offset + 8);
                if (bom == 0x1A2B3C4D) {
                    in.order(ByteOrder.BIG_ENDIAN);
                } else if (bom == 0x4D3C2B1A) {
                    in.order(ByteOrder.LITTLE_ENDIAN);
                } else {
                    throw new IOException(String.format("pcapng section at offset %d: byte-order magic 0x%08x"
                            + " (expected: 1a2b3c4d)", offset, bom));
                }
                linkTypes.clear();
            } else if (linkTypes.isEmpty() && offset == 0) {
                throw new IOException("pcapng: first block is not a section header");
            }
            int length = in.getInt(offset + 4);
            if (length < 12 || length % 4 != 0 || length > in.limit() - offset) {
                throw new IOException("pcapng block at offset " + offset + ": length " + length
                        + " (expected: a multiple of 4, >= 12, within the file)");
            }
            int body = offset + 8;
            int bodyLength = length - 12;
            switch (type) {
                case 1 -> { // Interface Description Block
                    checkBody(bodyLength, 8, offset, "interface description");
                    if (linkTypes.size() == MAX_INTERFACES) {
                        throw new IOException("pcapng: more than " + MAX_INTERFACES + " interfaces");
                    }
                    linkTypes.add(in.getShort(body) & 0xFFFF);
                }
                case 6 -> { // Enhanced Packet Block
                    checkBody(bodyLength, 20, offset, "enhanced packet");
                    int iface = in.getInt(body);
                    int captured = in.getInt(body + 12);
                    if (iface < 0 || iface >= linkTypes.size()) {
                        throw new IOException("pcapng packet at offset " + offset + ": interface " + iface
                                + " (expected: 0-" + (linkTypes.size() - 1) + ")");
                    }
                    if (captured < 0 || captured > bodyLength - 20) {
                        throw new IOException("pcapng packet at offset " + offset + ": captured length " + captured
                                + " (expected: <= " + (bodyLength - 20) + ")");
                    }
                    frame++;
                    link(linkTypes.get(iface), Arrays.copyOfRange(in.array(), body + 20, body + 20 + captured),
                            frame, out);
                }
                case 3 -> { // Simple Packet Block
                    checkBody(bodyLength, 4, offset, "simple packet");
                    if (linkTypes.isEmpty()) {
                        throw new IOException("pcapng simple packet at offset " + offset + " before any interface");
                    }
                    int captured = Math.min(in.getInt(body) & 0x7FFFFFFF, bodyLength - 4);
                    frame++;
                    link(linkTypes.get(0), Arrays.copyOfRange(in.array(), body + 4, body + 4 + captured), frame, out);
                }
                case 2 -> frame++; // obsolete Packet Block: counted, not read
                default -> { } // section header, statistics, name resolution, DSB...: nothing to read
            }
            offset += length;
        }
        return out;
    }

    private static void checkBody(int bodyLength, int min, int offset, String what) throws IOException {
        if (bodyLength < min) {
            throw new IOException("pcapng " + what + " block at offset " + offset + ": body " + bodyLength
                    + " bytes (expected: >= " + min + ")");
        }
    }

    private static void require(ByteBuffer in, int offset, int length, String what) throws IOException {
        if (length < 0 || offset > in.limit() - length) {
            throw new IOException("truncated " + what + " at offset " + offset + ": " + length + " bytes needed, "
                    + Math.max(0, in.limit() - offset) + " left");
        }
    }

    /** Strips the link-layer header of {@code linkType}; skips frames that are not IPv4/IPv6 UDP. */
    private static void link(int linkType, byte[] f, int frame, List<UdpDatagram> out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(f);
        switch (linkType) {
            case 1 -> { // Ethernet
                int p = 12;
                while (f.length >= p + 2 && ((b.getShort(p) & 0xFFFF) == 0x8100 || (b.getShort(p) & 0xFFFF) == 0x88A8)) {
                    p += 4;
                }
                if (f.length >= p + 2) {
                    ip(b.getShort(p) & 0xFFFF, f, p + 2, frame, out);
                }
            }
            case 113 -> { // Linux cooked capture v1
                if (f.length >= 16) {
                    ip(b.getShort(14) & 0xFFFF, f, 16, frame, out);
                }
            }
            case 276 -> { // Linux cooked capture v2
                if (f.length >= 20) {
                    ip(b.getShort(0) & 0xFFFF, f, 20, frame, out);
                }
            }
            case 101, 12, 14 -> { // raw IP
                if (f.length >= 1) {
                    ip((f[0] & 0xF0) == 0x60 ? 0x86DD : 0x0800, f, 0, frame, out);
                }
            }
            case 228 -> ip(0x0800, f, 0, frame, out);
            case 229 -> ip(0x86DD, f, 0, frame, out);
            case 0 -> { // BSD loopback: 4-byte address family in host order
                if (f.length >= 5) {
                    ip((f[4] & 0xF0) == 0x60 ? 0x86DD : 0x0800, f, 4, frame, out);
                }
            }
            default -> throw new IOException("frame " + frame + ": link type " + linkType
                    + " (expected: Ethernet 1, Linux cooked 113/276, raw IP 101/228/229, loopback 0)");
        }
    }

    private static void ip(int etherType, byte[] f, int p, int frame, List<UdpDatagram> out)
            throws UnknownHostException {
        ByteBuffer b = ByteBuffer.wrap(f);
        if (etherType == 0x0800 && f.length >= p + 20 && (f[p] & 0xF0) == 0x40) {
            int ihl = (f[p] & 0x0F) * 4;
            int total = b.getShort(p + 2) & 0xFFFF;
            int fragment = b.getShort(p + 6) & 0x3FFF; // MF flag and offset
            if (ihl < 20 || f[p + 9] != 17 || fragment != 0 || total < ihl || f.length < p + total) {
                return;
            }
            udp(InetAddress.getByAddress(Arrays.copyOfRange(f, p + 12, p + 16)),
                    InetAddress.getByAddress(Arrays.copyOfRange(f, p + 16, p + 20)), f, p + ihl, p + total, frame, out);
        } else if (etherType == 0x86DD && f.length >= p + 40 && (f[p] & 0xF0) == 0x60) {
            int end = p + 40 + (b.getShort(p + 4) & 0xFFFF);
            if (end > f.length) {
                return;
            }
            int next = f[p + 6] & 0xFF;
            int q = p + 40;
            for (int i = 0; i < 8 && (next == 0 || next == 43 || next == 60); i++) {
                if (q + 8 > end) {
                    return;
                }
                next = f[q] & 0xFF;
                q += 8 + (f[q + 1] & 0xFF) * 8;
            }
            if (next == 17) {
                udp(InetAddress.getByAddress(Arrays.copyOfRange(f, p + 8, p + 24)),
                        InetAddress.getByAddress(Arrays.copyOfRange(f, p + 24, p + 40)), f, q, end, frame, out);
            }
        }
    }

    private static void udp(InetAddress src, InetAddress dst, byte[] f, int p, int end, int frame,
            List<UdpDatagram> out) {
        if (p + 8 > end) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(f);
        int length = b.getShort(p + 4) & 0xFFFF;
        if (length < 8 || p + length > end) {
            return;
        }
        out.add(new UdpDatagram(frame, src, b.getShort(p) & 0xFFFF, dst, b.getShort(p + 2) & 0xFFFF,
                Arrays.copyOfRange(f, p + 8, p + length)));
    }
}
