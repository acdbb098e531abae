package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.IpAddress;
import io.ipsec4j.model.algorithm.PrfAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * NAT detection in IKEv1 (RFC 3947 §3.2): the NAT-D hash of one end of the path and the check of
 * received NAT-D payloads against it.
 *
 * <p>"HASH = HASH(CKY-I | CKY-R | IP | Port)", with the negotiated hash algorithm (not the PRF),
 * the IP address in network order (4 or 16 bytes) and the UDP port. The first NAT-D payload a peer
 * sends is the hash of the other end (the destination of the packet), the following ones of its own
 * addresses. A peer that forces UDP encapsulation (strongSwan's {@code encap = yes}) sends a hash of
 * no real address for itself, so that the other end sees a NAT.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-3.2">RFC 3947 §3.2</a>
 */
public final class IkeV1NatDetection {
    private IkeV1NatDetection() {}

    /** Returns HASH(CKY-I | CKY-R | IP | Port) with the negotiated {@code hash} algorithm. */
    public static Bytes hash(PrfAlgorithm hash, long initiatorCookie, long responderCookie, IpAddress address,
            int port) {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
        MessageDigest md = IkeV1Ivs.digest(hash);
        md.update(ByteBuffer.allocate(16).putLong(initiatorCookie).putLong(responderCookie).array());
        md.update(address.toByteArray());
        md.update((byte) (port >>> 8));
        md.update((byte) port);
        return Bytes.of(md.digest());
    }

    /** Returns a NAT-D payload of {@code type} (20, or the drafts' 130) for one end of the path. */
    public static IkeV1NatDPayload payload(IkeV1PayloadType type, PrfAlgorithm hash, long initiatorCookie,
            long responderCookie, IpAddress address, int port) {
        return new IkeV1NatDPayload(type, hash(hash, initiatorCookie, responderCookie, address, port));
    }

    /**
     * Returns whether any of {@code received} is the hash of {@code address} and {@code port}; the
     * comparison is constant-time per payload. No match for the first payload means that the
     * receiving end is behind a NAT, for the others that the sending end is.
     */
    public static boolean matches(List<IkeV1NatDPayload> received, PrfAlgorithm hash, long initiatorCookie,
            long responderCookie, IpAddress address, int port) {
        byte[] want = hash(hash, initiatorCookie, responderCookie, address, port).toByteArray();
        boolean found = false;
        for (IkeV1NatDPayload p : received) {
            found |= MessageDigest.isEqual(want, p.hash().toByteArray());
        }
        return found;
    }
}
