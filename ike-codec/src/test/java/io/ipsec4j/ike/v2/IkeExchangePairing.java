package io.ipsec4j.ike.v2;

import java.util.List;

/** Pairs captured requests and responses, for the tests that check live exchanges. */
final class IkeExchangePairing {
    private IkeExchangePairing() {
    }

    /**
     * The first response to {@code request} among {@code messages}: the same message ID, the
     * Response flag, and sent by the other end (the opposite Initiator flag). Each end numbers its
     * own requests (RFC 7296 §2.2), so an IKE SA has two message ID spaces: with the ID alone, the
     * response to the other end's request with the same ID would match.
     *
     * @throws AssertionError if there is none
     */
    static IkeMessage responseTo(IkeMessage request, List<IkeMessage> messages) {
        IkeHeader q = request.header();
        return messages.stream().filter(m -> m.header().response() && m.header().messageId() == q.messageId()
                && m.header().initiator() != q.initiator()).findFirst()
                .orElseThrow(() -> new AssertionError("no response to " + q + " among " + messages));
    }
}
