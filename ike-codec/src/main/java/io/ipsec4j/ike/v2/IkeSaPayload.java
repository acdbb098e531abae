package io.ipsec4j.ike.v2;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The IKEv2 Security Association payload: proposals of an IKE SA or a Child SA.
 *
 * <p>The body is one or more proposals, each listing transforms. The initiator offers alternatives;
 * the responder answers with exactly one proposal holding one transform of each type (RFC 7296
 * §2.7). The codec keeps every proposal, transform and attribute, known or not.
 *
 * @param proposals the proposals, at least one
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 */
public record IkeSaPayload(List<IkeSaProposal> proposals) implements IkePayload {

    /** Validates that there is a proposal and the length. */
    public IkeSaPayload {
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("SA payload without proposals (expected: at least one)");
        }
        IkeWire.checkRange(bodyLength(proposals), "SA payload body length", 8, IkeWire.MAX_BODY_LENGTH);
    }

    private static int bodyLength(List<IkeSaProposal> proposals) {
        int length = 0;
        for (int i = 0; i < proposals.size(); i++) { // indexed: no iterator per call
            length += proposals.get(i).encodedLength();
        }
        return length;
    }

    static IkeSaPayload decode(ByteBuf body, IkeDecoderLimits limits) throws InvalidSyntaxException {
        List<IkeSaProposal> proposals = new ArrayList<>();
        while (body.isReadable()) {
            if (proposals.size() == limits.maxProposals()) {
                throw IkeWire.syntax("proposals: more than %d", limits.maxProposals());
            }
            proposals.add(IkeSaProposal.decode(body, limits));
        }
        return new IkeSaPayload(IkeWire.immutable(proposals));
    }

    @Override
    public IkePayloadType type() {
        return IkePayloadType.SA;
    }

    @Override
    public int bodyLength() {
        return bodyLength(proposals);
    }

    @Override
    public void encodeBody(ByteBuf out) {
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).encode(out, i == proposals.size() - 1);
        }
    }
}
