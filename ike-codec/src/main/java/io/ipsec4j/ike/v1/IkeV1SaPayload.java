package io.ipsec4j.ike.v1;

import io.ipsec4j.ike.IkeDecoderLimits;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An ISAKMP Security Association payload: DOI, situation and the proposals.
 *
 * <p>For the IPsec DOI (1) the situation is a 4-byte bit field, in practice SIT_IDENTITY_ONLY (1).
 * The SA body of the initiator's payload is an input of HASH_I / HASH_R (RFC 2409 §5), so it must
 * re-encode exactly; {@link IkeV1MessageEncoder} does.
 *
 * @param doi the Domain of Interpretation (1 = IPsec, RFC 2407)
 * @param situation the situation bits (RFC 2407 §4.2)
 * @param proposals the proposals, at least one
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.4">RFC 2408 §3.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.1">RFC 2407 §4.6.1</a>
 */
public record IkeV1SaPayload(long doi, long situation, List<IkeV1Proposal> proposals) implements IkeV1Payload {
    /** The IPsec DOI (RFC 2407 §4.2). */
    public static final long DOI_IPSEC = 1;
    /** SIT_IDENTITY_ONLY (RFC 2407 §4.2). */
    public static final long SIT_IDENTITY_ONLY = 1;

    /** Validates the ranges. */
    public IkeV1SaPayload {
        IkeV1Wire.checkUnsignedInt(doi, "doi");
        IkeV1Wire.checkUnsignedInt(situation, "situation");
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("proposals: 0 (expected: >= 1)");
        }
    }

    /** Returns an IPsec DOI, identity-only SA payload. */
    public static IkeV1SaPayload of(List<IkeV1Proposal> proposals) {
        return new IkeV1SaPayload(DOI_IPSEC, SIT_IDENTITY_ONLY, proposals);
    }

    @Override
    public IkeV1PayloadType type() {
        return IkeV1PayloadType.SA;
    }

    @Override
    public int bodyLength() {
        int n = 8;
        for (IkeV1Proposal p : proposals) {
            n += p.encodedLength();
        }
        return n;
    }

    @Override
    public void encodeBody(ByteBuf out) {
        out.writeInt((int) doi);
        out.writeInt((int) situation);
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).encode(i == proposals.size() - 1, out);
        }
    }

    static IkeV1SaPayload decode(ByteBuf body, IkeDecoderLimits limits) throws IkeV1PayloadMalformedException {
        IkeV1Wire.require(body, 8, "SA doi and situation");
        long doi = body.readUnsignedInt();
        long situation = body.readUnsignedInt();
        List<IkeV1Proposal> proposals = new ArrayList<>();
        boolean last = false;
        while (!last) {
            if (proposals.size() == limits.maxProposals()) {
                throw IkeV1Wire.malformed("SA proposals: more than %d", limits.maxProposals());
            }
            IkeV1Proposal.Decoded d = IkeV1Proposal.decode(body, limits);
            proposals.add(d.proposal());
            last = d.last();
        }
        return new IkeV1SaPayload(doi, situation, proposals);
    }
}
