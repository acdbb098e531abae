package io.ipsec4j.ike.engine;

import io.ipsec4j.ike.v2.IkeExchangeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A request of ours that awaits its response, with its own retransmission schedule (with a window
 * larger than one, several are outstanding, each on its own schedule).
 *
 * <p>RFC 7296 §2.1: the requester retransmits until it gets a response, with growing intervals,
 * and gives up after a limit; §2.3: the window decides how many requests may await their
 * responses. Delays double from {@code base} up to {@code max}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.1">RFC 7296 §2.1</a>
 */
final class IkeRetransmission {
    final long messageId;
    final IkeExchangeType exchangeType;
    /** The datagrams of the request: one, or its fragments (RFC 7383). */
    final List<byte[]> datagrams;
    private int retransmits;
    private Instant deadline;

    IkeRetransmission(long messageId, IkeExchangeType exchangeType, List<byte[]> datagrams, Instant sentAt,
            IkeSessionOptions options) {
        this.messageId = messageId;
        this.exchangeType = exchangeType;
        this.datagrams = List.copyOf(datagrams);
        this.deadline = sentAt.plus(options.retransmitBase());
    }

    Instant deadline() {
        return deadline;
    }

    /** Returns {@code true} if the limit is reached (give up), else schedules the next retransmission. */
    boolean exhausted(Instant now, IkeSessionOptions options) {
        if (retransmits >= options.retransmitLimit()) {
            return true;
        }
        retransmits++;
        Duration delay = options.retransmitBase().multipliedBy(1L << Math.min(retransmits, 30));
        deadline = now.plus(delay.compareTo(options.retransmitMax()) > 0 ? options.retransmitMax() : delay);
        return false;
    }
}
