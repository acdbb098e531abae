package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.capture.UdpDatagram;
import io.ipsec4j.model.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The messages of one IKE SA (keyed by the initiator's SPI or cookie), grouped into exchanges. */
final class SaTrace {
    /** Messages kept per SA; later ones are counted, not kept. */
    static final int MAX_MESSAGES = 512;

    final int version;
    final long initiatorSpi;
    long responderSpi;
    UdpDatagram first;
    String initiator;
    String responder;
    final List<Observed> messages = new ArrayList<>();
    final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, Exchange> open = new HashMap<>();
    private final Set<Bytes> seen = new HashSet<>();
    int dropped;
    int retransmissions;

    SaTrace(int version, long initiatorSpi) {
        this.version = version;
        this.initiatorSpi = initiatorSpi;
    }

    /** True (and remembered) when the same bytes already came in the same direction. */
    boolean seenBefore(boolean fromInitiator, byte[] message) {
        byte[] key = new byte[message.length + 1];
        key[0] = (byte) (fromInitiator ? 1 : 0);
        System.arraycopy(message, 0, key, 1, message.length);
        return !seen.add(Bytes.of(key));
    }

    void add(Observed o, String exchangeType) {
        if (messages.size() >= MAX_MESSAGES) {
            dropped++;
            return;
        }
        messages.add(o);
        if (o.retransmission()) {
            retransmissions++;
        }
        if (initiator == null) {
            UdpDatagram d = o.datagram();
            initiator = address(o.fromInitiator() ? d.source() : d.destination(), o.fromInitiator() ? d.sourcePort()
                    : d.destinationPort());
            responder = address(o.fromInitiator() ? d.destination() : d.source(), o.fromInitiator()
                    ? d.destinationPort() : d.sourcePort());
            first = d;
        }
        boolean requester = o.response() ? !o.fromInitiator() : o.fromInitiator();
        String key = requester + "/" + o.messageId() + "/" + exchangeType;
        Exchange e = open.get(key);
        if (e == null || (version == 2 && !o.response() && e.answered() && !o.retransmission())) {
            e = new Exchange(exchangeType, o.messageId(), requester);
            open.put(key, e);
            exchanges.add(e);
        }
        (o.response() ? e.responses : e.requests).add(o);
    }

    private static String address(java.net.InetAddress a, int port) {
        String host = a.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    List<Exchange> exchanges(String type) {
        return exchanges.stream().filter(e -> e.type.equals(type)).toList();
    }
}
