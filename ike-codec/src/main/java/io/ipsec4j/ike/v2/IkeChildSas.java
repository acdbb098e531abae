package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.ChosenProposals;
import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.esp.EspChildSa;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.esp.EspSaBuilder;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.EspProposal;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Both ESP SAs of a negotiated CHILD SA in one call: KEYMAT from the IKE SA's SK_d
 * ({@link IkeKeySchedule#childKeymat}), split and installed by {@link EspChildSa#create}.
 *
 * <p>RFC 7296 §2.17: {@code KEYMAT = prf+(SK_d, Ni | Nr)}, or {@code prf+(SK_d, g^ir (new) | Ni |
 * Nr)} when the CREATE_CHILD_SA exchange carried KE payloads; Ni and Nr are the nonces of the
 * exchange that created the CHILD SA (IKE_SA_INIT's for the first one, from IKE_AUTH), "initiator"
 * being the initiator of that exchange. The SPIs are those of the two SA payloads: the initiator's
 * proposal carries the SPI the initiator receives on, the responder's the SPI the responder
 * receives on (§3.3.1). Stateless; see {@link IkeKeySchedule} for the thread rule of key derivation.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 */
public final class IkeChildSas {
    private IkeChildSas() {
    }

    /**
     * Derives KEYMAT and builds both SAs from the negotiated proposal and the two SPIs.
     *
     * @param ourRole whether we initiated the exchange that created the CHILD SA
     * @param chosen the negotiated ESP proposal (one transform per type)
     * @param initiatorSpi the SPI of the exchange initiator's SA payload
     * @param responderSpi the SPI of the responder's SA payload
     * @param ni the exchange initiator's nonce
     * @param nr the responder's nonce
     * @param sharedSecret the CREATE_CHILD_SA exchange's new g^ir, or {@code null} without one
     * @param options settings for both SAs besides what was negotiated (mode, replay window, providers …)
     * @throws IllegalArgumentException if {@code chosen} has more than one transform of a type
     * @throws CryptoException if the crypto layer rejects the algorithms or keys
     */
    public static EspChildSa create(IkeKeySchedule keys, EspChildSa.Role ourRole, EspProposal chosen,
            int initiatorSpi, int responderSpi, Bytes ni, Bytes nr, SecretBytes sharedSecret,
            Consumer<EspSaBuilder> options) throws CryptoException {
        Objects.requireNonNull(keys, "keys");
        int length = EspChildSaKeys.keymatLengthBytes(ChosenProposals.encryption(chosen),
                ChosenProposals.integrity(chosen));
        SecretBytes keymat = keys.childKeymat(ni, nr, sharedSecret, length);
        try {
            return EspChildSa.create(ourRole, chosen, initiatorSpi, responderSpi, keymat, options);
        } finally {
            keymat.destroy();
        }
    }

    /**
     * Like {@link #create(IkeKeySchedule, EspChildSa.Role, EspProposal, int, int, Bytes, Bytes,
     * SecretBytes, Consumer)} from the two SA payloads as exchanged: the responder's single proposal
     * is the chosen one, and the initiator's proposal with the same Proposal Num gives the
     * initiator's SPI.
     *
     * @throws IllegalArgumentException if the responder's SA payload does not hold exactly one ESP
     *         proposal of known transforms, or the initiator's has no proposal of that number
     */
    public static EspChildSa create(IkeKeySchedule keys, EspChildSa.Role ourRole, IkeSaPayload initiatorSa,
            IkeSaPayload responderSa, Bytes ni, Bytes nr, SecretBytes sharedSecret, Consumer<EspSaBuilder> options)
            throws CryptoException {
        Objects.requireNonNull(initiatorSa, "initiatorSa");
        Objects.requireNonNull(responderSa, "responderSa");
        if (responderSa.proposals().size() != 1) {
            throw new IllegalArgumentException("responder SA payload with " + responderSa.proposals().size()
                    + " proposals (expected: 1, the accepted one)");
        }
        IkeSaProposal accepted = responderSa.proposals().get(0);
        if (!accepted.protocol().equals(IkeProtocolId.ESP)) {
            throw new IllegalArgumentException("accepted proposal for " + accepted.protocol() + " (expected: ESP)");
        }
        EspProposal chosen = IkeSaProposals.toEspProposal(accepted).orElseThrow(() -> new IllegalArgumentException(
                "accepted ESP proposal " + accepted.number() + ": transforms this library cannot build an SA for"));
        IkeSaProposal offered = null;
        for (IkeSaProposal p : initiatorSa.proposals()) {
            if (p.number() == accepted.number() && p.protocol().equals(IkeProtocolId.ESP)) {
                offered = p;
                break;
            }
        }
        if (offered == null) {
            throw new IllegalArgumentException("initiator SA payload without ESP proposal " + accepted.number()
                    + " (expected: the proposal the responder accepted)");
        }
        return create(keys, ourRole, chosen, offered.childSpi(), accepted.childSpi(), ni, nr, sharedSecret, options);
    }
}
