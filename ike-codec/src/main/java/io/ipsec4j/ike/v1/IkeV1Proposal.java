package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ISAKMP Proposal payload: a protocol, its SPI and the transforms offered for it.
 *
 * <p>The transforms of one proposal are alternatives (the responder picks one); proposals with the
 * same number are a conjunction (e.g. AH and ESP), different numbers alternatives. Phase 1
 * proposals have protocol PROTO_ISAKMP and usually no SPI; phase 2 ones PROTO_IPSEC_ESP and a
 * 4-byte SPI. A proposal sits inside an SA payload with its own generic header (Next Payload 2 or 0).
 *
 * @param number the Proposal #
 * @param protocolId the Protocol-Id (RFC 2407 §4.4.1)
 * @param spi the SPI (0-255 bytes)
 * @param transforms the transforms, at least one
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.5">RFC 2408 §3.5</a>
 */
public record IkeV1Proposal(int number, int protocolId, Bytes spi, List<IkeV1Transform> transforms) {
    /** Proposal #, Protocol-Id, SPI Size, # of Transforms. */
    private static final int FIXED = 4;

    /** Validates the ranges. */
    public IkeV1Proposal {
        IkeV1Wire.checkRange(number, "proposal number", 0, 255);
        IkeV1Wire.checkRange(protocolId, "protocol id", 0, 255);
        IkeV1Wire.checkLength(spi, "spi", 255);
        transforms = List.copyOf(transforms);
        IkeV1Wire.checkRange(transforms.size(), "transforms", 1, 255);
    }

    int encodedLength() {
        int n = IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED + spi.length();
        for (IkeV1Transform t : transforms) {
            n += t.encodedLength();
        }
        return n;
    }

    void encode(boolean last, ByteBuf out) {
        int length = encodedLength();
        if (length > IkeV1Wire.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("proposal length: " + length + " (expected: <= 65535)");
        }
        out.writeByte(last ? 0 : IkeV1PayloadType.PROPOSAL.code());
        out.writeByte(0);
        out.writeShort(length);
        out.writeByte(number);
        out.writeByte(protocolId);
        out.writeByte(spi.length());
        out.writeByte(transforms.size());
        IkeV1Wire.writeBytes(out, spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).encode(i == transforms.size() - 1, out);
        }
    }

    /** Reads one proposal; returns it with whether it was the last (Next Payload 0). */
    static Decoded decode(ByteBuf in, IkeDecoderLimits limits) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(in, IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED, "proposal");
        int next = in.readUnsignedByte();
        if (next != 0 && next != IkeV1PayloadType.PROPOSAL.code()) {
            throw IkeV1Wire.malformed("proposal next payload: %d (expected: 0 or 2)", next);
        }
        in.skipBytes(1);
        int length = in.readUnsignedShort();
        if (length < IkeV1Wire.GENERIC_HEADER_LENGTH + FIXED || length - 4 > in.readableBytes()) {
            throw IkeV1Wire.malformed("proposal length: %d (expected: 8-%d)", length, in.readableBytes() + 4);
        }
        ByteBuf body = in.readSlice(length - IkeV1Wire.GENERIC_HEADER_LENGTH);
        int number = body.readUnsignedByte();
        int protocol = body.readUnsignedByte();
        int spiSize = body.readUnsignedByte();
        int count = body.readUnsignedByte();
        if (count == 0 || count > limits.maxTransforms()) {
            throw IkeV1Wire.malformed("proposal transforms: %d (expected: 1-%d)", count, limits.maxTransforms());
        }
        Bytes spi = IkeV1Wire.readBytes(body, spiSize, "proposal spi");
        List<IkeV1Transform> transforms = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            transforms.add(IkeV1Transform.decode(body, i == count - 1, limits));
        }
        if (body.isReadable()) {
            throw IkeV1Wire.malformed("proposal: %d bytes after the last transform (expected: 0)", body.readableBytes());
        }
        return new Decoded(new IkeV1Proposal(number, protocol, spi, transforms), next == 0);
    }

    record Decoded(IkeV1Proposal proposal, boolean last) {
        Decoded {
            Objects.requireNonNull(proposal);
        }
    }
}
