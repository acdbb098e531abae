package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the IKEv1 fragments (payload 132) of one message back together, with bounds.
 *
 * <p>Each fragment arrives in its own ISAKMP message whose only payload is an
 * {@link IkeV1FragmentPayload}; the pieces of one original message share a Fragment ID and are
 * numbered from 1, the last one flagged. Reassembly follows the caution of RFC 7383 §2.6 (and
 * racoon's CVE-2016-10396, where unchecked fragment numbers corrupted memory): at most
 * {@code maxFragments} pieces, at most {@link IkeDecoderLimits#maxMessageBytes()} bytes in all, one
 * message in progress (a higher Fragment ID replaces it, a lower one is stale and dropped),
 * duplicates ignored, numbers above the announced last rejected, pieces from other cookies rejected.
 * The result is the complete original datagram, header included, for {@link IkeV1MessageDecoder}.
 *
 * <p>Not thread-safe: one instance per IKE SA, used by one thread.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6">RFC 7383 §2.6</a>
 */
public final class IkeV1Reassembler {
    /** Default largest number of fragments of one message: 32. */
    public static final int DEFAULT_MAX_FRAGMENTS = 32;

    private final int maxBytes;
    private final Bytes[] pieces;
    private boolean active;
    private int fragmentId;
    private long initiatorCookie;
    private long responderCookie;
    private int total;
    private int received;
    private int bytes;

    /** Creates a reassembler with {@link IkeDecoderLimits#DEFAULT} and {@link #DEFAULT_MAX_FRAGMENTS}. */
    public IkeV1Reassembler() {
        this(IkeDecoderLimits.DEFAULT, DEFAULT_MAX_FRAGMENTS);
    }

    /** Creates a reassembler with the given bounds. */
    public IkeV1Reassembler(IkeDecoderLimits limits, int maxFragments) {
        this.maxBytes = Objects.requireNonNull(limits, "limits").maxMessageBytes();
        this.pieces = new Bytes[IkeV1Wire.checkRange(maxFragments, "maxFragments", 1, 255) + 1];
    }

    /**
     * Accepts one received fragment message; returns the reassembled datagram once every piece is in.
     *
     * @throws IkeV1PayloadMalformedException if the message is not a single fragment payload, or the
     *     fragment breaks a bound; the message in progress is then dropped
     */
    public Optional<Bytes> accept(IkeV1Message message) throws IkeV1PayloadMalformedException {
        Objects.requireNonNull(message, "message");
        if (message.payloads().size() != 1 || !(message.payloads().get(0) instanceof IkeV1FragmentPayload f)) {
            throw IkeV1Wire.malformed("fragment message: %s (expected: one FRAGMENT payload)",
                    message.header().encrypted() ? "encrypted" : message.payloads().size() + " payloads");
        }
        IkeV1Header h = message.header();
        if (active && (h.initiatorCookie() != initiatorCookie || h.responderCookie() != responderCookie)) {
            throw IkeV1Wire.malformed("fragment cookies differ from the message in progress");
        }
        if (active && f.fragmentId() < fragmentId) {
            return Optional.empty(); // stale: a retransmission of an older message
        }
        if (!active || f.fragmentId() > fragmentId) {
            reset();
            active = true;
            fragmentId = f.fragmentId();
            initiatorCookie = h.initiatorCookie();
            responderCookie = h.responderCookie();
        }
        int n = f.number();
        if (n < 1 || n >= pieces.length) {
            reset();
            throw IkeV1Wire.malformed("fragment number: %d (expected: 1-%d)", n, pieces.length - 1);
        }
        if (f.last()) {
            if (total != 0 && total != n || hasPieceAbove(n)) {
                reset();
                throw IkeV1Wire.malformed("last fragment number: %d (conflicts with the pieces received)", n);
            }
            total = n;
        } else if (total != 0 && n >= total) {
            int last = total;
            reset();
            throw IkeV1Wire.malformed("fragment number: %d (expected: < %d, the last)", n, last);
        }
        if (pieces[n] != null) {
            return Optional.empty(); // duplicate
        }
        if ((long) bytes + f.data().length() > maxBytes) {
            reset();
            throw IkeV1Wire.malformed("reassembled length: more than %d bytes", maxBytes);
        }
        pieces[n] = f.data();
        bytes += f.data().length();
        received++;
        if (total == 0 || received < total) {
            return Optional.empty();
        }
        byte[] whole = new byte[bytes];
        int at = 0;
        for (int i = 1; i <= total; i++) {
            pieces[i].copyTo(whole, at);
            at += pieces[i].length();
        }
        reset();
        return Optional.of(Bytes.of(whole));
    }

    private boolean hasPieceAbove(int n) {
        for (int i = n + 1; i < pieces.length; i++) {
            if (pieces[i] != null) {
                return true;
            }
        }
        return false;
    }

    private void reset() {
        java.util.Arrays.fill(pieces, null);
        active = false;
        total = 0;
        received = 0;
        bytes = 0;
    }
}
