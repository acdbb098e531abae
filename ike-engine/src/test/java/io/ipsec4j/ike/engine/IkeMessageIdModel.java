package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A reference model of RFC 7296 §2.3 message-ID windows of size {@code window}, checked against
 * every datagram two engines exchange: per IKE SA (its SPI pair) and per requester, new requests
 * carry IDs 0, 1, 2, … in order; request X is sent only once the requester holds the responses to
 * every request up to X − window ("if the responder stated its window size is N, then when the
 * initiator needs to make a request X, it MUST wait until it has received responses to all
 * requests up through request X-N"); any other request repeats one sent before (a retransmission);
 * a response answers a request the responder received. With a window of one this is the classic
 * one-request-at-a-time rule. The window is an upper bound: the engines start every IKE SA at one
 * until SET_WINDOW_SIZE, which the model cannot see inside the SK payload.
 */
final class IkeMessageIdModel {
    /** One requester on one IKE SA. */
    private static final class Window {
        long next;
        final TreeSet<Long> unanswered = new TreeSet<>();
        final Set<Long> received = new HashSet<>();
    }

    private final int window;
    private final Map<String, Window> windows = new HashMap<>();
    private int requests;
    private int maxInFlight;

    /** A model where each requester may have up to {@code window} requests outstanding. */
    IkeMessageIdModel(int window) {
        this.window = window;
    }

    /** A model of windows of one. */
    IkeMessageIdModel() {
        this(1);
    }

    /** Checks one datagram sent by A ({@code fromA}) or B, and whether the network delivered it at once. */
    void onDatagram(byte[] datagram, boolean fromA, boolean delivered) {
        onSent(datagram, fromA);
        if (delivered) {
            onDelivered(datagram, fromA);
        }
    }

    /** Checks one datagram as A ({@code fromA}) or B sends it. */
    void onSent(byte[] datagram, boolean fromA) {
        IkeHeader h = header(datagram);
        if (h == null) {
            return;
        }
        Window w = window(h, fromA);
        long id = h.messageId();
        if (!h.response()) {
            if (id < w.next) {
                return; // a retransmission (also of a fragmented request whose response is still incomplete)
            }
            if (id != w.next || !w.unanswered.isEmpty() && w.unanswered.first() <= id - window) {
                throw new AssertionError("request " + id + " with unanswered " + w.unanswered + ", window " + window
                        + ", next expected " + w.next + " (" + h.exchangeType() + ")");
            }
            w.unanswered.add(id);
            w.next++;
            requests++;
            maxInFlight = Math.max(maxInFlight, w.unanswered.size());
        } else if (!w.received.contains(id)) {
            throw new AssertionError("response " + id + " to a request never received (received " + w.received + ")");
        }
    }

    /** Notes that a datagram sent by A ({@code fromA}) or B reached the other side. */
    void onDelivered(byte[] datagram, boolean fromA) {
        IkeHeader h = header(datagram);
        if (h == null) {
            return;
        }
        Window w = window(h, fromA);
        if (h.response()) {
            w.unanswered.remove(h.messageId());
        } else {
            w.received.add(h.messageId());
        }
    }

    private IkeHeader header(byte[] datagram) {
        IkeHeader h = EngineFixtures.ike(datagram)
                .orElseThrow(() -> new AssertionError("an engine sent an undecodable datagram")).header();
        // IKE_SA_INIT comes before the SA has its SPI pair; restarts (COOKIE, INVALID_KE) reuse ID 0.
        return h.exchangeType().equals(IkeExchangeType.IKE_SA_INIT) ? null : h;
    }

    private Window window(IkeHeader h, boolean fromA) {
        boolean requesterIsA = h.response() != fromA;
        return windows.computeIfAbsent(h.initiatorSpi() + "/" + h.responderSpi() + "/" + requesterIsA, k -> {
            Window fresh = new Window();
            if (h.exchangeType().equals(IkeExchangeType.IKE_AUTH)) {
                fresh.next = 1; // IKE_SA_INIT had ID 0
                fresh.received.add(0L);
            }
            return fresh;
        });
    }

    /** Returns how many distinct requests were seen. */
    int requests() {
        return requests;
    }

    /** Returns the most requests one requester had outstanding on one IKE SA at once. */
    int maxInFlight() {
        return maxInFlight;
    }
}
