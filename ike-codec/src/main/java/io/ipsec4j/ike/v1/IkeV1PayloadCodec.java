package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;

/** Type dispatch and the generic payload header, shared by the IKEv1 message decoder and encoder. */
final class IkeV1PayloadCodec {
    private IkeV1PayloadCodec() {}

    /** One payload read from a chain, with the Next Payload field that preceded its body. */
    record Decoded(IkeV1Payload payload, IkeV1PayloadType next) {}

    /** Returns {@code true} for the types decoded into their own class. */
    static boolean isDecoded(IkeV1PayloadType type) {
        int c = type.code();
        return c == 1 || c >= 4 && c <= 14 || c == 20 || c == 21 || c >= 130 && c <= 132;
    }

    /** Reads one payload of {@code type}, generic header included. */
    static Decoded decodeOne(IkeV1PayloadType type, ByteBuf in, IkeDecoderLimits limits)
            throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(in, IkeV1Wire.GENERIC_HEADER_LENGTH, type + " payload header");
        IkeV1PayloadType next = IkeV1PayloadType.valueOf(in.readUnsignedByte());
        in.skipBytes(1);
        int length = in.readUnsignedShort();
        if (length < IkeV1Wire.GENERIC_HEADER_LENGTH) {
            throw IkeV1Wire.malformed("%s payload length: %d (expected: >= 4)", type, length);
        }
        if (length - IkeV1Wire.GENERIC_HEADER_LENGTH > in.readableBytes()) {
            throw IkeV1Wire.malformed("%s payload length: %d (expected: <= %d)", type, length,
                    in.readableBytes() + IkeV1Wire.GENERIC_HEADER_LENGTH);
        }
        ByteBuf body = in.readSlice(length - IkeV1Wire.GENERIC_HEADER_LENGTH);
        IkeV1Payload payload;
        try {
            payload = decodeTyped(type, body, limits);
        } catch (IllegalArgumentException e) {
            throw IkeV1Wire.malformed("%s payload: %s", type, e.getMessage());
        }
        if (body.isReadable()) {
            throw IkeV1Wire.malformed("%s payload: %d trailing bytes (expected: 0)", type, body.readableBytes());
        }
        return new Decoded(payload, next);
    }

    private static IkeV1Payload decodeTyped(IkeV1PayloadType type, ByteBuf body, IkeDecoderLimits limits)
            throws IkeV1PayloadMalformedException {
        switch (type.code()) {
            case 1:
                return IkeV1SaPayload.decode(body, limits);
            case 4:
                return IkeV1KePayload.decode(body);
            case 5:
                return IkeV1IdPayload.decode(body);
            case 6:
                return IkeV1CertPayload.decode(body);
            case 7:
                return IkeV1CertRequestPayload.decode(body);
            case 8:
                return IkeV1HashPayload.decode(body);
            case 9:
                return IkeV1SignaturePayload.decode(body);
            case 10:
                return IkeV1NoncePayload.decode(body);
            case 11:
                return IkeV1NotificationPayload.decode(body);
            case 12:
                return IkeV1DeletePayload.decode(body);
            case 13:
                return IkeV1VendorIdPayload.decode(body);
            case 14:
                return IkeV1AttributePayload.decode(body, limits);
            case 20:
            case 130:
                return new IkeV1NatDPayload(type, IkeV1Wire.readRemaining(body));
            case 21:
            case 131:
                return IkeV1NatOaPayload.decode(type, body);
            case 132:
                return IkeV1FragmentPayload.decode(body);
            default:
                return new IkeV1UnknownPayload(type, IkeV1Wire.readRemaining(body));
        }
    }

    static int encodedLength(IkeV1Payload payload) {
        int length = IkeV1Wire.GENERIC_HEADER_LENGTH + payload.bodyLength();
        if (length > IkeV1Wire.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException(payload.type() + " payload length: " + length
                    + " (expected: <= " + IkeV1Wire.MAX_PAYLOAD_LENGTH + ")");
        }
        return length;
    }

    static void encode(IkeV1Payload payload, IkeV1PayloadType next, ByteBuf out) {
        int length = encodedLength(payload);
        out.writeByte(next.code());
        out.writeByte(0);
        out.writeShort(length);
        int start = out.writerIndex();
        payload.encodeBody(out);
        if (out.writerIndex() - start != length - IkeV1Wire.GENERIC_HEADER_LENGTH) {
            throw new IllegalStateException(payload.type() + " body: wrote " + (out.writerIndex() - start)
                    + " bytes (expected: " + (length - IkeV1Wire.GENERIC_HEADER_LENGTH) + ")");
        }
    }
}
