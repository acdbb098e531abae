package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.ipsec4j.ike.IkeProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;

/** Test helper: decode one wire structure of a given kind and encode it again. */
final class VectorCodec {
    static final HexFormat HEX = HexFormat.of();
    static final IkeDecoderLimits LIMITS = IkeDecoderLimits.DEFAULT;

    /** What a vector holds. */
    enum Kind {
        /** A payload with its generic header. */
        PAYLOAD,
        /** A payload body, without the generic header. */
        BODY,
        /** The proposals of an SA payload body. */
        SA_BODY,
        /** One transform substructure. */
        TRANSFORM,
        /** One transform attribute. */
        ATTRIBUTE,
        /** A payload chain. */
        CHAIN,
        /** A whole message. */
        MESSAGE,
        /** Not a wire structure of this codec (hashes, keys, ciphertext, IP packets, headers alone). */
        DATA
    }

    private VectorCodec() {}

    static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(HEX.parseHex(hex));
    }

    static String hex(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        buf.release();
        return HEX.formatHex(b);
    }

    static IkeMessage message(String hex) throws IkeProtocolException {
        return new IkeMessageDecoder().decode(buf(hex));
    }

    static String encode(IkeMessage m) {
        return IkeMessageEncoder.encodeToBytes(m).toHex();
    }

    static IkePayloadCodec.Decoded payload(IkePayloadType type, String hex) throws IkeErrorNotifyException {
        ByteBuf in = buf(hex);
        IkePayloadCodec.Decoded d = IkePayloadCodec.decodeOne(type, in, LIMITS);
        if (in.isReadable()) {
            throw new AssertionError(in.readableBytes() + " bytes left after " + type);
        }
        return d;
    }

    static IkePayload body(IkePayloadType type, String hex) throws IkeErrorNotifyException {
        return IkePayloadCodec.decodeBody(type, IkePayloadType.NO_NEXT_PAYLOAD, false, buf(hex), LIMITS);
    }

    static String encode(IkePayload p, IkePayloadType next) {
        ByteBuf out = Unpooled.buffer();
        IkePayloadCodec.encode(p, next, out);
        return hex(out);
    }

    static String encodeBody(IkePayload p) {
        ByteBuf out = Unpooled.buffer();
        p.encodeBody(out);
        return hex(out);
    }

    /** Decodes {@code hex} as {@code kind} and returns the re-encoded hex. */
    static String reencode(Kind kind, IkePayloadType type, String hex) throws IkeProtocolException {
        switch (kind) {
            case PAYLOAD: {
                IkePayloadCodec.Decoded d = payload(type, hex);
                return encode(d.payload(), d.next());
            }
            case BODY:
                return encodeBody(body(type, hex));
            case SA_BODY:
                return encodeBody(body(IkePayloadType.SA, hex));
            case TRANSFORM: {
                ByteBuf in = buf(hex);
                boolean last = in.getUnsignedByte(0) == 0;
                IkeTransform t = IkeTransform.decode(in, last, LIMITS);
                ByteBuf out = Unpooled.buffer();
                t.encode(out, last);
                return hex(out);
            }
            case ATTRIBUTE: {
                ByteBuf out = Unpooled.buffer();
                IkeTransformAttribute.decode(buf(hex)).encode(out);
                return hex(out);
            }
            case CHAIN: {
                List<IkePayload> payloads = new IkeMessageDecoder().decodePayloads(type, buf(hex), false);
                ByteBuf out = Unpooled.buffer();
                IkeMessageEncoder.encodePayloads(payloads, out);
                return hex(out);
            }
            case MESSAGE:
                return encode(message(hex));
            default:
                throw new IllegalArgumentException(kind + " is not decodable");
        }
    }
}
