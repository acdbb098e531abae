package io.ipsec4j.ike.v1;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An ISAKMP Delete payload: SAs of one protocol the sender has deleted.
 *
 * <p>An ISAKMP SA is named by its two cookies (SPI size 16), an ESP SA by its 4-byte inbound SPI.
 *
 * @param doi the Domain of Interpretation
 * @param protocolId the Protocol-Id
 * @param spiSize the SPI Size
 * @param spis the SPIs, each {@code spiSize} bytes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.15">RFC 2408 §3.15</a>
 */
public record IkeV1DeletePayload(long doi, int protocolId, int spiSize, List<Bytes> spis) implements IkeV1Payload {
    /** DOI, Protocol-Id, SPI Size, # of SPIs. */
    private static final int FIXED = 8;

    /** Validates the ranges and that every SPI has {@code spiSize} bytes. */
    public IkeV1DeletePayload {
        IkeV1Wire.checkUnsignedInt(doi, "doi");
        IkeV1Wire.checkRange(protocolId, "protocol id", 0, 255);
        IkeV1Wire.checkRange(spiSize, "spi size", 0, 255);
        spis = List.copyOf(spis);
        IkeV1Wire.checkRange(spis.size(), "spis", 0, 0xFFFF);
        for (Bytes spi : spis) {
            if (spi.length() != spiSize) {
                throw new IllegalArgumentException("spi length: " + spi.length() + " (expected: " + spiSize + ")");
            }
        }
        if (spiSize == 0 && !spis.isEmpty()) {
            throw new IllegalArgumentException("spis: " + spis.size() + " of 0 bytes (expected: spi size > 0)");
        }
        if (FIXED + (long) spiSize * spis.size() > IkeV1Wire.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("delete payload: too many spis");
        }
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.DELETE;
    }

    @Override
    public int bodyLength() {
        return FIXED + spiSize * spis.size();
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt((int) doi);
        out.writeByte(protocolId);
        out.writeByte(spiSize);
        out.writeShort(spis.size());
        for (Bytes spi : spis) {
            IkeV1Wire.writeBytes(out, spi);
        }
    }

    static IkeV1DeletePayload decode(ByteBuf body) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, FIXED, "delete");
        long doi = body.readUnsignedInt();
        int protocol = body.readUnsignedByte();
        int spiSize = body.readUnsignedByte();
        int count = body.readUnsignedShort();
        // Bounded by the body before allocating: count * spiSize bytes must be there.
        if ((long) count * spiSize != body.readableBytes()) {
            throw IkeV1Wire.malformed("delete: %d spis of %d bytes in %d bytes", count, spiSize, body.readableBytes());
        }
        if (spiSize == 0 && count > 0) {
            throw IkeV1Wire.malformed("delete: %d spis of 0 bytes (expected: spi size > 0)", count);
        }
        List<Bytes> spis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spis.add(IkeV1Wire.readBytes(body, spiSize, "delete spi"));
        }
        return new IkeV1DeletePayload(doi, protocol, spiSize, spis);
    }
}
