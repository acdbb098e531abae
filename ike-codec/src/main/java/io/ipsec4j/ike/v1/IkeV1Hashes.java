package io.ipsec4j.ike.v1;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * The HASH payload values of IKEv1 exchanges, and their constant-time check.
 *
 * <ul>
 *   <li>HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b), HASH_R = prf(SKEYID,
 *       g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b): main and aggressive mode (RFC 2409 §5), where
 *       SAi_b is the initiator's SA body and ID*_b the ID bodies, without generic headers.
 *   <li>Quick mode HASH(1) = prf(SKEYID_a, M-ID | the payloads after HASH), HASH(2) = prf(SKEYID_a,
 *       M-ID | Ni_b | the payloads after HASH), HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b)
 *       (RFC 2409 §5.5); an informational exchange's HASH(1) has the HASH(1) form (§5.7).
 * </ul>
 *
 * <p>"The payloads after HASH" are the encoded chain that follows the HASH payload, generic headers
 * included, as {@link IkeV1MessageEncoder} writes it (byte for byte what the peer sent).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5.5">RFC 2409 §5.5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5.7">RFC 2409 §5.7</a>
 */
public final class IkeV1Hashes {
    private IkeV1Hashes() {}

    private static byte[] cookies(long first, long second) {
        return ByteBuffer.allocate(16).putLong(first).putLong(second).array();
    }

    private static byte[] messageId(long id) {
        return ByteBuffer.allocate(4).putInt((int) id).array();
    }

    /** Returns HASH_I. */
    public static Bytes hashI(Prf prf, SecretBytes skeyid, byte[] gxi, byte[] gxr, long ckyI, long ckyR,
            byte[] saiBody, byte[] idiiBody) throws CryptoException {
        return Bytes.of(prf.compute(skeyid.copyBytes(), gxi, gxr, cookies(ckyI, ckyR), saiBody, idiiBody));
    }

    /** Returns HASH_R. */
    public static Bytes hashR(Prf prf, SecretBytes skeyid, byte[] gxi, byte[] gxr, long ckyI, long ckyR,
            byte[] saiBody, byte[] idirBody) throws CryptoException {
        return Bytes.of(prf.compute(skeyid.copyBytes(), gxr, gxi, cookies(ckyR, ckyI), saiBody, idirBody));
    }

    /** Returns the body of a payload without its generic header: SAi_b, IDii_b, IDir_b. */
    public static byte[] body(IkeV1Payload payload) {
        Bytes all = IkeV1MessageEncoder.encodePayloadsToBytes(List.of(payload));
        return all.slice(IkeV1Wire.GENERIC_HEADER_LENGTH, all.length()).toByteArray();
    }

    /** Returns the encoded payloads after the first (the HASH payload) of a decrypted message. */
    public static byte[] afterHash(IkeV1Message message) {
        List<IkeV1Payload> p = message.payloads();
        if (p.isEmpty() || !(p.get(0) instanceof IkeV1HashPayload)) {
            throw new IllegalArgumentException("message does not start with a HASH payload");
        }
        return IkeV1MessageEncoder.encodePayloadsToBytes(p.subList(1, p.size())).toByteArray();
    }

    /** Returns quick mode HASH(1), or an informational exchange's HASH(1). */
    public static Bytes hash1(Prf prf, SecretBytes skeyidA, long messageId, byte[] afterHash) throws CryptoException {
        return Bytes.of(prf.compute(skeyidA.copyBytes(), messageId(messageId), afterHash));
    }

    /** Returns quick mode HASH(2). */
    public static Bytes hash2(Prf prf, SecretBytes skeyidA, long messageId, byte[] niB, byte[] afterHash)
            throws CryptoException {
        return Bytes.of(prf.compute(skeyidA.copyBytes(), messageId(messageId), niB, afterHash));
    }

    /** Returns quick mode HASH(3). */
    public static Bytes hash3(Prf prf, SecretBytes skeyidA, long messageId, byte[] niB, byte[] nrB)
            throws CryptoException {
        return Bytes.of(prf.compute(skeyidA.copyBytes(), new byte[] {0}, messageId(messageId), niB, nrB));
    }

    /**
     * Checks, in constant time, that the message's HASH payload carries {@code expected}.
     *
     * @throws IkeV1IntegrityCheckFailedException if it does not, or there is no leading HASH payload
     */
    public static void verify(IkeV1Message message, Bytes expected) throws IkeV1IntegrityCheckFailedException {
        Objects.requireNonNull(expected, "expected");
        List<IkeV1Payload> p = message.payloads();
        if (p.isEmpty() || !(p.get(0) instanceof IkeV1HashPayload h)
                || !MessageDigest.isEqual(h.hash().toByteArray(), expected.toByteArray())) {
            throw new IkeV1IntegrityCheckFailedException();
        }
    }
}
