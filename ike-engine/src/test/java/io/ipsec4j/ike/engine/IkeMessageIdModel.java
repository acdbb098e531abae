package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeMessageDecoder;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Map;

/**
 * A reference model of RFC 7296 §2.3 message-ID windows of size one, checked against every
 * datagram two engines exchange: per IKE SA (its SPI pair) and per requester, requests carry IDs
 * 0, 1, 2, … in order; a new ID is sent only after the response to the previous one reached the
 * requester (window one), anything else is a retransmission of the outstanding request; a response
 * answers a request the responder received.
 */
final class IkeMessageIdModel {
    /** One requester on one IKE SA. */
    private static final class Window {
        long next;
        long outstanding = -1;
        long highestReceived = -1;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final IkeMessageDecoder decoder = new IkeMessageDecoder();
    private int requests;

    /** Checks one datagram sent by A ({@code fromA}) or B, and whether the network delivered it. */
    void onDatagram(byte[] datagram, boolean fromA, boolean delivered) {
        byte[] raw = datagram.length > 4 && datagram[0] == 0 && datagram[1] == 0 && datagram[2] == 0
                && datagram[3] == 0 ? java.util.Arrays.copyOfRange(datagram, 4, datagram.length) : datagram;
        IkeHeader h;
        try {
            h = decoder.decode(Unpooled.wrappedBuffer(raw)).header();
        } catch (IkeProtocolException e) {
            throw new AssertionError("an engine sent an undecodable datagram", e);
        }
        if (h.exchangeType().equals(io.ipsec4j.ike.v2.IkeExchangeType.IKE_SA_INIT)) {
            return; // before the SA has its SPI pair; restarts (COOKIE, INVALID_KE) reuse ID 0
        }
        boolean requesterIsA = h.response() != fromA;
        Window w = windows.computeIfAbsent(h.initiatorSpi() + "/" + h.responderSpi() + "/" + requesterIsA, k -> {
            Window fresh = new Window();
            if (h.exchangeType().equals(io.ipsec4j.ike.v2.IkeExchangeType.IKE_AUTH)) {
                fresh.next = 1; // IKE_SA_INIT had ID 0
                fresh.highestReceived = 0;
            }
            return fresh;
        });
        long id = h.messageId();
        if (!h.response()) {
            if (id == w.outstanding) {
                // a retransmission
            } else if (w.outstanding == -1 && id == w.next) {
                w.outstanding = id;
                w.next++;
                requests++;
            } else {
                throw new AssertionError("request " + id + " with window " + (w.outstanding == -1 ? "free" : "busy with "
                        + w.outstanding) + ", next expected " + w.next + " (" + h.exchangeType() + ")");
            }
            if (delivered) {
                w.highestReceived = Math.max(w.highestReceived, id);
            }
        } else {
            if (id > w.highestReceived) {
                throw new AssertionError("response " + id + " to a request never received (highest "
                        + w.highestReceived + ")");
            }
            if (delivered && id == w.outstanding) {
                w.outstanding = -1;
            }
        }
    }

    /** Returns how many distinct requests were seen. */
    int requests() {
        return requests;
    }
}
