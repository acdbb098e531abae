package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Reading and sizing a run of data attributes (transform SA attributes, mode config attributes). */
final class IkeV1AttributeList {
    private IkeV1AttributeList() {}

    /** Reads attributes until {@code body} is consumed, at most {@link IkeDecoderLimits#maxAttributes()}. */
    static List<IkeV1DataAttribute> decodeAll(ByteBuf body, IkeDecoderLimits limits, String where)
            throws IkeV1PayloadMalformedException {
        List<IkeV1DataAttribute> list = new ArrayList<>();
        while (body.isReadable()) {
            if (list.size() == limits.maxAttributes()) {
                throw IkeV1Wire.malformed("%s attributes: more than %d", where, limits.maxAttributes());
            }
            list.add(IkeV1DataAttribute.decode(body));
        }
        return list;
    }

    static int length(List<IkeV1DataAttribute> list) {
        int n = 0;
        for (IkeV1DataAttribute a : list) {
            n += a.encodedLength();
        }
        return n;
    }

    static void encodeAll(List<IkeV1DataAttribute> list, ByteBuf out) {
        for (IkeV1DataAttribute a : list) {
            a.encode(out);
        }
    }
}
