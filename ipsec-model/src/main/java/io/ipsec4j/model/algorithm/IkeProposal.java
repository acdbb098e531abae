package io.ipsec4j.model.algorithm;

import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * One IKEv2 SA proposal (protocol IKE): the transforms offered for the IKE SA itself.
 *
 * <p>A proposal lists alternatives per transform type; the responder picks one of each (RFC 7296
 * §2.7, §3.3). An IKE proposal needs at least one encryption algorithm, one PRF and one key exchange
 * method; a non-AEAD proposal also needs an integrity algorithm, an AEAD one must have none
 * ({@link IntegrityAlgorithm#NONE} alone is accepted and dropped), and the two kinds of cipher are
 * not mixed (RFC 5282 §8). Encryption without confidentiality (NULL, GMAC) and key exchange NONE are
 * not allowed for IKE (RFC 7296 §3.3.2). Up to seven additional key exchanges may follow
 * (RFC 9370), each a list of alternatives in which NONE makes that exchange optional. Repeated
 * entries are dropped, first occurrence kept.
 *
 * <p>{@link #toString()} and {@link #toStrongSwan()} give the strongSwan proposal string, for
 * example {@code aes256gcm16-prfsha384-ecp384-modp2048}; {@link #parse(String)} reads one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9370#section-2.2">RFC 9370 §2.2</a>
 */
@Value.Immutable
@ValueStyle
public abstract class IkeProposal {

    private static final String WHAT = "IKE proposal";

    /** Returns the encryption transforms, in order of preference. */
    public abstract List<Encryption> encryption();

    /** Returns the integrity transforms (empty for an AEAD proposal). */
    public abstract List<IntegrityAlgorithm> integrity();

    /** Returns the PRF transforms. */
    public abstract List<PrfAlgorithm> prf();

    /** Returns the key exchange methods of the IKE_SA_INIT exchange. */
    public abstract List<KeyExchangeMethod> keyExchange();

    /** Returns the additional key exchanges by RFC 9370 index (1–7); empty when none. */
    @Value.NaturalOrder
    public abstract SortedMap<Integer, List<KeyExchangeMethod>> additionalKeyExchanges();

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a strongSwan IKE proposal such as {@code aes128-sha256-modp2048}.
     *
     * @throws IllegalArgumentException on an unknown keyword ({@link UnknownAlgorithmNameException})
     *     or an invalid combination
     * @see StrongSwanProposals#parseIke(String)
     */
    public static IkeProposal parse(String strongSwanProposal) {
        return StrongSwanProposals.parseIke(strongSwanProposal);
    }

    /** Returns {@code true} if the encryption transforms are AEAD (then there is no integrity transform). */
    public boolean isAead() {
        return encryption().get(0).isAead();
    }

    /** Returns the canonical strongSwan proposal string. */
    public String toStrongSwan() {
        return StrongSwanProposals.format(this);
    }

    @Override
    public String toString() {
        return toStrongSwan();
    }

    /** Validates the cross-field rules and normalises (repeats dropped, a sole NONE integrity dropped). */
    @Value.Check
    protected IkeProposal check() {
        boolean aead = ProposalRules.checkEncryption(WHAT, encryption());
        for (Encryption e : encryption()) {
            if (!e.algorithm().providesConfidentiality()) {
                throw new IllegalArgumentException(WHAT + ": encryption " + e
                        + " gives no confidentiality (expected: a cipher; ENCR_NULL and GMAC are"
                        + " not allowed in IKEv2, RFC 7296 §3.3.2)");
            }
        }
        List<IntegrityAlgorithm> integrity =
                ProposalRules.checkIntegrity(WHAT, aead, encryption(), integrity());
        if (prf().isEmpty()) {
            throw new IllegalArgumentException(WHAT + " " + encryption() + ": no PRF (expected: at least"
                    + " one, e.g. prfsha256; an AEAD proposal has no integrity algorithm to derive it from)");
        }
        if (keyExchange().isEmpty()) {
            throw new IllegalArgumentException(
                    WHAT + ": no key exchange method (expected: at least one, e.g. modp2048)");
        }
        if (keyExchange().contains(KeyExchangeMethod.NONE)) {
            throw new IllegalArgumentException(WHAT + ": key exchange NONE in "
                    + ProposalRules.keywords(keyExchange())
                    + " (expected: a real group, IKE_SA_INIT always exchanges keys, RFC 7296 §1.2)");
        }
        SortedMap<Integer, List<KeyExchangeMethod>> additional =
                ProposalRules.checkAdditional(WHAT, additionalKeyExchanges());
        List<Encryption> encryption = ProposalRules.distinct(encryption());
        List<PrfAlgorithm> prf = ProposalRules.distinct(prf());
        List<KeyExchangeMethod> ke = ProposalRules.distinct(keyExchange());
        if (encryption.equals(encryption()) && integrity.equals(integrity()) && prf.equals(prf())
                && ke.equals(keyExchange()) && additional.equals(additionalKeyExchanges())
                && ProposalRules.listsImmutable(additionalKeyExchanges())) {
            return this;
        }
        return builder().encryption(encryption).integrity(integrity).prf(prf).keyExchange(ke)
                .additionalKeyExchanges(additional).build();
    }

    /** The builder: {@code IkeProposal.builder().addEncryption(...).addPrf(...)...build()}. */
    public static final class Builder extends ImmutableIkeProposal.Builder {}
}
