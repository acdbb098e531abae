package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.esp.EspChildSa;
import io.ipsec4j.ike.v2.IkeChildSas;
import io.ipsec4j.ike.v2.IkeKeySchedule;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.EspMode;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.TrafficSelector;
import io.ipsec4j.model.algorithm.EspProposal;
import java.util.List;

/**
 * The installed-CHILD-SA event of a negotiated CHILD SA: both {@code EspSa}s from
 * {@link IkeChildSas} (KEYMAT from SK_d, directions, KEYMAT halves and ESN), plus the session's
 * mode, replay window and providers.
 */
final class IkeChildSaFactory {
    private IkeChildSaFactory() {
    }

    /** Derives the keys and returns the installed-CHILD-SA event; {@code ourSpi} is the SPI we receive on. */
    static IkeEvent.ChildSaInstalled install(IkeKeySchedule keys, boolean weAreInitiator, Bytes ni, Bytes nr,
            SecretBytes sharedSecret, EspProposal chosen, int ourSpi, int peerSpi, EspMode mode, int replayWindow,
            List<TrafficSelector> local, List<TrafficSelector> remote, CryptoProviders providers)
            throws CryptoException {
        EspChildSa sa = IkeChildSas.create(keys, weAreInitiator ? EspChildSa.Role.INITIATOR : EspChildSa.Role.RESPONDER,
                chosen, weAreInitiator ? ourSpi : peerSpi, weAreInitiator ? peerSpi : ourSpi, ni, nr, sharedSecret,
                b -> b.mode(mode).replayWindow(replayWindow).providers(providers));
        return new IkeEvent.ChildSaInstalled(sa.inbound(), sa.outbound(), chosen, local, remote);
    }
}
