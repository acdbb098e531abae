package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeProtocolException;
import io.ipsec4j.ike.v2.IkeFragmentRejectedException.Reason;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reassembles the SKF fragments of inbound IKEv2 messages sent in one direction of an IKE SA.
 *
 * <p>RFC 7383 §2.6: fragments may arrive in any order and more than once; each is authenticated
 * before it is kept (an unauthenticated fragment must not displace a genuine one), duplicates are
 * ignored, and once every Fragment Number from 1 to Total Fragments is present the decrypted pieces
 * are joined and decoded as the inner payloads, the first of the type named by fragment 1. §2.6.2:
 * "If the receiver gets a fragment with a Total Fragments field larger than those previously
 * received, it MUST discard all received fragments and start reassembly anew"; fragments with a
 * smaller Total Fragments are discarded. §2.6 leaves resource limits to the receiver: this class
 * keeps one message in progress and enforces {@link Limits} — how many fragments, how many
 * decrypted bytes, and how long after the first kept fragment the rest may arrive (timed with the
 * caller's clock). A fragment of another Message ID replaces the message in progress, so the caller
 * checks Message IDs (retransmissions, window) first, as for unfragmented messages.
 *
 * <p>Thread safety: not thread-safe and not to be shared between threads; it holds the message in
 * progress of one inbound direction of one IKE SA and belongs to the thread that owns that SA. Like
 * {@link IkeSkCodec#decryptMessage}, {@link #accept} returns the whole {@link IkeMessage}.
 * Datagrams are IKE messages without the non-ESP marker ({@code
 * io.ipsec4j.esp.EspUdpEncapsulation#withoutNonEspMarker} removes it).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6">RFC 7383 §2.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7383#section-2.6.2">RFC 7383 §2.6.2</a>
 */
public final class IkeReassembler {
    /** Default for {@link Limits#maxFragments}: 64 fragments of 576-byte datagrams hold ~30 KiB. */
    public static final int DEFAULT_MAX_FRAGMENTS = 64;
    /** Default for {@link Limits#maxMessageBytes}: room for a few certificates. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    /** Default for {@link Limits#window}: longer than a peer's usual retransmission schedule start. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

    /**
     * The resources one message in reassembly may take.
     *
     * @param maxFragments the largest Total Fragments accepted, 1–65535
     * @param maxMessageBytes the most decrypted bytes kept for one message
     * @param window how long after its first kept fragment a message may stay incomplete
     */
    public record Limits(int maxFragments, int maxMessageBytes, Duration window) {
        /** {@link #DEFAULT_MAX_FRAGMENTS}, {@link #DEFAULT_MAX_MESSAGE_BYTES}, {@link #DEFAULT_WINDOW}. */
        public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_FRAGMENTS, DEFAULT_MAX_MESSAGE_BYTES,
                DEFAULT_WINDOW);

        /** Validates the ranges. */
        public Limits {
            IkeWire.checkRange(maxFragments, "max fragments", 1, IkeFragmenter.MAX_FRAGMENTS);
            if (maxMessageBytes < 1) {
                throw new IllegalArgumentException("max message bytes: " + maxMessageBytes + " (expected: >= 1)");
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window: " + window + " (expected: > 0)");
            }
        }
    }

    private final IkeSkCodec codec;
    private final IkeMessageDecoder decoder;
    private final Limits limits;
    private final LongSupplier nanoClock;
    private final long windowNanos;

    // The message in progress: null header when there is none.
    private IkeHeader header;
    private int total;
    private Bytes[] pieces;
    private IkePayloadType firstPayloadType;
    private int received;
    private long bytes;
    private long startNanos;

    /**
     * Creates a reassembler that authenticates fragments with {@code codec} (the inbound
     * direction's keys) and decodes datagrams and inner payloads with {@code decoder}.
     *
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public IkeReassembler(IkeSkCodec codec, IkeMessageDecoder decoder, Limits limits, LongSupplier nanoClock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.windowNanos = limits.window().toNanos();
    }

    /** Creates a reassembler with the default decoder and limits and {@link System#nanoTime()}. */
    public IkeReassembler(IkeSkCodec codec) {
        this(codec, new IkeMessageDecoder(), Limits.DEFAULTS, System::nanoTime);
    }

    /** Returns the limits in force. */
    public Limits limits() {
        return limits;
    }

    /** Decodes {@code datagram} and passes it to {@link #accept(byte[], IkeMessage)}. */
    public Optional<IkeMessage> accept(byte[] datagram) throws IkeProtocolException {
        Objects.requireNonNull(datagram, "datagram");
        return accept(datagram, decoder.decode(Unpooled.wrappedBuffer(datagram)));
    }

    /**
     * Takes one fragment, {@code decoded} being the message decoded from {@code datagram}.
     *
     * @return the reassembled message — the fragments' header and the decrypted inner payloads —
     *         once the last missing fragment arrives; empty while fragments are missing or when the
     *         fragment was a duplicate or superseded (RFC 7383 §2.6.2)
     * @throws IkeFragmentRejectedException if the message is not a single SKF payload, contradicts
     *         the fragments kept for its Message ID, or exceeds the limits (the state is discarded)
     * @throws IkeIntegrityCheckFailedException if the fragment fails authentication (state kept)
     * @throws IkeErrorNotifyException if the reassembled inner payloads are malformed (protected)
     */
    public Optional<IkeMessage> accept(byte[] datagram, IkeMessage decoded) throws IkeProtocolException {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(decoded, "decoded");
        if (decoded.payloads().size() != 1 || !(decoded.payloads().get(0) instanceof IkeSkfPayload skf)) {
            throw new IkeFragmentRejectedException(Reason.NOT_A_FRAGMENT, "payloads: " + decoded.payloads().size()
                    + ", first " + decoded.firstPayloadType() + " (expected: a single ENCRYPTED_FRAGMENT payload)");
        }
        if (skf.totalFragments() > limits.maxFragments()) {
            throw new IkeFragmentRejectedException(Reason.LIMIT_EXCEEDED, "total fragments: " + skf.totalFragments()
                    + " (expected: <= " + limits.maxFragments() + ")");
        }
        long now = nanoClock.getAsLong();
        if (header != null && now - startNanos > windowNanos) {
            reset(); // RFC 7383 §2.6 leaves the timeout to the receiver: the incomplete message is dropped
        }
        IkeHeader h = decoded.header();
        boolean sameMessage = header != null && header.messageId() == h.messageId();
        if (sameMessage) {
            if (!header.equals(h)) {
                throw new IkeFragmentRejectedException(Reason.INCONSISTENT, "fragment header " + h
                        + " (expected: the header of the other fragments, " + header + ")");
            }
            if (skf.totalFragments() < total || pieces[skf.fragmentNumber() - 1] != null
                    && skf.totalFragments() == total) {
                return Optional.empty(); // superseded (§2.6.2) or a duplicate: nothing to authenticate
            }
        }
        Bytes piece = codec.decryptFragment(datagram, decoded); // authenticated before anything is kept
        if (!sameMessage || skf.totalFragments() > total) {
            start(h, skf.totalFragments(), now);
        }
        if (bytes + piece.length() > limits.maxMessageBytes()) {
            long size = bytes + piece.length();
            reset();
            throw new IkeFragmentRejectedException(Reason.LIMIT_EXCEEDED, "reassembled bytes: at least " + size
                    + " (expected: <= " + limits.maxMessageBytes() + ")");
        }
        pieces[skf.fragmentNumber() - 1] = piece;
        bytes += piece.length();
        received++;
        if (skf.fragmentNumber() == 1) {
            firstPayloadType = skf.firstPayloadType();
        }
        return received == total ? Optional.of(complete()) : Optional.empty();
    }

    /** Returns whether a message is in progress (some but not all fragments kept). */
    public boolean inProgress() {
        return header != null;
    }

    /** Discards the message in progress, if any. */
    public void reset() {
        if (pieces != null) {
            Arrays.fill(pieces, null);
        }
        header = null;
        pieces = null;
        total = 0;
        received = 0;
        bytes = 0;
        firstPayloadType = null;
    }

    private void start(IkeHeader h, int totalFragments, long now) {
        reset();
        header = h;
        total = totalFragments;
        pieces = new Bytes[totalFragments];
        startNanos = now;
    }

    private IkeMessage complete() throws IkeErrorNotifyException {
        byte[] plain = new byte[(int) bytes];
        int at = 0;
        for (Bytes p : pieces) {
            p.copyTo(plain, at);
            at += p.length();
        }
        IkeHeader h = header;
        IkePayloadType first = firstPayloadType;
        reset();
        try {
            List<IkePayload> payloads = decoder.decodePayloads(first, Unpooled.wrappedBuffer(plain), true);
            return new IkeMessage(h, payloads);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "IkeReassembler[" + limits + (header == null ? "" : ", " + received + "/" + total + " fragments of "
                + "message " + header.messageId()) + "]";
    }
}
