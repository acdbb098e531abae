package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.esp.EspChildSaKeys;
import io.ipsec4j.esp.EspDirection;
import io.ipsec4j.esp.EspSa;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.ike.v2.IkeKeySchedule;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EspProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.List;

/**
 * Builds the inbound and outbound {@link EspSa} of a negotiated CHILD SA from the IKE SA's SK_d.
 *
 * <p>RFC 7296 §2.17: {@code KEYMAT = prf+(SK_d, Ni | Nr)} (with {@code g^ir (new)} in front for a
 * CREATE_CHILD_SA with a key exchange); the initiator-to-responder keys come first. Our inbound SA
 * has the SPI we chose, the outbound the peer's.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 */
final class IkeChildSaFactory {
    private IkeChildSaFactory() {
    }

    /** Derives the keys and returns the installed-CHILD-SA event. */
    static IkeEvent.ChildSaInstalled install(IkeKeySchedule keys, boolean weAreInitiator, Bytes ni, Bytes nr,
            SecretBytes sharedSecret, EspProposal chosen, int ourSpi, int peerSpi, EspMode mode, int replayWindow,
            List<TrafficSelector> local, List<TrafficSelector> remote, CryptoProviders providers)
            throws CryptoException {
        Encryption encryption = chosen.encryption().get(0);
        IntegrityAlgorithm integrity = chosen.integrity().isEmpty() ? IntegrityAlgorithm.NONE : chosen.integrity().get(0);
        SecretBytes keymat = keys.childKeymat(ni, nr, sharedSecret,
                EspChildSaKeys.keymatLengthBytes(encryption, integrity));
        EspChildSaKeys split = EspChildSaKeys.split(keymat, encryption, integrity);
        keymat.destroy();
        try {
            EspSaKeys in = weAreInitiator ? split.responderToInitiator() : split.initiatorToResponder();
            EspSaKeys out = weAreInitiator ? split.initiatorToResponder() : split.responderToInitiator();
            boolean esn = IkeProposalSelector.esn(chosen);
            EspSa inbound = EspSa.builder().spi(ourSpi).direction(EspDirection.INBOUND).mode(mode).esn(esn)
                    .encryption(encryption).integrity(integrity).keys(in).replayWindow(replayWindow)
                    .providers(providers).build();
            EspSa outbound;
            try {
                outbound = EspSa.builder().spi(peerSpi).direction(EspDirection.OUTBOUND).mode(mode).esn(esn)
                        .encryption(encryption).integrity(integrity).keys(out).providers(providers).build();
            } catch (CryptoException | RuntimeException e) {
                inbound.close();
                throw e;
            }
            return new IkeEvent.ChildSaInstalled(inbound, outbound, chosen, local, remote);
        } finally {
            split.destroy();
        }
    }
}
