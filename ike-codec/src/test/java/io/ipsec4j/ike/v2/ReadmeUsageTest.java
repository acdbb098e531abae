package io.ipsec4j.ike.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The usage snippet of the module README, run against the AOSP IKE_SA_INIT request. */
class ReadmeUsageTest {

    @Test
    void readmeSnippetRuns() throws Exception {
        ByteBuf datagram = VectorCodec.buf(AospPayloadVectorsTest.VECTORS.get("IkeMessageTest.IKE_SA_INIT_RAW_PACKET"));
        Bytes nonce = Bytes.of(new byte[32]);
        ByteBuf out = Unpooled.buffer();

        IkeMessage m = new IkeMessageDecoder().decode(datagram);         // IkeErrorNotifyException, IkeV1MessageException
        IkeSaPayload sa = m.payload(IkeSaPayload.class).orElseThrow();
        Optional<IkeProposal> p = IkeSaProposals.toIkeProposal(sa.proposals().get(0));
        m.notify(IkeNotifyType.NAT_DETECTION_SOURCE_IP).map(IkeNotifyPayload::data);
        IkeMessage reply = new IkeMessage(IkeHeader.of(m.header().initiatorSpi(), 0x1234L,
                IkeExchangeType.IKE_SA_INIT, false, true, 0),
                List.of(new IkeNoncePayload(nonce), IkeNotifyPayload.status(IkeNotifyType.IKEV2_FRAGMENTATION_SUPPORTED)));
        IkeMessageEncoder.encode(reply, out);                             // into the caller's ByteBuf

        assertThat(p).contains(IkeProposal.parse("aes128-sha1-modp1024"));
        assertThat(new IkeMessageDecoder().decode(out)).isEqualTo(reply);
    }
}
