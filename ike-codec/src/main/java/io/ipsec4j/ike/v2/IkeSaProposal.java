package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;

/**
 * One proposal of an SA payload: a number, a protocol, an SPI and the transforms offered.
 *
 * <p>On the wire: Last Substruc (0 for the last proposal, 2 otherwise), a reserved byte, the
 * Proposal Length, Proposal Num, Protocol ID, SPI Size, Num Transforms, the SPI and the transforms.
 * The SPI size follows the protocol: none (IKE_SA_INIT) or 8 bytes (rekeying) for IKE, 4 bytes for
 * AH and ESP; other protocols are kept as they come. Conversion to and from the model's proposals
 * is in {@link IkeSaProposals}.
 *
 * @param number the Proposal Num (the first proposal is 1)
 * @param protocol the Protocol ID
 * @param spi the SPI
 * @param transforms the transforms, 0–255
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3.1">RFC 7296 §3.3.1</a>
 */
public record IkeSaProposal(int number, IkeProtocolId protocol, Bytes spi, List<IkeTransform> transforms) {
    /** The Last Substruc value of a proposal that is followed by another (RFC 7296 §3.3.1). */
    static final int MORE = 2;

    /** Validates the number, the SPI size for the protocol and the transform count. */
    public IkeSaProposal {
        IkeWire.checkRange(number, "proposal number", 0, 255);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(spi, "spi");
        transforms = List.copyOf(transforms);
        String expected = protocol.equals(IkeProtocolId.IKE)
                ? (spi.length() == 0 || spi.length() == 8 ? null : "0 or 8")
                : protocol.equals(IkeProtocolId.AH) || protocol.equals(IkeProtocolId.ESP)
                        ? (spi.length() == 4 ? null : "4") : null;
        if (expected != null) {
            throw new IllegalArgumentException(
                    "SPI size of a " + protocol + " proposal: " + spi.length() + " (expected: " + expected + ")");
        }
        IkeWire.checkLength(spi, "SPI", 255);
        IkeWire.checkRange(transforms.size(), "number of transforms", 0, 255);
        IkeWire.checkRange(encodedLength(spi, transforms), "proposal length", 8, IkeWire.MAX_BODY_LENGTH);
    }

    static IkeSaProposal decode(ByteBuf in, IkeDecoderLimits limits) throws InvalidSyntaxException {
        IkeWire.require(in, 8, "proposal");
        int lastSubstruc = in.readUnsignedByte();
        in.skipBytes(1); // RESERVED
        int length = in.readUnsignedShort();
        if (length < 8) {
            throw IkeWire.syntax("proposal length: %d (expected: >= 8)", length);
        }
        IkeWire.require(in, length - 4, "proposal");
        boolean last = in.readableBytes() == length - 4;
        if (lastSubstruc != (last ? 0 : MORE)) {
            throw IkeWire.syntax("proposal last substruc: %d (expected: %d)", lastSubstruc, last ? 0 : MORE);
        }
        int limit = IkeWire.fence(in, length - 4); // no slice per proposal
        try {
            return decodeBody(in, limits);
        } finally {
            in.writerIndex(limit);
        }
    }

    private static IkeSaProposal decodeBody(ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException {
        int number = body.readUnsignedByte();
        IkeProtocolId protocol = IkeProtocolId.valueOf(body.readUnsignedByte());
        int spiSize = body.readUnsignedByte();
        int count = body.readUnsignedByte();
        if (count > limits.maxTransforms()) {
            throw IkeWire.syntax("number of transforms: %d (expected: <= %d)", count, limits.maxTransforms());
        }
        Bytes spi = IkeWire.readBytes(body, spiSize, "proposal SPI");
        IkeTransform[] transforms = new IkeTransform[count];
        for (int i = 0; i < count; i++) {
            transforms[i] = IkeTransform.decode(body, i == count - 1, limits);
        }
        IkeWire.requireEnd(body, "proposal");
        return new IkeSaProposal(number, protocol, spi, List.of(transforms)); // immutable: not copied again
    }

    /**
     * Returns the SPI of an ESP or AH proposal as the {@code int} of {@code EspSa.spi()}
     * ({@link IkeSpi#toChild}).
     *
     * @throws IllegalArgumentException if the SPI is not 4 bytes
     */
    public int childSpi() {
        return IkeSpi.toChild(spi);
    }

    /**
     * Returns the SPI of an IKE proposal (rekeying) as the {@code long} of {@link IkeHeader}
     * ({@link IkeSpi#toIke}).
     *
     * @throws IllegalArgumentException if the SPI is not 8 bytes (IKE_SA_INIT proposals have none)
     */
    public long ikeSpi() {
        return IkeSpi.toIke(spi);
    }

    int encodedLength() {
        return encodedLength(spi, transforms);
    }

    private static int encodedLength(Bytes spi, List<IkeTransform> transforms) {
        int length = 8 + spi.length();
        for (int i = 0; i < transforms.size(); i++) { // indexed: no iterator per call
            length += transforms.get(i).encodedLength();
        }
        return length;
    }

    void encode(ByteBuf out, boolean last) {
        out.writeByte(last ? 0 : MORE);
        out.writeByte(0);
        out.writeShort(encodedLength());
        out.writeByte(number);
        out.writeByte(protocol.code());
        out.writeByte(spi.length());
        out.writeByte(transforms.size());
        IkeWire.writeBytes(out, spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).encode(out, i == transforms.size() - 1);
        }
    }
}
