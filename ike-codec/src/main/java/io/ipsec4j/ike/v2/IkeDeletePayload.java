package io.ipsec4j.ike.v2;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The IKEv2 Delete payload: the SAs the sender is deleting.
 *
 * <p>The body is the Protocol ID, the SPI Size, the two-byte Num of SPIs and the SPIs. Deleting the
 * IKE SA carries protocol IKE, SPI size 0 and no SPIs (the SPIs are in the header); deleting Child
 * SAs carries protocol AH or ESP, SPI size 4 and the sender's inbound SPIs (RFC 7296 §3.11).
 *
 * @param protocol the Protocol ID
 * @param spiSize the SPI Size (kept even when no SPI follows)
 * @param spis the SPIs, each {@code spiSize} bytes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.11">RFC 7296 §3.11</a>
 */
public record IkeDeletePayload(IkeProtocolId protocol, int spiSize, List<Bytes> spis) implements IkePayload {

    /** Validates the SPI sizes: 0 for IKE, 4 for AH and ESP, each SPI of the given size. */
    public IkeDeletePayload {
        Objects.requireNonNull(protocol, "protocol");
        spis = List.copyOf(spis);
        IkeWire.checkRange(spiSize, "SPI size", 0, 255);
        int expected = protocol.equals(IkeProtocolId.IKE) ? 0
                : protocol.equals(IkeProtocolId.AH) || protocol.equals(IkeProtocolId.ESP) ? 4 : spiSize;
        if (spiSize != expected) {
            throw new IllegalArgumentException(
                    "SPI size of a " + protocol + " delete: " + spiSize + " (expected: " + expected + ")");
        }
        if (spiSize == 0 && !spis.isEmpty()) {
            throw new IllegalArgumentException(
                    protocol + " delete with " + spis.size() + " SPIs of size 0 (expected: none)");
        }
        for (Bytes spi : spis) {
            if (spi.length() != spiSize) {
                throw new IllegalArgumentException("SPI length: " + spi.length() + " (expected: " + spiSize + ")");
            }
        }
        if (spis.size() > 0xFFFF || 4 + spis.size() * spiSize > IkeWire.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("SPIs: " + spis.size() + " (too many for one payload)");
        }
    }

    /** Returns the Delete for the IKE SA of the message. */
    public static IkeDeletePayload ikeSa() {
        return new IkeDeletePayload(IkeProtocolId.IKE, 0, List.of());
    }

    /** Returns the Delete for the ESP SAs with the sender's inbound {@code spis}. */
    public static IkeDeletePayload esp(List<Bytes> spis) {
        return new IkeDeletePayload(IkeProtocolId.ESP, 4, spis);
    }

    /** Returns the Delete for the ESP SAs with the sender's inbound SPIs, as {@code EspSa.spi()} gives them. */
    public static IkeDeletePayload espSpis(int... spis) {
        List<Bytes> wire = new ArrayList<>(spis.length);
        for (int spi : spis) {
            wire.add(IkeSpi.ofChild(spi));
        }
        return esp(wire);
    }

    /**
     * Returns the 4-byte SPIs of an ESP or AH Delete as {@code int}s ({@link IkeSpi#toChild}).
     *
     * @throws IllegalStateException for an IKE SA Delete (no SPIs) or another SPI size
     */
    public int[] childSpis() {
        if (spiSize != IkeSpi.CHILD_SPI_BYTES) {
            throw new IllegalStateException(protocol + " Delete with SPI size " + spiSize + " (expected: 4)");
        }
        int[] out = new int[spis.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = IkeSpi.toChild(spis.get(i));
        }
        return out;
    }

    static IkeDeletePayload decode(ByteBuf body) throws InvalidSyntaxException {
        IkeWire.require(body, 4, "Delete payload");
        IkeProtocolId protocol = IkeProtocolId.valueOf(body.readUnsignedByte());
        int spiSize = body.readUnsignedByte();
        int count = body.readUnsignedShort();
        if ((long) count * spiSize != body.readableBytes()) {
            throw IkeWire.syntax("Delete payload with %d SPIs of %d bytes: %d bytes left (expected: %d)",
                    count, spiSize, body.readableBytes(), (long) count * spiSize);
        }
        if (spiSize == 0 && count > 0) {
            // Zero-length SPIs would make the count meaningless and the list unbounded.
            throw IkeWire.syntax("Delete payload: %d SPIs of size 0 (expected: none)", count);
        }
        List<Bytes> spis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spis.add(IkeWire.readBytes(body, spiSize, "Delete SPI"));
        }
        return new IkeDeletePayload(protocol, spiSize, spis);
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.DELETE;
    }

    @Override
    public int bodyLength() {
        return 4 + spis.size() * spiSize;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeByte(protocol.code());
        out.writeByte(spiSize);
        out.writeShort(spis.size());
        for (Bytes spi : spis) {
            IkeWire.writeBytes(out, spi);
        }
    }
}
