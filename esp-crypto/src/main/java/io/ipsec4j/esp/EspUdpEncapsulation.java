package io.ipsec4j.esp;

import io.netty.buffer.ByteBuf;

/**
 * UDP encapsulation of ESP for NAT traversal (RFC 3948): the UDP header in front of an ESP packet,
 * the non-ESP marker that separates IKE from ESP on port 4500, and NAT-keepalives.
 *
 * <p>The methods work in place on the caller's buffer and neither retain nor release it. The UDP
 * checksum of ESP-in-UDP is sent as zero (RFC 3948 §3.1, IPv4); callers on IPv6 compute it over
 * the pseudo-header themselves. The {@code byte[]} variants of the non-ESP marker framing serve
 * sans-IO callers that hold datagrams as arrays. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2">RFC 3948 §2</a>
 */
public final class EspUdpEncapsulation {
    /** The NAT-T port (RFC 3948 §2, RFC 7296 §2.23). */
    public static final int PORT = 4500;
    /** Source port, destination port, length, checksum. */
    public static final int UDP_HEADER_BYTES = 8;
    /** Four zero bytes before an IKE message on port 4500 (RFC 3948 §2.2). */
    public static final int NON_ESP_MARKER_BYTES = 4;
    /** The one-byte NAT-keepalive payload (RFC 3948 §2.3). */
    public static final int NAT_KEEPALIVE = 0xFF;
    /** The largest UDP datagram length. */
    private static final int MAX_UDP_LENGTH = 65535;

    private EspUdpEncapsulation() {
    }

    /**
     * Classifies the UDP payload in the readable bytes of {@code payload} (after the UDP header).
     *
     * @throws EspMalformedPacketException for payloads that are none of the three (e.g. 1–3 bytes
     *         other than a keepalive, or an ESP packet shorter than SPI and sequence number)
     */
    public static EspUdpPayloadType classify(ByteBuf payload) throws EspMalformedPacketException {
        int n = payload.readableBytes();
        int r = payload.readerIndex();
        if (n == 1 && payload.getUnsignedByte(r) == NAT_KEEPALIVE) {
            return EspUdpPayloadType.NAT_KEEPALIVE;
        }
        if (n >= NON_ESP_MARKER_BYTES && payload.getInt(r) == 0) {
            return EspUdpPayloadType.IKE;
        }
        if (n >= EspSa.HEADER_BYTES) {
            return EspUdpPayloadType.ESP;
        }
        throw new EspMalformedPacketException("UDP-encapsulated payload length: " + n
                + " (expected: a keepalive byte, a non-ESP marker, or >= 8 ESP bytes)");
    }

    /** Returns the SPI of the ESP packet in the readable bytes (for looking up the inbound SA). */
    public static int peekSpi(ByteBuf esp) throws EspMalformedPacketException {
        if (esp.readableBytes() < EspSa.HEADER_BYTES) {
            throw new EspMalformedPacketException("ESP packet length: " + esp.readableBytes() + " (expected: >= 8)");
        }
        return esp.getInt(esp.readerIndex());
    }

    /**
     * Prepends a UDP header ({@code sourcePort} → {@code destinationPort}, checksum 0) to the ESP
     * packet in the readable bytes; uses the headroom before the reader index when there are 8 bytes.
     */
    public static void addUdpHeader(ByteBuf packet, int sourcePort, int destinationPort) {
        checkPort(sourcePort, "source port");
        checkPort(destinationPort, "destination port");
        int length = packet.readableBytes() + UDP_HEADER_BYTES;
        if (length > MAX_UDP_LENGTH) {
            throw new IllegalArgumentException("UDP length: " + length + " (expected: <= " + MAX_UDP_LENGTH + ")");
        }
        int start = prepend(packet, UDP_HEADER_BYTES);
        packet.setShort(start, sourcePort);
        packet.setShort(start + 2, destinationPort);
        packet.setShort(start + 4, length);
        packet.setShort(start + 6, 0);
    }

    /**
     * Removes the UDP header from the datagram in the readable bytes and returns the destination port.
     *
     * @throws EspMalformedPacketException if the header is short or its length field disagrees
     */
    public static int stripUdpHeader(ByteBuf datagram) throws EspMalformedPacketException {
        int n = datagram.readableBytes();
        if (n < UDP_HEADER_BYTES) {
            throw new EspMalformedPacketException("UDP datagram length: " + n + " (expected: >= 8)");
        }
        int r = datagram.readerIndex();
        int length = datagram.getUnsignedShort(r + 4);
        if (length < UDP_HEADER_BYTES || length > n) {
            throw new EspMalformedPacketException("UDP length field: " + length + " (expected: 8-" + n + ")");
        }
        int port = datagram.getUnsignedShort(r + 2);
        datagram.writerIndex(r + length);
        datagram.readerIndex(r + UDP_HEADER_BYTES);
        return port;
    }

    /** Prepends the four-byte non-ESP marker to an IKE message sent on port 4500. */
    public static void addNonEspMarker(ByteBuf ikeMessage) {
        int start = prepend(ikeMessage, NON_ESP_MARKER_BYTES);
        ikeMessage.setInt(start, 0);
    }

    /** Skips the non-ESP marker of a payload {@link #classify classified} as {@link EspUdpPayloadType#IKE}. */
    public static void stripNonEspMarker(ByteBuf payload) {
        payload.skipBytes(NON_ESP_MARKER_BYTES);
    }

    /** Returns {@code ikeMessage} behind the four-byte non-ESP marker, to send on port 4500 (RFC 3948 §2.2). */
    public static byte[] withNonEspMarker(byte[] ikeMessage) {
        byte[] out = new byte[NON_ESP_MARKER_BYTES + ikeMessage.length];
        System.arraycopy(ikeMessage, 0, out, NON_ESP_MARKER_BYTES, ikeMessage.length);
        return out;
    }

    /**
     * Returns {@code true} if a UDP payload received on port 4500 is an IKE message behind the
     * non-ESP marker (four zero bytes where ESP has its non-zero SPI, RFC 3948 §2.2), not ESP or a
     * keepalive.
     */
    public static boolean hasNonEspMarker(byte[] payload) {
        return payload.length >= NON_ESP_MARKER_BYTES && payload[0] == 0 && payload[1] == 0 && payload[2] == 0
                && payload[3] == 0;
    }

    /**
     * Returns the IKE message after the non-ESP marker of a payload received on port 4500.
     *
     * @throws EspMalformedPacketException if the payload does not start with the marker
     */
    public static byte[] withoutNonEspMarker(byte[] payload) throws EspMalformedPacketException {
        if (!hasNonEspMarker(payload)) {
            throw new EspMalformedPacketException("port 4500 payload of " + payload.length
                    + " bytes without the non-ESP marker (expected: 4 zero bytes first)");
        }
        return java.util.Arrays.copyOfRange(payload, NON_ESP_MARKER_BYTES, payload.length);
    }

    /** Writes a NAT-keepalive payload (one byte 0xFF) into {@code out}. */
    public static void writeKeepalive(ByteBuf out) {
        out.writeByte(NAT_KEEPALIVE);
    }

    private static int prepend(ByteBuf buf, int bytes) {
        int r = buf.readerIndex();
        int n = buf.readableBytes();
        if (r < bytes) {
            buf.ensureWritable(bytes - r);
            buf.setBytes(bytes, buf, r, n);
            buf.writerIndex(bytes + n);
            r = bytes;
        }
        buf.readerIndex(r - bytes);
        return r - bytes;
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > MAX_UDP_LENGTH) {
            throw new IllegalArgumentException(what + ": " + port + " (expected: 0-65535)");
        }
    }
}
