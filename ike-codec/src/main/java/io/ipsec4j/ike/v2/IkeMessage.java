package io.ipsec4j.ike.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IKEv2 message: the header and the payload chain, in order.
 *
 * <p>A protected message usually has a single {@link IkeSkPayload} (or {@link IkeSkfPayload}) whose
 * content is decrypted elsewhere and decoded with
 * {@link IkeMessageDecoder#decodePayloads(IkePayloadType, io.netty.buffer.ByteBuf, boolean)}. At most
 * one SK or SKF payload may appear, and it must be the last (RFC 7296 §3.14); other payload types
 * repeat only where RFC 7296 allows it. {@link #idInitiator()} and {@link #idResponder()} tell IDi
 * from IDr, which {@code payload(IkeIdPayload.class)} does not. Immutable and thread-safe.
 *
 * @param header the header
 * @param payloads the payloads, in wire order
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3">RFC 7296 §3</a>
 */
public record IkeMessage(IkeHeader header, List<IkePayload> payloads) {

    /**
     * Validates the position of an SK or SKF payload and that only CERT, CERTREQ, NOTIFY, DELETE,
     * VENDOR_ID and unknown payload types repeat, the rules {@link IkeMessageDecoder} enforces.
     */
    public IkeMessage {
        Objects.requireNonNull(header, "header");
        payloads = List.copyOf(payloads);
        IkePayloadTypeSet seen = new IkePayloadTypeSet();
        for (IkePayload p : payloads) {
            if (!(p instanceof IkeUnknownPayload) && !p.type().isRepeatable() && !seen.add(p.type())) {
                throw new IllegalArgumentException("repeated " + p.type() + " payload (expected: at most one)");
            }
        }
        for (int i = 0; i < payloads.size() - 1; i++) {
            IkePayload p = payloads.get(i);
            if (p instanceof IkeSkPayload || p instanceof IkeSkfPayload) {
                throw new IllegalArgumentException(p.type() + " payload at position " + i + " of "
                        + payloads.size() + " (expected: last)");
            }
        }
    }

    /** Returns the type of the first payload (the header's Next Payload), or NO_NEXT_PAYLOAD. */
    public IkePayloadType firstPayloadType() {
        return payloads.isEmpty() ? IkePayloadType.NO_NEXT_PAYLOAD : payloads.get(0).type();
    }

    /** Returns the payloads of class {@code type}, in order. */
    public <T extends IkePayload> List<T> payloads(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (IkePayload p : payloads) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return List.copyOf(out);
    }

    /** Returns the first payload of class {@code type}. */
    public <T extends IkePayload> Optional<T> payload(Class<T> type) {
        for (IkePayload p : payloads) {
            if (type.isInstance(p)) {
                return Optional.of(type.cast(p));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the IDi payload. {@code payload(IkeIdPayload.class)} returns IDi or IDr, whichever
     * comes first; this and {@link #idResponder()} tell them apart.
     */
    public Optional<IkeIdPayload> idInitiator() {
        return id(true);
    }

    /** Returns the IDr payload. */
    public Optional<IkeIdPayload> idResponder() {
        return id(false);
    }

    /** Returns the TSi payload (the initiator's traffic selectors). */
    public Optional<IkeTsPayload> tsInitiator() {
        return ts(true);
    }

    /** Returns the TSr payload (the responder's traffic selectors). */
    public Optional<IkeTsPayload> tsResponder() {
        return ts(false);
    }

    private Optional<IkeIdPayload> id(boolean initiator) {
        for (IkePayload p : payloads) {
            if (p instanceof IkeIdPayload id && id.initiator() == initiator) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private Optional<IkeTsPayload> ts(boolean initiator) {
        for (IkePayload p : payloads) {
            if (p instanceof IkeTsPayload ts && ts.initiator() == initiator) {
                return Optional.of(ts);
            }
        }
        return Optional.empty();
    }

    /** Returns the first Notify of {@code type}. */
    public Optional<IkeNotifyPayload> notify(IkeNotifyType type) {
        for (IkeNotifyPayload n : payloads(IkeNotifyPayload.class)) {
            if (n.notifyType().equals(type)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
