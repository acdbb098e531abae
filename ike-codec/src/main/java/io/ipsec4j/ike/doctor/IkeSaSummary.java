package io.ipsec4j.ike.doctor;

import java.util.List;
import java.util.Objects;

/**
 * How far one IKE SA got in a capture: its version, endpoints, SPIs (IKEv1 cookies), the
 * exchanges seen in order with their outcome, and how many datagrams were retransmissions.
 *
 * @param version 1 or 2
 * @param initiator the initiator's address and port as captured
 * @param responder the responder's address and port as captured
 * @param progress the furthest step reached, e.g. {@code IKE_AUTH failed (AUTHENTICATION_FAILED)} or
 *     {@code Main Mode 5/6}
 * @param exchanges one line per exchange, e.g. {@code IKE_SA_INIT #0: 1 request, 1 response}
 */
public record IkeSaSummary(int version, String initiator, String responder, long initiatorSpi, long responderSpi,
        String progress, List<String> exchanges, int messages, int retransmissions) {
    /** Copies the list. */
    public IkeSaSummary {
        Objects.requireNonNull(progress, "progress");
        exchanges = List.copyOf(exchanges);
    }

    @Override
    public String toString() {
        return String.format("IKEv%d SA %016x/%016x %s -> %s: %s (%d message(s), %d retransmission(s))", version,
                initiatorSpi, responderSpi, initiator, responder, progress, messages, retransmissions);
    }
}
