package io.ipsec4j.ike.capture;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded reader of the UDP datagrams in a capture file: classic pcap (microsecond and nanosecond
 * timestamps, either byte order) and pcapng (Section Header, Interface Description, Enhanced and
 * Simple Packet blocks, either byte order per section, each interface with its own link type and
 * timestamp resolution {@code if_tsresol}; other blocks are skipped). Link layers, IP versions and
 * fragment reassembly are as {@link PacketDecoder} describes; {@link UdpDatagram#kind()} tells IKE,
 * ESP and NAT-keepalives apart. A malformed file raises {@link CaptureFormatException} naming the
 * offset; whatever the bytes, nothing else escapes and memory stays within a small multiple of the
 * file size ({@link #MAX_FILE_BYTES}).
 *
 * <p>{@code io.pkts:pkts-core} 3.0.10 was evaluated first: it only reads classic pcap
 * ("Unknown header type" on pcapng), hence this reader.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html">pcapng</a>
 * @see <a href="https://www.tcpdump.org/linktypes.html">link types</a>
 */
public final class PcapUdpReader {
    /** Files larger than this are refused. */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;
    /** Records claiming more captured bytes than this are refused (tcpdump's own maximum snap length). */
    static final int MAX_SNAPLEN = 256 * 1024;
    /** Interfaces per pcapng section. */
    static final int MAX_INTERFACES = 1024;
    private static final int SHB = 0x0A0D0D0A;
    private static final long MICROS = 1_000L;

    /** A pcapng interface: link type and the nanoseconds per timestamp unit (or the binary exponent). */
    private record Interface(int linkType, int tsresol) {}

    private PcapUdpReader() {}

    /** Returns the UDP datagrams of the pcap or pcapng file {@code file}, in file order. */
    public static List<UdpDatagram> read(byte[] file) throws CaptureFormatException {
        if (file.length > MAX_FILE_BYTES) {
            throw new CaptureFormatException("capture: " + file.length + " bytes (expected: <= " + MAX_FILE_BYTES + ")");
        }
        if (file.length < 24) {
            throw new CaptureFormatException("capture: " + file.length + " bytes (expected: a pcap or pcapng file)");
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        int magic = in.getInt(0);
        if (magic == SHB) {
            return readPcapng(in);
        }
        return readPcap(in, magic);
    }

    private static List<UdpDatagram> readPcap(ByteBuffer in, int magic) throws CaptureFormatException {
        boolean nanos;
        switch (magic) {
            case 0xA1B2C3D4, 0xA1B23C4D -> in.order(ByteOrder.BIG_ENDIAN);
            case 0xD4C3B2A1, 0x4D3CB2A1 -> in.order(ByteOrder.LITTLE_ENDIAN);
            default -> throw new CaptureFormatException(String.format(
                    "capture magic number: 0x%08x (expected: pcap a1b2c3d4/a1b23c4d or pcapng 0a0d0d0a)", magic));
        }
        nanos = magic == 0xA1B23C4D || magic == 0x4D3CB2A1;
        int linkType = in.getInt(20) & 0x0FFFFFFF;
        PacketDecoder decoder = new PacketDecoder();
        List<UdpDatagram> out = new ArrayList<>();
        int offset = 24;
        int frame = 0;
        while (offset < in.limit()) {
            require(in, offset, 16, "pcap record header");
            int captured = in.getInt(offset + 8);
            if (captured < 0 || captured > MAX_SNAPLEN) {
                throw new CaptureFormatException("pcap record at offset " + offset + ": captured length " + captured
                        + " (expected: 0-" + MAX_SNAPLEN + ")");
            }
            require(in, offset + 16, captured, "pcap record data");
            long seconds = in.getInt(offset) & 0xFFFFFFFFL;
            long fraction = in.getInt(offset + 4) & 0xFFFFFFFFL;
            long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * MICROS);
            frame++;
            decoder.link(linkType, Arrays.copyOfRange(in.array(), offset + 16, offset + 16 + captured), frame, ts, out);
            offset += 16 + captured;
        }
        return out;
    }

    private static List<UdpDatagram> readPcapng(ByteBuffer in) throws CaptureFormatException {
        PacketDecoder decoder = new PacketDecoder();
        List<UdpDatagram> out = new ArrayList<>();
        List<Interface> interfaces = new ArrayList<>();
        int offset = 0;
        int frame = 0;
        while (offset < in.limit()) {
            require(in, offset, 12, "pcapng block header");
            int type = in.getInt(offset); // 0x0A0D0D0A reads the same in either byte order
            if (type == SHB) {
                int bom = in.getInt(offset + 8);
                if (bom == 0x1A2B3C4D) {
                    in.order(ByteOrder.BIG_ENDIAN);
                } else if (bom == 0x4D3C2B1A) {
                    in.order(ByteOrder.LITTLE_ENDIAN);
                } else {
                    throw new CaptureFormatException(String.format("pcapng section at offset %d: byte-order magic 0x%08x"
                            + " (expected: 1a2b3c4d)", offset, bom));
                }
                interfaces.clear();
            } else if (offset == 0) {
                throw new CaptureFormatException("pcapng: first block is not a section header");
            }
            int length = in.getInt(offset + 4);
            if (length < 12 || length % 4 != 0 || length > in.limit() - offset) {
                throw new CaptureFormatException("pcapng block at offset " + offset + ": length " + length
                        + " (expected: a multiple of 4, >= 12, within the file)");
            }
            int body = offset + 8;
            int bodyLength = length - 12;
            switch (type) {
                case 1 -> { // Interface Description Block
                    checkBody(bodyLength, 8, offset, "interface description");
                    if (interfaces.size() == MAX_INTERFACES) {
                        throw new CaptureFormatException("pcapng: more than " + MAX_INTERFACES + " interfaces");
                    }
                    interfaces.add(new Interface(in.getShort(body) & 0xFFFF, tsresol(in, body + 8, body + bodyLength)));
                }
                case 6 -> { // Enhanced Packet Block
                    checkBody(bodyLength, 20, offset, "enhanced packet");
                    int iface = in.getInt(body);
                    int captured = in.getInt(body + 12);
                    if (iface < 0 || iface >= interfaces.size()) {
                        throw new CaptureFormatException("pcapng packet at offset " + offset + ": interface " + iface
                                + " (expected: 0-" + (interfaces.size() - 1) + ")");
                    }
                    if (captured < 0 || captured > bodyLength - 20) {
                        throw new CaptureFormatException("pcapng packet at offset " + offset + ": captured length "
                                + captured + " (expected: <= " + (bodyLength - 20) + ")");
                    }
                    long ticks = ((in.getInt(body + 4) & 0xFFFFFFFFL) << 32) | (in.getInt(body + 8) & 0xFFFFFFFFL);
                    Interface i = interfaces.get(iface);
                    frame++;
                    decoder.link(i.linkType(), Arrays.copyOfRange(in.array(), body + 20, body + 20 + captured), frame,
                            nanos(ticks, i.tsresol()), out);
                }
                case 3 -> { // Simple Packet Block: interface 0, no timestamp
                    checkBody(bodyLength, 4, offset, "simple packet");
                    if (interfaces.isEmpty()) {
                        throw new CaptureFormatException("pcapng simple packet at offset " + offset
                                + " before any interface");
                    }
                    int captured = Math.min(in.getInt(body) & 0x7FFFFFFF, bodyLength - 4);
                    frame++;
                    decoder.link(interfaces.get(0).linkType(), Arrays.copyOfRange(in.array(), body + 4, body + 4 + captured),
                            frame, 0, out);
                }
                case 2 -> frame++; // obsolete Packet Block: counted, not read
                default -> { } // section header, statistics, name resolution, DSB...: nothing to read
            }
            offset += length;
        }
        return out;
    }

    /** The if_tsresol option (code 9) of the IDB options between {@code p} and {@code end}; 6 (µs) when absent. */
    private static int tsresol(ByteBuffer in, int p, int end) {
        while (p + 4 <= end) {
            int code = in.getShort(p) & 0xFFFF;
            int length = in.getShort(p + 2) & 0xFFFF;
            if (code == 0 || p + 4 + length > end) {
                break;
            }
            if (code == 9 && length == 1) {
                return in.get(p + 4) & 0xFF;
            }
            p += 4 + ((length + 3) & ~3);
        }
        return 6;
    }

    /** Converts {@code ticks} of resolution {@code tsresol} (10^-n, or 2^-n with the top bit set) to nanoseconds. */
    static long nanos(long ticks, int tsresol) {
        int n = tsresol & 0x7F;
        BigInteger t = new BigInteger(Long.toUnsignedString(ticks)).multiply(BigInteger.valueOf(1_000_000_000L));
        BigInteger result = (tsresol & 0x80) != 0 ? t.shiftRight(n) : t.divide(BigInteger.TEN.pow(n));
        return result.bitLength() < 63 ? result.longValue() : Long.MAX_VALUE;
    }

    private static void checkBody(int bodyLength, int min, int offset, String what) throws CaptureFormatException {
        if (bodyLength < min) {
            throw new CaptureFormatException("pcapng " + what + " block at offset " + offset + ": body " + bodyLength
                    + " bytes (expected: >= " + min + ")");
        }
    }

    private static void require(ByteBuffer in, int offset, int length, String what) throws CaptureFormatException {
        if (length < 0 || offset > in.limit() - length) {
            throw new CaptureFormatException("truncated " + what + " at offset " + offset + ": " + length
                    + " bytes needed, " + Math.max(0, in.limit() - offset) + " left");
        }
    }
}
