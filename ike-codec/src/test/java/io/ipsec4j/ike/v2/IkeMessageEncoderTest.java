package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipsec4j.model.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class IkeMessageEncoderTest {
    private static final IkeHeader HEADER = IkeHeader.of(1, 2, IkeExchangeType.IKE_AUTH, false, true, 0x01020304L);

    @Test
    void chainsNextPayloadFieldsAndPutsTheInnerTypeIntoSk() {
        IkeMessage m = new IkeMessage(HEADER, List.of(new IkeVendorPayload(Bytes.fromHex("aa")),
                new IkeSkPayload(IkePayloadType.ID_RESPONDER, Bytes.fromHex("bbcc"))));
        assertThat(IkeMessageEncoder.encodeToBytes(m).toHex()).isEqualTo(""
                + "0000000000000001" + "0000000000000002"
                + "2b"        // Next Payload: VENDOR_ID (43)
                + "20"        // Version 2.0
                + "23"        // IKE_AUTH
                + "20"        // Flags: Response
                + "01020304"  // Message ID
                + "00000027"  // Length: 28 + 5 + 6
                + "2e000005aa"      // V, next: SK (46)
                + "24000006bbcc");  // SK, next: IDr (36), the first inner payload
    }

    @Test
    void writesIntoTheCallersBufferAtItsWriterIndex() {
        IkeMessage m = new IkeMessage(HEADER, List.of());
        ByteBuf out = Unpooled.buffer();
        out.writeByte(0x7f);
        IkeMessageEncoder.encode(m, out);
        assertThat(out.readableBytes()).isEqualTo(1 + IkeMessageEncoder.encodedLength(m));
        out.release();
    }

    @Test
    void payloadsThatWouldNotFitTheirLengthFieldCannotBeBuilt() {
        IkeTransform aes = new IkeTransform(io.ipsec4j.model.algorithm.TransformType.ENCR, 12,
                List.of(IkeTransformAttribute.keyLength(128)));
        IkeSaProposal proposal = new IkeSaProposal(1, IkeProtocolId.IKE, Bytes.EMPTY, java.util.Collections.nCopies(40, aes));
        IkeMessage m = new IkeMessage(HEADER, List.of(new IkeSaPayload(List.of(proposal))));
        assertThat(IkeMessageEncoder.encodedLength(m)).isEqualTo(28 + 4 + 8 + 40 * 12);
        assertThatThrownBy(() -> new IkeSaPayload(java.util.Collections.nCopies(200, proposal)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SA payload body length: 97600 (expected: 8-65531)");
        assertThatThrownBy(() -> new IkeVendorPayload(Bytes.of(new byte[65532])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vendor ID length: 65532 (expected: <= 65531)");
    }
}
