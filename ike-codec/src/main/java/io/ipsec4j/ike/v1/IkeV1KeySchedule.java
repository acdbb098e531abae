package io.ipsec4j.ike.v1;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The IKEv1 phase 1 keys: SKEYID, SKEYID_d, SKEYID_a, SKEYID_e and the encryption key.
 *
 * <p>SKEYID is prf(pre-shared-key, Ni_b | Nr_b) for pre-shared keys and prf(Ni_b | Nr_b, g^xy)
 * for signatures (RFC 2409 §5). Then SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0),
 * SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1), SKEYID_e = prf(SKEYID, SKEYID_a |
 * g^xy | CKY-I | CKY-R | 2). The cipher key is the first bytes of SKEYID_e, or, when the cipher
 * needs more, of K1 | K2 | ... with K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1) (Appendix B).
 * Keys are {@link SecretBytes}: never printed.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-B">RFC 2409 Appendix B</a>
 */
public final class IkeV1KeySchedule {
    private final Prf prf;
    private final SecretBytes skeyid;
    private final SecretBytes skeyidD;
    private final SecretBytes skeyidA;
    private final SecretBytes skeyidE;
    private final SecretBytes encryptionKey;

    private IkeV1KeySchedule(Prf prf, byte[] skeyid, byte[] gxy, long ckyI, long ckyR, int keyLength)
            throws CryptoException {
        this.prf = prf;
        byte[] cookies = ByteBuffer.allocate(16).putLong(ckyI).putLong(ckyR).array();
        byte[] d = prf.compute(skeyid, gxy, cookies, new byte[] {0});
        byte[] a = prf.compute(skeyid, d, gxy, cookies, new byte[] {1});
        byte[] e = prf.compute(skeyid, a, gxy, cookies, new byte[] {2});
        this.skeyid = SecretBytes.of(skeyid);
        this.skeyidD = SecretBytes.of(d);
        this.skeyidA = SecretBytes.of(a);
        this.skeyidE = SecretBytes.of(e);
        this.encryptionKey = SecretBytes.of(expand(prf, e, keyLength));
        Arrays.fill(skeyid, (byte) 0);
        Arrays.fill(d, (byte) 0);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(e, (byte) 0);
    }

    /**
     * Derives the keys of a pre-shared key phase 1.
     *
     * @param keyLengthBytes the cipher key length (16 for AES-128, 24 for 3DES)
     */
    public static IkeV1KeySchedule preSharedKey(Prf prf, byte[] psk, byte[] niB, byte[] nrB, byte[] gxy,
            long ckyI, long ckyR, int keyLengthBytes) throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        byte[] skeyid = prf.compute(Objects.requireNonNull(psk, "psk"), niB, nrB);
        return new IkeV1KeySchedule(prf, skeyid, gxy, ckyI, ckyR, keyLengthBytes);
    }

    /** Derives the keys of a signature (DSS, RSA) phase 1: SKEYID = prf(Ni_b | Nr_b, g^xy). */
    public static IkeV1KeySchedule signature(Prf prf, byte[] niB, byte[] nrB, byte[] gxy,
            long ckyI, long ckyR, int keyLengthBytes) throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        byte[] key = new byte[niB.length + nrB.length];
        System.arraycopy(niB, 0, key, 0, niB.length);
        System.arraycopy(nrB, 0, key, niB.length, nrB.length);
        byte[] skeyid = prf.compute(key, gxy);
        return new IkeV1KeySchedule(prf, skeyid, gxy, ckyI, ckyR, keyLengthBytes);
    }

    /** Returns the first {@code length} bytes of SKEYID_e, expanded as Appendix B says when too short. */
    static byte[] expand(Prf prf, byte[] skeyidE, int length) throws CryptoException {
        if (length < 0 || length > 1024) {
            throw new IllegalArgumentException("key length: " + length + " (expected: 0-1024)");
        }
        if (length <= skeyidE.length) {
            return Arrays.copyOf(skeyidE, length);
        }
        byte[] out = new byte[length];
        byte[] k = prf.compute(skeyidE, new byte[] {0});
        int at = 0;
        while (true) {
            int n = Math.min(k.length, length - at);
            System.arraycopy(k, 0, out, at, n);
            at += n;
            if (at == length) {
                return out;
            }
            k = prf.compute(skeyidE, k);
        }
    }

    /** Returns the PRF of the negotiated hash. */
    public Prf prf() {
        return prf;
    }

    /** Returns SKEYID. */
    public SecretBytes skeyid() {
        return skeyid;
    }

    /** Returns SKEYID_d, the key of KEYMAT. */
    public SecretBytes skeyidD() {
        return skeyidD;
    }

    /** Returns SKEYID_a, the key of the phase 2 and informational HASHes. */
    public SecretBytes skeyidA() {
        return skeyidA;
    }

    /** Returns SKEYID_e. */
    public SecretBytes skeyidE() {
        return skeyidE;
    }

    /** Returns the cipher key of the ISAKMP SA. */
    public SecretBytes encryptionKey() {
        return encryptionKey;
    }

    /** Destroys every key. */
    public void destroy() {
        skeyid.destroy();
        skeyidD.destroy();
        skeyidA.destroy();
        skeyidE.destroy();
        encryptionKey.destroy();
    }

    @Override
    public String toString() {
        return "IkeV1KeySchedule{" + prf.algorithm() + ", keys redacted}";
    }
}
