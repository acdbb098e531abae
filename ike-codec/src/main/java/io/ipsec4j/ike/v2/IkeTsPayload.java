package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.TrafficSelector;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The IKEv2 Traffic Selector payload, TSi (initiator) or TSr (responder).
 *
 * <p>The body is the one-byte Number of TSs, three reserved bytes and the selectors. A TS payload
 * carries at least one selector; the sender offers the union of them (RFC 7296 §2.9).
 *
 * @param initiator {@code true} for TSi, {@code false} for TSr
 * @param selectors the selectors, 1–255
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.13">RFC 7296 §3.13</a>
 */
public record IkeTsPayload(boolean initiator, List<IkeTrafficSelector> selectors) implements IkePayload {

    /** Validates the number of selectors and the length. */
    public IkeTsPayload {
        selectors = List.copyOf(selectors);
        IkeWire.checkRange(selectors.size(), "number of traffic selectors", 1, 255);
        IkeWire.checkRange(bodyLength(selectors), "TS payload body length", 4, IkeWire.MAX_BODY_LENGTH);
    }

    private static int bodyLength(List<IkeTrafficSelector> selectors) {
        int length = 4;
        for (IkeTrafficSelector s : selectors) {
            length += s.encodedLength();
        }
        return length;
    }

    /** Returns the TS payload for model selectors. */
    public static IkeTsPayload of(boolean initiator, List<TrafficSelector> selectors) {
        List<IkeTrafficSelector> wire = new ArrayList<>();
        for (TrafficSelector s : selectors) {
            wire.add(IkeTrafficSelector.of(s));
        }
        return new IkeTsPayload(initiator, wire);
    }

    static IkeTsPayload decode(boolean initiator, ByteBuf body, IkeDecoderLimits limits)
            throws InvalidSyntaxException {
        IkeWire.require(body, 4, "TS payload");
        int count = body.readUnsignedByte();
        body.skipBytes(3); // RESERVED
        if (count == 0 || count > limits.maxTrafficSelectors()) {
            throw IkeWire.syntax("number of traffic selectors: %d (expected: 1-%d)", count,
                    limits.maxTrafficSelectors());
        }
        List<IkeTrafficSelector> selectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            selectors.add(IkeTrafficSelector.decode(body));
        }
        IkeWire.requireEnd(body, "TS payload");
        return new IkeTsPayload(initiator, selectors);
    }

    /**
     * Returns the selectors as model selectors, with those the model cannot express kept apart
     * (see {@link IkeTrafficSelector#toTrafficSelector()}), never dropped.
     */
    public IkeTsConversion toTrafficSelectors() {
        List<TrafficSelector> expressed = new ArrayList<>();
        List<IkeTrafficSelector> inexpressible = new ArrayList<>();
        for (IkeTrafficSelector s : selectors) {
            s.toTrafficSelector().ifPresentOrElse(expressed::add, () -> inexpressible.add(s));
        }
        return new IkeTsConversion(expressed, inexpressible);
    }

    @Override
    public IkePayloadType type() {
        return initiator ? IkePayloadType.TS_INITIATOR : IkePayloadType.TS_RESPONDER;
    }

    @Override
    public int bodyLength() {
        return bodyLength(selectors);
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(selectors.size());
        out.writeMedium(0);
        for (IkeTrafficSelector s : selectors) {
            s.encode(out);
        }
    }
}
