package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.Secret;
import io.ipsec4j.model.SecretBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Computes and verifies the Authentication Data of a pre-shared-key AUTH payload (Auth Method 2,
 * Shared Key Message Integrity Code).
 *
 * <p>RFC 7296 §2.15: {@code AUTH = prf( prf(Shared Secret, "Key Pad for IKEv2"), <SignedOctets>)}
 * with {@code SignedOctets = RealMessage | Nonce(peer) | prf(SK_p, RestOfIDPayload)}, where
 * RealMessage is the sender's first message (its IKE_SA_INIT request or response) as sent, the nonce
 * is the peer's Nonce Data, SK_p is SK_pi for the initiator and SK_pr for the responder, and
 * RestOfIDPayload is the sender's ID payload after its generic header: ID Type, three reserved bytes,
 * Identification Data. The pad string has no terminator. The shared secret is used as its UTF-8
 * bytes; PRFs with a fixed key size apply their own key rule to it (RFC 4434 §2, RFC 4615 §3).
 * Verification compares in constant time.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.15">RFC 7296 §2.15</a>
 */
public final class IkePskAuth {
    /** The 17 ASCII characters of the key pad, without a terminating NUL (RFC 7296 §2.15). */
    private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

    private IkePskAuth() {}

    /**
     * Returns the AUTH value of the side that sent {@code realMessage} and {@code id}.
     *
     * @param realMessage the sender's first message, as sent
     * @param peerNonce the Nonce Data of the other side
     * @param skP SK_pi when the sender is the initiator, SK_pr when it is the responder
     * @param id the sender's ID payload (IDi or IDr)
     */
    public static Bytes compute(Prf prf, Secret psk, Bytes realMessage, Bytes peerNonce, SecretBytes skP,
            IkeIdPayload id) throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        byte[] secret = psk.reveal().getBytes(StandardCharsets.UTF_8);
        byte[] skPBytes = skP.copyBytes();
        byte[] padded = null;
        byte[] idMac = null;
        try {
            idMac = prf.compute(skPBytes, restOfIdPayload(id));
            padded = prf.compute(secret, KEY_PAD);
            return Bytes.of(prf.compute(padded, realMessage.toByteArray(), peerNonce.toByteArray(), idMac));
        } finally {
            IkeKeySchedule.wipe(secret, skPBytes, padded, idMac);
        }
    }

    /** Returns the initiator's AUTH: its IKE_SA_INIT request, Nr, SK_pi and IDi. */
    public static Bytes initiator(IkeKeySchedule keys, Secret psk, Bytes initRequest, Bytes nr, IkeIdPayload idI)
            throws CryptoException {
        return compute(keys.prf(), psk, initRequest, nr, keys.skPi(), idI);
    }

    /** Returns the responder's AUTH: its IKE_SA_INIT response, Ni, SK_pr and IDr. */
    public static Bytes responder(IkeKeySchedule keys, Secret psk, Bytes initResponse, Bytes ni, IkeIdPayload idR)
            throws CryptoException {
        return compute(keys.prf(), psk, initResponse, ni, keys.skPr(), idR);
    }

    /**
     * Verifies a received AUTH payload against the value computed from the same inputs as
     * {@link #compute}, in constant time.
     *
     * @throws AuthenticationFailedException if the method is not SHARED_KEY_MIC or the value differs;
     *         marked integrity-protected, since AUTH travels in an SK payload
     */
    public static void verify(IkeAuthPayload auth, Prf prf, Secret psk, Bytes realMessage, Bytes peerNonce,
            SecretBytes skP, IkeIdPayload id) throws AuthenticationFailedException, CryptoException {
        Objects.requireNonNull(auth, "auth");
        if (!auth.method().equals(IkeAuthMethod.SHARED_KEY_MIC)) {
            throw failed("auth method: " + auth.method() + " (expected: " + IkeAuthMethod.SHARED_KEY_MIC + ")");
        }
        Bytes expected = compute(prf, psk, realMessage, peerNonce, skP, id);
        if (!MessageDigest.isEqual(expected.toByteArray(), auth.data().toByteArray())) {
            throw failed("shared key MIC does not verify");
        }
    }

    /** RestOfIDPayload: the ID payload body after the generic header (RFC 7296 §2.15). */
    static byte[] restOfIdPayload(IkeIdPayload id) {
        ByteBuf buf = Unpooled.buffer(id.bodyLength());
        try {
            id.encodeBody(buf);
            byte[] out = new byte[buf.readableBytes()];
            buf.readBytes(out);
            return out;
        } finally {
            buf.release();
        }
    }

    private static AuthenticationFailedException failed(String message) {
        return new AuthenticationFailedException(message, Bytes.EMPTY, true, null);
    }
}
