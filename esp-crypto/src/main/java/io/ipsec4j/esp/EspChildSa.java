package io.ipsec4j.esp;

import io.ipsec4j.crypto.ChosenProposals;
import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Both ESP SAs of one negotiated CHILD SA, built in one call from the chosen proposal, the two
 * SPIs, KEYMAT and our role, so that directions, KEYMAT halves and ESN cannot be wired backwards.
 *
 * <p>RFC 7296 §2.17: KEYMAT holds the initiator-to-responder keys first, then the
 * responder-to-initiator keys ({@link EspChildSaKeys}). Each end puts into its SA payload the SPI
 * it wants to receive on (§3.3.1): the initiator-to-responder SA carries the responder's SPI, the
 * responder-to-initiator SA the initiator's. So the initiator seals with the first half under the
 * responder's SPI and opens with the second half under its own; the responder the opposite. ESN
 * comes from the chosen proposal's ESN transform.
 *
 * <p>Thread safety: as {@link EspSa}, both SAs may be used by any number of threads;
 * {@link #close()} closes both.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 */
public final class EspChildSa implements AutoCloseable {
    /** Our role in the exchange that created the CHILD SA (not necessarily in the IKE SA). */
    public enum Role {
        /** We sent the request (CREATE_CHILD_SA or IKE_AUTH) that created the CHILD SA. */
        INITIATOR,
        /** We answered it. */
        RESPONDER
    }

    private final Role role;
    private final EspProposal proposal;
    private final EspSa inbound;
    private final EspSa outbound;

    private EspChildSa(Role role, EspProposal proposal, EspSa inbound, EspSa outbound) {
        this.role = role;
        this.proposal = proposal;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /**
     * Builds the inbound and outbound SA.
     *
     * @param ourRole whether we initiated the exchange that negotiated the CHILD SA
     * @param chosen the negotiated proposal (one transform per type, see {@link ChosenProposals})
     * @param initiatorSpi the SPI in the initiator's SA payload (the SPI the initiator receives on)
     * @param responderSpi the SPI in the responder's SA payload (the SPI the responder receives on)
     * @param keymat KEYMAT, at least {@link EspChildSaKeys#keymatLengthBytes} bytes; not destroyed
     * @param options settings for both SAs other than SPI, direction, algorithms, ESN and keys
     *        (mode, replay window, lifetime, providers …), or {@code null} for the defaults
     * @throws IllegalArgumentException if {@code chosen} offers alternatives or KEYMAT is too short
     * @throws CryptoException if the crypto layer rejects the algorithms or keys
     */
    public static EspChildSa create(Role ourRole, EspProposal chosen, int initiatorSpi, int responderSpi,
            SecretBytes keymat, Consumer<EspSaBuilder> options) throws CryptoException {
        Objects.requireNonNull(ourRole, "ourRole");
        Objects.requireNonNull(keymat, "keymat");
        Encryption encryption = ChosenProposals.encryption(chosen);
        IntegrityAlgorithm integrity = ChosenProposals.integrity(chosen);
        boolean esn = ChosenProposals.esn(chosen);
        EspChildSaKeys split = EspChildSaKeys.split(keymat, encryption, integrity);
        try {
            boolean initiator = ourRole == Role.INITIATOR;
            // i→r traffic uses the responder's SPI and the first KEYMAT half; r→i the initiator's and the second.
            EspSaKeys inKeys = initiator ? split.responderToInitiator() : split.initiatorToResponder();
            EspSaKeys outKeys = initiator ? split.initiatorToResponder() : split.responderToInitiator();
            int inSpi = initiator ? initiatorSpi : responderSpi;
            int outSpi = initiator ? responderSpi : initiatorSpi;
            EspSa inbound = build(options, inSpi, EspDirection.INBOUND, encryption, integrity, esn, inKeys);
            try {
                EspSa outbound = build(options, outSpi, EspDirection.OUTBOUND, encryption, integrity, esn, outKeys);
                return new EspChildSa(ourRole, chosen, inbound, outbound);
            } catch (CryptoException | RuntimeException e) {
                inbound.close();
                throw e;
            }
        } finally {
            split.destroy();
        }
    }

    private static EspSa build(Consumer<EspSaBuilder> options, int spi, EspDirection direction,
            Encryption encryption, IntegrityAlgorithm integrity, boolean esn, EspSaKeys keys) throws CryptoException {
        EspSaBuilder b = EspSa.builder();
        if (options != null) {
            options.accept(b);
        }
        // Set last: what the negotiation fixed cannot be overridden by the options.
        return b.spi(spi).direction(direction).encryption(encryption).integrity(integrity).esn(esn).keys(keys)
                .build();
    }

    /** Returns our role in the exchange that created the CHILD SA. */
    public Role role() {
        return role;
    }

    /** Returns the negotiated proposal. */
    public EspProposal proposal() {
        return proposal;
    }

    /** Returns the SA we open received packets with (its SPI is the one we chose). */
    public EspSa inbound() {
        return inbound;
    }

    /** Returns the SA we seal packets with (its SPI is the one the peer chose). */
    public EspSa outbound() {
        return outbound;
    }

    /** Closes both SAs. */
    @Override
    public void close() {
        inbound.close();
        outbound.close();
    }

    @Override
    public String toString() {
        return "EspChildSa[" + role + ", in " + inbound + ", out " + outbound + "]";
    }
}
