package io.ipsec4j.ike.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request/response exchange of an IKE SA: its type, message ID and who asked (each side has its
 * own message-ID space, RFC 7296 §2.2), with every copy of the request and the response.
 */
final class Exchange {
    final String type;
    final long messageId;
    final boolean requestedByInitiator;
    final List<Observed> requests = new ArrayList<>();
    final List<Observed> responses = new ArrayList<>();

    Exchange(String type, long messageId, boolean requestedByInitiator) {
        this.type = type;
        this.messageId = messageId;
        this.requestedByInitiator = requestedByInitiator;
    }

    Optional<Observed> request() {
        return requests.stream().findFirst();
    }

    Optional<Observed> response() {
        return responses.stream().findFirst();
    }

    boolean answered() {
        return !responses.isEmpty();
    }

    /** Copies of the request beyond the first. */
    int retransmissions() {
        return Math.max(0, requests.size() - 1);
    }

    String outcome() {
        if (!answered()) {
            return requests.isEmpty() ? "response only" : "no response";
        }
        Observed r = responses.get(0);
        if (r.v2() != null && r.v2().payloads().stream().anyMatch(p -> p instanceof io.ipsec4j.ike.v2.IkeSkPayload)
                && !r.decrypted()) {
            return "answered (encrypted)";
        }
        return r.error().map(n -> "failed (" + n.notifyType().name() + ")").orElse("done");
    }

    @Override
    public String toString() {
        if (requests.stream().anyMatch(o -> o.v1() != null) || responses.stream().anyMatch(o -> o.v1() != null)) {
            // IKEv1: no request/response flag; the messages by sender.
            return String.format("%s #%d: %d message(s) from the initiator, %d from the responder", type, messageId,
                    requests.size(), responses.size());
        }
        return String.format("%s #%d from the %s: %d request(s), %d response(s), %s", type, messageId,
                requestedByInitiator ? "initiator" : "responder", requests.size(), responses.size(), outcome());
    }
}
