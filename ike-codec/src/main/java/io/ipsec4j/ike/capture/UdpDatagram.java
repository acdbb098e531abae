package io.ipsec4j.ike.capture;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One UDP datagram of a capture: its 1-based frame number in the file (the last fragment's, when
 * the IP packet was reassembled), the capture time, addresses, ports and payload.
 *
 * <p>{@link #kind()} classifies it for IPsec as RFC 3948 does: on port 500 an IKE message; on port
 * 4500 a one-byte {@code 0xFF} NAT-keepalive (§2.3), an IKE message behind the four-byte zero
 * non-ESP marker (§2.2), or else ESP. Between port 500 and port 4500 (an initiator starting IKE on
 * the responder's port 4500 from its port 500, as strongSwan does with {@code remote_port = 4500},
 * and the answer) it is an IKE message, behind the marker or without it: ESP-in-UDP never uses port
 * 500, and an IKE SPI is never zero.
 *
 * @param frame the 1-based frame number
 * @param timestampNanos capture time in nanoseconds since the epoch, at the interface's resolution
 * @param payload the UDP payload (the record keeps the array; callers must not change it)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2">RFC 3948 §2</a>
 */
public record UdpDatagram(int frame, long timestampNanos, InetAddress source, int sourcePort, InetAddress destination,
        int destinationPort, byte[] payload) {
    /** The IKE port. */
    public static final int IKE_PORT = 500;
    /** The NAT-T port (IKE behind a non-ESP marker, ESP-in-UDP and keepalives). */
    public static final int NAT_T_PORT = 4500;

    /** What an IPsec datagram carries. */
    public enum Kind {
        /** An IKE message (IKEv1 or IKEv2). */
        IKE,
        /** An ESP packet encapsulated in UDP. */
        ESP,
        /** A NAT-keepalive, the single byte 0xFF. */
        NAT_KEEPALIVE,
        /** Neither port 500 nor 4500, or too short to be anything. */
        OTHER
    }

    /** Checks the fields. */
    public UdpDatagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
    }

    /** True when either port is 4500. */
    public boolean natT() {
        return sourcePort == NAT_T_PORT || destinationPort == NAT_T_PORT;
    }

    /** What this datagram carries (see the class comment). */
    public Kind kind() {
        if (natT() && sourcePort != IKE_PORT && destinationPort != IKE_PORT) {
            if (payload.length == 1 && payload[0] == (byte) 0xFF) {
                return Kind.NAT_KEEPALIVE;
            }
            if (payload.length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0 && payload[3] == 0) {
                return payload.length > 4 ? Kind.IKE : Kind.OTHER;
            }
            return payload.length >= 8 ? Kind.ESP : Kind.OTHER;
        }
        if (sourcePort == IKE_PORT || destinationPort == IKE_PORT) {
            return payload.length > 0 ? Kind.IKE : Kind.OTHER;
        }
        return Kind.OTHER;
    }

    /** The IKE message bytes (without the non-ESP marker); empty unless {@link #kind()} is IKE. */
    public byte[] ikeMessage() {
        if (kind() != Kind.IKE) {
            return new byte[0];
        }
        boolean marker = natT() && payload.length > 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0
                && payload[3] == 0;
        return marker ? Arrays.copyOfRange(payload, 4, payload.length) : payload.clone();
    }

    /** {@code 192.0.2.1:500 -> [2001:db8::1]:4500}. */
    public String endpoints() {
        return address(source, sourcePort) + " -> " + address(destination, destinationPort);
    }

    private static String address(InetAddress a, int port) {
        String host = a.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram d && frame == d.frame && timestampNanos == d.timestampNanos
                && sourcePort == d.sourcePort && destinationPort == d.destinationPort && source.equals(d.source)
                && destination.equals(d.destination) && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frame, timestampNanos, source, sourcePort, destination, destinationPort)
                * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "#" + frame + " " + endpoints() + " " + kind() + " " + payload.length + " bytes";
    }
}
