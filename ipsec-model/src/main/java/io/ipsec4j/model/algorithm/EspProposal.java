package io.ipsec4j.model.algorithm;

import java.util.List;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * One IKEv2 SA proposal for an ESP Child SA (the IKEv1 quick mode proposal has the same content).
 *
 * <p>An ESP proposal needs at least one encryption algorithm. AEAD ciphers carry no integrity
 * transform ({@link IntegrityAlgorithm#NONE} alone is accepted and dropped); every other cipher,
 * including ENCR_NULL, needs at least one (RFC 4303 §3.2: ESP without integrity is not offered
 * here), and the two kinds are not mixed (RFC 5282 §8). {@link #pfsGroups()} are the key exchange
 * methods of a CREATE_CHILD_SA exchange: empty means no PFS, and NONE next to real groups makes PFS
 * optional (RFC 7296 §3.3.2). {@link #esn()} defaults to {@code [NO_ESN]}. Additional key exchanges
 * follow RFC 9370. Repeated entries are dropped, first occurrence kept.
 *
 * <p>{@link #toString()} and {@link #toStrongSwan()} give the strongSwan proposal string, for
 * example {@code aes256-sha256-modp2048-esn}; {@link #parse(String)} reads one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-3.3">RFC 7296 §3.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.2">RFC 4303 §3.2</a>
 */
@Value.Immutable
@ValueStyle
public abstract class EspProposal {

    private static final String WHAT = "ESP proposal";

    /** Returns the encryption transforms, in order of preference. */
    public abstract List<Encryption> encryption();

    /** Returns the integrity transforms (empty for an AEAD proposal). */
    public abstract List<IntegrityAlgorithm> integrity();

    /** Returns the PFS key exchange methods; empty for no PFS. */
    public abstract List<KeyExchangeMethod> pfsGroups();

    /** Returns the ESN transforms; {@code [NO_ESN]} when none was given. */
    public abstract List<EsnMode> esn();

    /** Returns the additional key exchanges by RFC 9370 index (1–7); empty when none. */
    @Value.NaturalOrder
    public abstract SortedMap<Integer, List<KeyExchangeMethod>> additionalKeyExchanges();

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a strongSwan ESP proposal such as {@code aes256-sha256-modp2048-esn}.
     *
     * @throws IllegalArgumentException on an unknown keyword ({@link UnknownAlgorithmNameException})
     *     or an invalid combination
     * @see StrongSwanProposals#parseEsp(String)
     */
    public static EspProposal parse(String strongSwanProposal) {
        return StrongSwanProposals.parseEsp(strongSwanProposal);
    }

    /** Returns {@code true} if the encryption transforms are AEAD (then there is no integrity transform). */
    public boolean isAead() {
        return encryption().get(0).isAead();
    }

    /** Returns {@code true} if a PFS group other than NONE is proposed. */
    public boolean hasPfs() {
        for (KeyExchangeMethod m : pfsGroups()) {
            if (!m.equals(KeyExchangeMethod.NONE)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the canonical strongSwan proposal string. */
    public String toStrongSwan() {
        return StrongSwanProposals.format(this);
    }

    @Override
    public String toString() {
        return toStrongSwan();
    }

    /** Validates the cross-field rules and normalises (repeats dropped, NONE integrity dropped, ESN default). */
    @Value.Check
    protected EspProposal check() {
        boolean aead = ProposalRules.checkEncryption(WHAT, encryption());
        List<IntegrityAlgorithm> integrity =
                ProposalRules.checkIntegrity(WHAT, aead, encryption(), integrity());
        SortedMap<Integer, List<KeyExchangeMethod>> additional =
                ProposalRules.checkAdditional(WHAT, additionalKeyExchanges());
        List<Encryption> encryption = ProposalRules.distinct(encryption());
        List<KeyExchangeMethod> pfs = ProposalRules.distinct(pfsGroups());
        List<EsnMode> esn = esn().isEmpty() ? List.of(EsnMode.NO_ESN) : ProposalRules.distinct(esn());
        if (encryption.equals(encryption()) && integrity.equals(integrity()) && pfs.equals(pfsGroups())
                && esn.equals(esn()) && additional.equals(additionalKeyExchanges())
                && ProposalRules.listsImmutable(additionalKeyExchanges())) {
            return this;
        }
        return builder().encryption(encryption).integrity(integrity).pfsGroups(pfs).esn(esn)
                .additionalKeyExchanges(additional).build();
    }

    /** The builder: {@code EspProposal.builder().addEncryption(...).addIntegrity(...)...build()}. */
    public static final class Builder extends ImmutableEspProposal.Builder {}
}
