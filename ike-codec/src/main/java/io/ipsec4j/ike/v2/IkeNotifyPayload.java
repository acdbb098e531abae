package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.KeyExchangeMethod;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IKEv2 Notify payload: an error or status notification, optionally about one SA.
 *
 * <p>The body is the Protocol ID and SPI Size, the two-byte Notify Message Type, the SPI and the
 * Notification Data. The data of the common types is checked when decoding and constructing, and
 * has typed accessors and factories:
 * NAT_DETECTION_SOURCE_IP / NAT_DETECTION_DESTINATION_IP (20-byte SHA-1 hash), COOKIE (1–64 bytes),
 * COOKIE2 (8–64 bytes, RFC 4555), REKEY_SA (4-byte SPI of an AH or ESP SA, {@link #childSpi()}),
 * INVALID_KE_PAYLOAD ({@link #acceptedKeyExchange()}), SET_WINDOW_SIZE ({@link #windowSize()}),
 * SIGNATURE_HASH_ALGORITHMS ({@link #signatureHashAlgorithms()}, RFC 7427), and the flag-only
 * IKEV2_FRAGMENTATION_SUPPORTED, USE_TRANSPORT_MODE, INITIAL_CONTACT and ADDITIONAL_KEY_EXCHANGE
 * (RFC 9370, opaque link data). Error Notifies map to exceptions through
 * {@link IkeErrorNotifyException#fromNotify(IkeNotifyPayload)}.
 *
 * @param protocol the Protocol ID ({@link IkeProtocolId#NONE} when no SA is concerned)
 * @param spi the SPI (empty when no SA is concerned)
 * @param notifyType the Notify Message Type
 * @param data the Notification Data
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.10">RFC 7296 §3.10</a>
 */
public record IkeNotifyPayload(IkeProtocolId protocol, Bytes spi, IkeNotifyType notifyType, Bytes data)
        implements IkePayload {
    /** Length of a NAT detection hash: SHA-1 (RFC 7296 §2.23). */
    public static final int NAT_DETECTION_HASH_BYTES = 20;

    /** Validates the data of the typed notification types and the lengths. */
    public IkeNotifyPayload {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(spi, "spi");
        Objects.requireNonNull(notifyType, "notifyType");
        Objects.requireNonNull(data, "data");
        IkeWire.checkLength(spi, "SPI", 255);
        IkeWire.checkLength(data, "notification data", IkeWire.MAX_BODY_LENGTH - 4 - spi.length());
        String problem = checkTyped(protocol, spi, notifyType, data);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String checkTyped(IkeProtocolId protocol, Bytes spi, IkeNotifyType type, Bytes data) {
        int n = data.length();
        switch (type.code()) {
            case 16388: // NAT_DETECTION_SOURCE_IP
            case 16389: // NAT_DETECTION_DESTINATION_IP
                return n == NAT_DETECTION_HASH_BYTES ? null : dataLength(type, n, "20");
            case 16390: // COOKIE: "between 1 and 64 octets" (RFC 7296 §2.6)
                return n >= 1 && n <= 64 ? null : dataLength(type, n, "1-64");
            case 16401: // COOKIE2: "between 8 and 64 octets" (RFC 4555 §4.6)
                return n >= 8 && n <= 64 ? null : dataLength(type, n, "8-64");
            case 17: // INVALID_KE_PAYLOAD: the two-octet accepted group
                return n == 2 ? null : dataLength(type, n, "2");
            case 16385: // SET_WINDOW_SIZE: a four-octet window size
                return n == 4 ? null : dataLength(type, n, "4");
            case 16431: // SIGNATURE_HASH_ALGORITHMS: a list of two-octet hash ids (RFC 7427 §4)
                return n % 2 == 0 ? null : dataLength(type, n, "a multiple of 2");
            case 16393: // REKEY_SA: the SPI of the AH or ESP SA being rekeyed (RFC 7296 §1.3.3)
                return spi.length() == 4 ? null
                        : "SPI size of " + type + ": " + spi.length() + " (expected: 4)";
            default:
                return null;
        }
    }

    private static String dataLength(IkeNotifyType type, int n, String expected) {
        return "notification data length of " + type + ": " + n + " (expected: " + expected + ")";
    }

    /** Returns a Notify about no SA, of {@code type} with {@code data}. */
    public static IkeNotifyPayload of(IkeNotifyType type, Bytes data) {
        return new IkeNotifyPayload(IkeProtocolId.NONE, Bytes.EMPTY, type, data);
    }

    /** Returns a Notify of {@code type} about the SA of {@code protocol} and {@code spi}. */
    public static IkeNotifyPayload of(IkeProtocolId protocol, Bytes spi, IkeNotifyType type, Bytes data) {
        return new IkeNotifyPayload(protocol, spi, type, data);
    }

    /** Returns a data-less status Notify such as INITIAL_CONTACT or USE_TRANSPORT_MODE. */
    public static IkeNotifyPayload status(IkeNotifyType type) {
        return of(type, Bytes.EMPTY);
    }

    /** Returns NAT_DETECTION_SOURCE_IP with the 20-byte hash (RFC 7296 §2.23). */
    public static IkeNotifyPayload natDetectionSourceIp(Bytes hash) {
        return of(IkeNotifyType.NAT_DETECTION_SOURCE_IP, hash);
    }

    /** Returns NAT_DETECTION_DESTINATION_IP with the 20-byte hash (RFC 7296 §2.23). */
    public static IkeNotifyPayload natDetectionDestinationIp(Bytes hash) {
        return of(IkeNotifyType.NAT_DETECTION_DESTINATION_IP, hash);
    }

    /** Returns COOKIE with 1–64 bytes of cookie data (RFC 7296 §2.6). */
    public static IkeNotifyPayload cookie(Bytes cookie) {
        return of(IkeNotifyType.COOKIE, cookie);
    }

    /** Returns REKEY_SA for the AH or ESP SA with inbound SPI {@code spi} (RFC 7296 §1.3.3). */
    public static IkeNotifyPayload rekeySa(IkeProtocolId protocol, int spi) {
        return of(protocol, Bytes.of((byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi),
                IkeNotifyType.REKEY_SA, Bytes.EMPTY);
    }

    /** Returns INVALID_KE_PAYLOAD naming the accepted group (RFC 7296 §1.2). */
    public static IkeNotifyPayload invalidKePayload(KeyExchangeMethod accepted) {
        return of(IkeNotifyType.INVALID_KE_PAYLOAD, InvalidKePayloadException.groupData(accepted));
    }

    /** Returns SET_WINDOW_SIZE with a window of {@code size} requests (RFC 7296 §2.3). */
    public static IkeNotifyPayload setWindowSize(long size) {
        if (size < 0 || size > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("window size: " + size + " (expected: 0-4294967295)");
        }
        return of(IkeNotifyType.SET_WINDOW_SIZE,
                Bytes.of((byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size));
    }

    /** Returns SIGNATURE_HASH_ALGORITHMS listing the hash ids (RFC 7427 §4, e.g. 2 = SHA2-256). */
    public static IkeNotifyPayload signatureHashAlgorithms(List<Integer> hashIds) {
        byte[] b = new byte[hashIds.size() * 2];
        for (int i = 0; i < hashIds.size(); i++) {
            int id = IkeWire.checkRange(hashIds.get(i), "hash algorithm", 0, 0xFFFF);
            b[2 * i] = (byte) (id >>> 8);
            b[2 * i + 1] = (byte) id;
        }
        return of(IkeNotifyType.SIGNATURE_HASH_ALGORITHMS, Bytes.of(b));
    }

    /** Returns ADDITIONAL_KEY_EXCHANGE with the responder's opaque link data (RFC 9370 §2.2.2). */
    public static IkeNotifyPayload additionalKeyExchange(Bytes link) {
        return of(IkeNotifyType.ADDITIONAL_KEY_EXCHANGE, link);
    }

    static IkeNotifyPayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "Notify payload");
        IkeProtocolId protocol = IkeProtocolId.valueOf(body.readUnsignedByte());
        int spiSize = body.readUnsignedByte();
        IkeNotifyType type = IkeNotifyType.valueOf(body.readUnsignedShort());
        Bytes spi = IkeWire.readBytes(body, spiSize, "Notify SPI");
        return new IkeNotifyPayload(protocol, spi, type, IkeWire.readRemaining(body));
    }

    /** Returns {@code true} for an error type (below 16384). */
    public boolean isError() {
        return notifyType.isError();
    }

    /** Returns the 4-byte SPI of a REKEY_SA Notify as an int. */
    public int childSpi() {
        expect(IkeNotifyType.REKEY_SA);
        return (spi.get(0) & 0xFF) << 24 | (spi.get(1) & 0xFF) << 16 | (spi.get(2) & 0xFF) << 8 | spi.get(3) & 0xFF;
    }

    /** Returns the group named by an INVALID_KE_PAYLOAD Notify. */
    public KeyExchangeMethod acceptedKeyExchange() {
        expect(IkeNotifyType.INVALID_KE_PAYLOAD);
        return KeyExchangeMethod.valueOf((data.get(0) & 0xFF) << 8 | data.get(1) & 0xFF);
    }

    /** Returns the window size of a SET_WINDOW_SIZE Notify. */
    public long windowSize() {
        expect(IkeNotifyType.SET_WINDOW_SIZE);
        return (data.get(0) & 0xFFL) << 24 | (data.get(1) & 0xFF) << 16 | (data.get(2) & 0xFF) << 8
                | data.get(3) & 0xFF;
    }

    /** Returns the hash algorithm ids of a SIGNATURE_HASH_ALGORITHMS Notify (RFC 7427 §4). */
    public List<Integer> signatureHashAlgorithms() {
        expect(IkeNotifyType.SIGNATURE_HASH_ALGORITHMS);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < data.length(); i += 2) {
            ids.add((data.get(i) & 0xFF) << 8 | data.get(i + 1) & 0xFF);
        }
        return List.copyOf(ids);
    }

    private void expect(IkeNotifyType expected) {
        if (!notifyType.equals(expected)) {
            throw new IllegalStateException("notify type: " + notifyType + " (expected: " + expected + ")");
        }
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.NOTIFY;
    }

    @Override
    public int bodyLength() {
        return 4 + spi.length() + data.length();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(protocol.code());
        out.writeByte(spi.length());
        out.writeShort(notifyType.code());
        IkeWire.writeBytes(out, spi);
        IkeWire.writeBytes(out, data);
    }
}
