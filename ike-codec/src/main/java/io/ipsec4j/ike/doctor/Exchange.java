package io.ipsec4j.ike.doctor;

import io.ipsec4j.ike.v2.IkeSkfPayload;
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

    /** The first request, or the first decrypted one (a reassembled fragmented request) if any. */
    Optional<Observed> request() {
        return requests.stream().filter(Observed::decrypted).findFirst().or(() -> requests.stream().findFirst());
    }

    /** The first response, or the first decrypted one if any. */
    Optional<Observed> response() {
        return responses.stream().filter(Observed::decrypted).findFirst().or(() -> responses.stream().findFirst());
    }

    /** Copies of the request sent: an SKF-fragmented message counts once per copy of its fragment 1. */
    int copies() {
        return (int) requests.stream().filter(o -> o.v2() == null || o.v2().payload(IkeSkfPayload.class)
                .map(f -> f.fragmentNumber() == 1).orElse(true)).count();
    }

    boolean answered() {
        return !responses.isEmpty();
    }

    /** Copies of the request beyond the first. */
    int retransmissions() {
        return Math.max(0, copies() - 1);
    }

    String outcome() {
        if (!answered()) {
            return requests.isEmpty() ? "response only" : "no response";
        }
        Observed r = response().get();
        if (r.v2() != null && r.v2().payloads().stream().anyMatch(p -> p instanceof io.ipsec4j.ike.v2.IkeSkPayload
                || p instanceof IkeSkfPayload) && !r.decrypted()) {
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
        int fragments = requests.stream().map(o -> o.v2().payload(IkeSkfPayload.class)).flatMap(Optional::stream)
                .mapToInt(IkeSkfPayload::totalFragments).max().orElse(0);
        return String.format("%s #%d from the %s: %d request(s)%s, %d response(s), %s", type, messageId,
                requestedByInitiator ? "initiator" : "responder", copies(), fragments == 0 ? "" : " in " + fragments
                        + " SKF fragments" + (request().map(Observed::decrypted).orElse(false) ? " (reassembled)" : ""),
                responses.size(), outcome());
    }
}
