package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * NAT detection: the NAT_DETECTION_SOURCE_IP and NAT_DETECTION_DESTINATION_IP notifications of
 * IKE_SA_INIT.
 *
 * <p>RFC 7296 §2.23: each hash is {@code SHA-1(SPIi | SPIr | IP address | port)} over the SPIs of
 * the IKE header (SPIr is zero in the initial request) and the address (4 or 16 bytes) and UDP port
 * (2 bytes) as sent. "If none of the NAT_DETECTION_SOURCE_IP payload(s) received matches the
 * expected value of the source IP and port found from the IP header of the packet containing the
 * payload, it means that the system sending those payloads is behind a NAT"; if the
 * NAT_DETECTION_DESTINATION_IP payload does not match the receiver's own address and port, the
 * receiver is behind a NAT. A sender may include several source payloads (one per local address).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.23">RFC 7296 §2.23</a>
 */
public final class IkeNatDetection {
    private IkeNatDetection() {
    }

    /** What the NAT_DETECTION payloads of a received message tell. */
    public record Result(boolean localBehindNat, boolean peerBehindNat) {
        /** Returns {@code true} if either side is behind a NAT, so that both move to port 4500 (§2.23). */
        public boolean natDetected() {
            return localBehindNat || peerBehindNat;
        }
    }

    /** Returns SHA-1(SPIi | SPIr | IP | port) (RFC 7296 §2.23). */
    public static Bytes hash(long spiI, long spiR, InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
        byte[] ip = address.getAddress();
        ByteBuffer in = ByteBuffer.allocate(16 + ip.length + 2);
        in.putLong(spiI).putLong(spiR).put(ip).putShort((short) port);
        return Bytes.of(sha1().digest(in.array()));
    }

    /** Returns the hash of an address and port. */
    public static Bytes hash(long spiI, long spiR, InetSocketAddress endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isUnresolved()) {
            throw new IllegalArgumentException("unresolved endpoint: " + endpoint);
        }
        return hash(spiI, spiR, endpoint.getAddress(), endpoint.getPort());
    }

    /** Returns the NAT_DETECTION_SOURCE_IP notification for a message sent from {@code source}. */
    public static IkeNotifyPayload sourceIp(IkeHeader header, InetSocketAddress source) {
        return IkeNotifyPayload.natDetectionSourceIp(hash(header.initiatorSpi(), header.responderSpi(), source));
    }

    /** Returns the NAT_DETECTION_DESTINATION_IP notification for a message sent to {@code destination}. */
    public static IkeNotifyPayload destinationIp(IkeHeader header, InetSocketAddress destination) {
        return IkeNotifyPayload.natDetectionDestinationIp(
                hash(header.initiatorSpi(), header.responderSpi(), destination));
    }

    /**
     * Checks the NAT_DETECTION payloads of {@code received}, which arrived from {@code packetSource}
     * (the IP header's source address and UDP source port) at {@code packetDestination} (our own
     * address and port as seen by the socket).
     *
     * @return the result, or empty if the message carries no NAT_DETECTION payloads (the peer does
     *         not support NAT traversal, RFC 7296 §2.23)
     */
    public static Optional<Result> check(IkeMessage received, InetSocketAddress packetSource,
            InetSocketAddress packetDestination) {
        Objects.requireNonNull(received, "received");
        long spiI = received.header().initiatorSpi();
        long spiR = received.header().responderSpi();
        List<IkeNotifyPayload> sources = notifies(received, IkeNotifyType.NAT_DETECTION_SOURCE_IP);
        List<IkeNotifyPayload> destinations = notifies(received, IkeNotifyType.NAT_DETECTION_DESTINATION_IP);
        if (sources.isEmpty() && destinations.isEmpty()) {
            return Optional.empty();
        }
        Bytes expectedSource = hash(spiI, spiR, packetSource);
        Bytes expectedDestination = hash(spiI, spiR, packetDestination);
        boolean peerBehindNat = sources.stream().noneMatch(n -> constantTimeEquals(n.data(), expectedSource));
        boolean localBehindNat = destinations.stream()
                .noneMatch(n -> constantTimeEquals(n.data(), expectedDestination));
        return Optional.of(new Result(localBehindNat, peerBehindNat));
    }

    private static List<IkeNotifyPayload> notifies(IkeMessage message, IkeNotifyType type) {
        return message.payloads(IkeNotifyPayload.class).stream().filter(n -> n.notifyType().equals(type)).toList();
    }

    private static boolean constantTimeEquals(Bytes a, Bytes b) {
        return MessageDigest.isEqual(a.toByteArray(), b.toByteArray());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
