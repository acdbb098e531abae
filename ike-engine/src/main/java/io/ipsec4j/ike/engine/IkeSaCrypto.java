package io.ipsec4j.ike.engine;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.ike.v2.IkeExchangeType;
import io.ipsec4j.ike.v2.IkeHeader;
import io.ipsec4j.ike.v2.IkeKeySchedule;
import io.ipsec4j.ike.v2.IkeMessage;
import io.ipsec4j.ike.v2.IkeMessageEncoder;
import io.ipsec4j.ike.v2.IkePayload;
import io.ipsec4j.ike.v2.IkeSkCodec;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.List;

/**
 * The negotiated state of one IKE SA: SPIs, nonces, the two IKE_SA_INIT messages (signed by AUTH),
 * the keys and the SK codecs of both directions.
 *
 * <p>RFC 7296 §2.14 derives the keys from IKE_SA_INIT; every later message is sealed with the
 * sender's SK_e/SK_a (§3.14). Keys are zeroed on {@link #close()}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14</a>
 */
final class IkeSaCrypto implements AutoCloseable {
    long spiI;
    long spiR;
    Bytes ni;
    Bytes nr;
    Bytes initRequest;
    Bytes initResponse;
    IkeProposal proposal;
    IkeKeySchedule keys;
    IkeSkCodec ownCodec;
    IkeSkCodec peerCodec;

    boolean hasKeys() {
        return keys != null;
    }

    /** Derives the IKE SA keys from g^ir (RFC 7296 §2.14) and opens the codecs of both directions. */
    void install(IkeProposal chosen, SecretBytes sharedSecret, boolean weAreInitiator, CryptoProviders providers)
            throws CryptoException {
        try {
            Prf prf = Prf.create(chosen.prf().get(0), providers);
            IntegrityAlgorithm integrity = chosen.integrity().isEmpty()
                    ? IntegrityAlgorithm.NONE : chosen.integrity().get(0);
            keys = IkeKeySchedule.create(prf, chosen.encryption().get(0), integrity, ni, nr, spiI, spiR, sharedSecret);
            ownCodec = IkeSkCodec.of(keys, weAreInitiator, providers);
            peerCodec = IkeSkCodec.of(keys, !weAreInitiator, providers);
            proposal = chosen;
        } finally {
            sharedSecret.destroy();
        }
    }

    /**
     * Returns the state of the IKE SA that replaces {@code old} after a CREATE_CHILD_SA rekey: SKEYSEED =
     * prf(SK_d (old), g^ir (new) | Ni | Nr) and the keys expanded with the new SPIs (RFC 7296 §2.18).
     * {@code ni}, {@code spiI} belong to the side that sent the rekey request, which becomes the new SA's
     * original initiator.
     */
    static IkeSaCrypto rekeyed(IkeSaCrypto old, IkeProposal chosen, SecretBytes sharedSecret, Bytes ni, Bytes nr,
            long spiI, long spiR, boolean weAreInitiator, CryptoProviders providers) throws CryptoException {
        IkeSaCrypto n = new IkeSaCrypto();
        try {
            n.spiI = spiI;
            n.spiR = spiR;
            n.ni = ni;
            n.nr = nr;
            Prf prf = Prf.create(chosen.prf().get(0), providers);
            IntegrityAlgorithm integrity = chosen.integrity().isEmpty()
                    ? IntegrityAlgorithm.NONE : chosen.integrity().get(0);
            n.keys = old.keys.rekey(prf, chosen.encryption().get(0), integrity, sharedSecret, ni, nr, spiI, spiR);
            n.ownCodec = IkeSkCodec.of(n.keys, weAreInitiator, providers);
            n.peerCodec = IkeSkCodec.of(n.keys, !weAreInitiator, providers);
            n.proposal = chosen;
            return n;
        } finally {
            sharedSecret.destroy();
        }
    }

    /** Returns the datagram bytes of a message: plain for IKE_SA_INIT, else in an SK payload. */
    byte[] seal(IkeHeader header, List<IkePayload> payloads) throws CryptoException {
        if (header.exchangeType().equals(IkeExchangeType.IKE_SA_INIT)) {
            return encode(new IkeMessage(header, payloads));
        }
        return encode(ownCodec.encrypt(header, payloads));
    }

    static byte[] encode(IkeMessage message) {
        return IkeMessageEncoder.encodeToBytes(message).toByteArray();
    }

    @Override
    public void close() {
        if (ownCodec != null) {
            ownCodec.close();
        }
        if (peerCodec != null) {
            peerCodec.close();
        }
        if (keys != null) {
            keys.close();
        }
    }

    @Override
    public String toString() {
        return "IkeSaCrypto[spiI=" + Long.toHexString(spiI) + ", spiR=" + Long.toHexString(spiR) + "]";
    }
}
