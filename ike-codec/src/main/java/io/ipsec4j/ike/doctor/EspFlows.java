package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.capture.UdpDatagram;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** ESP packets of a capture counted per direction (source, destination) and SPI, bounded. */
final class EspFlows {
    /** Flows tracked; more are counted in {@link #packets()} only. */
    static final int MAX_FLOWS = 4096;

    record Flow(String source, String destination, int spi) {}

    final Map<Flow, Integer> counts = new LinkedHashMap<>();
    private int packets;

    void add(UdpDatagram d) {
        packets++;
        Flow f = new Flow(d.source().getHostAddress(), d.destination().getHostAddress(),
                ByteBuffer.wrap(d.payload()).getInt(0));
        if (counts.containsKey(f) || counts.size() < MAX_FLOWS) {
            counts.merge(f, 1, Integer::sum);
        }
    }

    int packets() {
        return packets;
    }

    boolean anyFrom(String source, String destination) {
        return counts.keySet().stream().anyMatch(f -> f.source().equals(source) && f.destination().equals(destination));
    }
}
