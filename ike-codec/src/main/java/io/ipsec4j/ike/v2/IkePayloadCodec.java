package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.Map;

/** Type dispatch and the generic payload header, shared by the message decoder and encoder. */
final class IkePayloadCodec {
    /** Bit 7 of the second header byte: the Critical bit (RFC 7296 §3.2). */
    static final int CRITICAL = 0x80;

    private IkePayloadCodec() {}

    /** One payload read from a chain, with the Next Payload field that followed it. */
    record Decoded(IkePayload payload, IkePayloadType next) {}

    /** Decodes the body of one payload type; {@code next} is the Next Payload field that came with it. */
    @FunctionalInterface
    private interface BodyDecoder {
        IkePayload decode(IkePayloadType next, ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException;
    }

    /** The payload types decoded into their own class: the one place that maps a type to its codec. */
    private static final Map<IkePayloadType, BodyDecoder> DECODERS = Map.ofEntries(
            Map.entry(IkePayloadType.SA, (next, body, limits) -> IkeSaPayload.decode(body, limits)),
            Map.entry(IkePayloadType.KE, (next, body, limits) -> IkeKePayload.decode(body)),
            Map.entry(IkePayloadType.ID_INITIATOR, (next, body, limits) -> IkeIdPayload.decode(true, body)),
            Map.entry(IkePayloadType.ID_RESPONDER, (next, body, limits) -> IkeIdPayload.decode(false, body)),
            Map.entry(IkePayloadType.CERT, (next, body, limits) -> IkeCertPayload.decode(body)),
            Map.entry(IkePayloadType.CERTREQ, (next, body, limits) -> IkeCertReqPayload.decode(body)),
            Map.entry(IkePayloadType.AUTH, (next, body, limits) -> IkeAuthPayload.decode(body)),
            Map.entry(IkePayloadType.NONCE, (next, body, limits) -> IkeNoncePayload.decode(body)),
            Map.entry(IkePayloadType.NOTIFY, (next, body, limits) -> IkeNotifyPayload.decode(body)),
            Map.entry(IkePayloadType.DELETE, (next, body, limits) -> IkeDeletePayload.decode(body)),
            Map.entry(IkePayloadType.VENDOR_ID, (next, body, limits) -> IkeVendorPayload.decode(body)),
            Map.entry(IkePayloadType.TS_INITIATOR, (next, body, limits) -> IkeTsPayload.decode(true, body, limits)),
            Map.entry(IkePayloadType.TS_RESPONDER, (next, body, limits) -> IkeTsPayload.decode(false, body, limits)),
            Map.entry(IkePayloadType.ENCRYPTED, (next, body, limits) -> IkeSkPayload.decode(next, body)),
            Map.entry(IkePayloadType.CONFIGURATION, (next, body, limits) -> IkeConfigPayload.decode(body, limits)),
            Map.entry(IkePayloadType.EAP, (next, body, limits) -> IkeEapPayload.decode(body)),
            Map.entry(IkePayloadType.ENCRYPTED_FRAGMENT, (next, body, limits) -> IkeSkfPayload.decode(next, body)));

    /** Returns the Next Payload field of the generic header at the reader index (at least 1 byte readable). */
    static int nextCode(ByteBuf in) {
        return in.getUnsignedByte(in.readerIndex());
    }

    /** Returns {@code true} for the types this codec decodes into their own class. */
    static boolean isDecoded(IkePayloadType type) {
        return DECODERS.containsKey(type);
    }

    /**
     * Reads one payload of {@code type} (generic header included) from {@code in}. An unknown type is
     * returned as {@link IkeUnknownPayload}, critical or not; the caller applies the policy.
     */
    static Decoded decodeOne(IkePayloadType type, ByteBuf in, IkeDecoderLimits limits)
            throws InvalidSyntaxException {
        IkePayloadType next = in.isReadable() ? IkePayloadType.valueOf(in.getUnsignedByte(in.readerIndex())) : null;
        return new Decoded(decodePayload(type, in, limits), next);
    }

    /**
     * Like {@link #decodeOne} without the pair: the message loop reads the Next Payload field from
     * the generic header itself ({@link #nextCode}), so a payload costs no extra object.
     */
    static IkePayload decodePayload(IkePayloadType type, ByteBuf in, IkeDecoderLimits limits)
            throws InvalidSyntaxException {
        if (in.readableBytes() < IkeWire.GENERIC_HEADER_LENGTH) {
            throw IkeWire.syntax("%s payload header: %d bytes left (expected: >= %d)", type, in.readableBytes(),
                    IkeWire.GENERIC_HEADER_LENGTH);
        }
        IkePayloadType next = IkePayloadType.valueOf(in.readUnsignedByte());
        boolean critical = (in.readUnsignedByte() & CRITICAL) != 0;
        int length = in.readUnsignedShort();
        if (length < IkeWire.GENERIC_HEADER_LENGTH) {
            throw IkeWire.syntax("%s payload length: %d (expected: >= 4)", type, length);
        }
        if (length - IkeWire.GENERIC_HEADER_LENGTH > in.readableBytes()) {
            throw IkeWire.syntax("%s payload length: %d (expected: <= %d)", type, length,
                    in.readableBytes() + IkeWire.GENERIC_HEADER_LENGTH);
        }
        int limit = IkeWire.fence(in, length - IkeWire.GENERIC_HEADER_LENGTH); // no slice per payload
        try {
            return decodeBody(type, next, critical, in, limits);
        } finally {
            in.writerIndex(limit);
        }
    }

    /** Decodes a body fenced to the payload length; the body must be consumed exactly. */
    static IkePayload decodeBody(IkePayloadType type, IkePayloadType next, boolean critical, ByteBuf body,
            IkeDecoderLimits limits) throws InvalidSyntaxException {
        try {
            IkePayload payload = decodeTyped(type, next, critical, body, limits);
            IkeWire.requireEnd(body, type);
            return payload;
        } catch (IllegalArgumentException e) {
            // The records validate their fields in their constructors; on the wire a violation is a
            // syntax error, with the same message.
            throw IkeWire.syntax(e, "%s payload: %s", type, e.getMessage());
        }
    }

    private static IkePayload decodeTyped(IkePayloadType type, IkePayloadType next, boolean critical,
            ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException {
        BodyDecoder decoder = DECODERS.get(type);
        if (decoder != null) {
            return decoder.decode(next, body, limits);
        }
        if (type.equals(IkePayloadType.NO_NEXT_PAYLOAD)) {
            throw IkeWire.syntax("payload type: %s (expected: a payload)", type);
        }
        return new IkeUnknownPayload(type, critical, IkeWire.readRemaining(body));
    }

    /** Returns the Next Payload field that {@code payload} carries when {@code next} follows it. */
    static int nextField(IkePayload payload, IkePayloadType next) {
        if (payload instanceof IkeSkPayload sk) {
            return sk.firstPayloadType().code();
        }
        if (payload instanceof IkeSkfPayload skf) {
            return skf.firstPayloadType().code();
        }
        return next.code();
    }

    /**
     * Returns the encoded length of {@code payload}, generic header included.
     *
     * @throws IllegalArgumentException if it does not fit the two-byte Payload Length
     */
    static int encodedLength(IkePayload payload) {
        int length = IkeWire.GENERIC_HEADER_LENGTH + payload.bodyLength();
        if (length > IkeWire.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException(payload.type() + " payload length: " + length
                    + " (expected: <= " + IkeWire.MAX_PAYLOAD_LENGTH + ")");
        }
        return length;
    }

    /** Writes the generic header and the body. */
    static void encode(IkePayload payload, IkePayloadType next, ByteBuf out) {
        int length = encodedLength(payload);
        out.writeByte(nextField(payload, next));
        out.writeByte(payload.isCritical() ? CRITICAL : 0);
        out.writeShort(length);
        int start = out.writerIndex();
        payload.encodeBody(out);
        if (out.writerIndex() - start != length - IkeWire.GENERIC_HEADER_LENGTH) {
            throw new IllegalStateException(payload.type() + " body: wrote " + (out.writerIndex() - start)
                    + " bytes (expected: " + (length - IkeWire.GENERIC_HEADER_LENGTH) + ")");
        }
    }
}
