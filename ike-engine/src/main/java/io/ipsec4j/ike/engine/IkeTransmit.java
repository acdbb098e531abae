package io.ipsec4j.ike.engine;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One UDP datagram the driver is to send: from {@code source} (our address and port) to
 * {@code destination}.
 *
 * <p>After NAT detection both sides move to port 4500 and every IKE datagram starts with the
 * four-byte non-ESP marker; {@code datagram} already carries it (RFC 3948 §2.2, RFC 7296 §2.23).
 *
 * @param datagram the UDP payload
 * @param source the local address and port to send from
 * @param destination the peer's address and port
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.23">RFC 7296 §2.23</a>
 */
public record IkeTransmit(byte[] datagram, InetSocketAddress source, InetSocketAddress destination) {
    /** Checks the arguments. */
    public IkeTransmit {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    @Override
    public String toString() {
        return "IkeTransmit[" + datagram.length + " bytes " + source + " -> " + destination + "]";
    }
}
