package io.ipsec4j.ike.v1;

import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** Test helpers: decode and encode hex. */
final class IkeV1Codec {
    static final IkeV1MessageDecoder DECODER = new IkeV1MessageDecoder();

    private IkeV1Codec() {}

    static IkeV1Message decode(String hex) throws IkeV1PayloadMalformedException {
        return DECODER.decode(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }

    static IkeV1Message decode(byte[] bytes) throws IkeV1PayloadMalformedException {
        return DECODER.decode(Unpooled.wrappedBuffer(bytes));
    }

    static String encode(IkeV1Message m) {
        return IkeV1MessageEncoder.encodeToBytes(m).toHex();
    }
}
