package io.ipsec4j.ike.engine;

import io.ipsec4j.esp.EspUdpEncapsulation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * NAT keepalives of an {@link IkeSession} whose own address is translated by a NAT: a one-byte
 * datagram {@code 0xFF} from our port 4500 to the peer's whenever {@code interval} has passed
 * without a datagram of ours, so that the NAT keeps the mapping through which the peer's IKE and
 * ESP reach us.
 *
 * <p>RFC 3948 §2.3 defines the packet; §4 has the side behind the NAT send it, by default every 20
 * seconds, only while no other packet was sent; RFC 7296 §2.23 leaves the keepalives to the host
 * behind the NAT. The session sees only its own IKE datagrams, not the driver's ESP, so an ESP-busy
 * tunnel still gets a keepalive per interval: 1 byte, harmless to the peer, which drops it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-4">RFC 3948 §4</a>
 */
final class IkeNatKeepalive {
    private final Duration interval;
    private Instant next;

    /** Keepalives every {@code interval}, or none if it is zero. */
    IkeNatKeepalive(Duration interval) {
        this.interval = interval;
    }

    /** We are behind a NAT and the IKE SA is up at {@code now}: keepalives start. */
    void start(Instant now) {
        if (!interval.isZero()) {
            next = now.plus(interval);
        }
    }

    /** We sent a datagram at {@code now}: the next keepalive waits a whole interval again. */
    void sent(Instant now) {
        if (next != null) {
            next = now.plus(interval);
        }
    }

    Optional<Instant> timeout() {
        return Optional.ofNullable(next);
    }

    /** Returns the keepalive to send from {@code local} to {@code remote} if one is due at {@code now}. */
    Optional<IkeTransmit> onTimeout(Instant now, InetSocketAddress local, InetSocketAddress remote) {
        if (next == null || now.isBefore(next)) {
            return Optional.empty();
        }
        next = now.plus(interval);
        return Optional.of(new IkeTransmit(new byte[] {(byte) EspUdpEncapsulation.NAT_KEEPALIVE}, local, remote));
    }
}
