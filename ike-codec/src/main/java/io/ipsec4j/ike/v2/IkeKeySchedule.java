package io.ipsec4j.ike.v2;

import io.ipsec4j.crypto.ChosenProposals;
import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.CryptoProviders;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.model.Bytes;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IkeProposal;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The keys of one IKE SA: SK_d, SK_ai, SK_ar, SK_ei, SK_er, SK_pi and SK_pr, derived from SKEYSEED.
 *
 * <p>RFC 7296 §2.14: {@code SKEYSEED = prf(Ni | Nr, g^ir)} — for PRFs with a fixed 128-bit key
 * (AES128-XCBC, AES128-CMAC) "only the first 64 bits of Ni and the first 64 bits of Nr are used in
 * calculating SKEYSEED, but all the bits are used for input to the prf+ function" — and
 * {@code {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)}.
 * SK_d, SK_pi and SK_pr have the PRF's preferred key length, SK_a the integrity key length (none for
 * AEAD), SK_e the encryption key plus salt (RFC 5282 §7.1, RFC 7634 §4). A rekeyed IKE SA takes
 * {@code SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr)} with the old SA's PRF (§2.18); Child SA
 * KEYMAT is {@code prf+(SK_d, Ni | Nr)} or, with a new key exchange, {@code prf+(SK_d, g^ir (new) | Ni
 * | Nr)} (§2.17), ready for {@code io.ipsec4j.esp.EspChildSaKeys.split}.
 *
 * <p>Keys are {@link SecretBytes}; {@link #toString()} names the algorithms only and {@link #close()}
 * zeroes the keys (best effort). The overloads taking an {@link IkeProposal} read the negotiated
 * PRF, encryption and integrity from it ({@link ChosenProposals}); {@link IkeChildSas} turns
 * {@link #childKeymat} into both ESP SAs of a CHILD SA.
 *
 * <p>Thread safety: the keys are immutable after construction and may be read from any thread;
 * {@link #childKeymat} and {@link #rekey} use the shared {@link Prf}, which is not thread-safe, so
 * calls that derive keys are made by one thread at a time (the thread owning the IKE SA).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.18">RFC 7296 §2.18</a>
 */
public final class IkeKeySchedule implements AutoCloseable {
    /** Bytes of each nonce that key SKEYSEED for fixed-key PRFs: "the first 64 bits" (RFC 7296 §2.14). */
    static final int FIXED_KEY_NONCE_PREFIX_BYTES = 8;

    private final Prf prf;
    private final Encryption encryption;
    private final IntegrityAlgorithm integrity;
    private final SecretBytes skD;
    private final SecretBytes skAi;
    private final SecretBytes skAr;
    private final SecretBytes skEi;
    private final SecretBytes skEr;
    private final SecretBytes skPi;
    private final SecretBytes skPr;

    private IkeKeySchedule(Prf prf, Encryption encryption, IntegrityAlgorithm integrity, SecretBytes keymat) {
        this.prf = prf;
        this.encryption = encryption;
        this.integrity = integrity;
        int p = prf.algorithm().preferredKeyLengthBytes();
        int a = integrityKeyLength(encryption, integrity);
        int e = encryption.keyMaterialLengthBytes();
        int at = 0;
        skD = keymat.slice(at, at += p);
        skAi = keymat.slice(at, at += a);
        skAr = keymat.slice(at, at += a);
        skEi = keymat.slice(at, at += e);
        skEr = keymat.slice(at, at += e);
        skPi = keymat.slice(at, at += p);
        skPr = keymat.slice(at, at + p);
    }

    /**
     * Returns SKEYSEED = prf(Ni | Nr, g^ir) of a new IKE SA (IKE_SA_INIT), with the first 8 bytes of
     * each nonce as the key for fixed-key PRFs (RFC 7296 §2.14).
     */
    public static SecretBytes skeyseed(Prf prf, Bytes ni, Bytes nr, SecretBytes sharedSecret)
            throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        byte[] key = prf.algorithm().hasFixedKeyLength()
                ? concat(prefix(ni, "ni"), prefix(nr, "nr"))
                : concat(ni.toByteArray(), nr.toByteArray());
        byte[] gir = sharedSecret.copyBytes();
        byte[] out = null;
        try {
            out = prf.compute(key, gir);
            return SecretBytes.of(out);
        } finally {
            wipe(gir, out);
        }
    }

    /**
     * Returns SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr) of an IKE SA rekeyed by CREATE_CHILD_SA,
     * where {@code oldPrf} is the PRF of the IKE SA being rekeyed (RFC 7296 §2.18).
     */
    public static SecretBytes rekeySkeyseed(Prf oldPrf, SecretBytes oldSkD, SecretBytes sharedSecret, Bytes ni,
            Bytes nr) throws CryptoException {
        Objects.requireNonNull(oldPrf, "oldPrf");
        byte[] key = oldSkD.copyBytes();
        byte[] gir = sharedSecret.copyBytes();
        byte[] out = null;
        try {
            out = oldPrf.compute(key, gir, ni.toByteArray(), nr.toByteArray());
            return SecretBytes.of(out);
        } finally {
            wipe(key, gir, out);
        }
    }

    /**
     * Expands {@code skeyseed} into the seven SK_* keys: prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)
     * (RFC 7296 §2.14); also for a rekeyed IKE SA, then with the new SA's PRF, nonces and SPIs (§2.18).
     *
     * @param integrity the integrity transform, {@link IntegrityAlgorithm#NONE} with AEAD encryption
     */
    public static IkeKeySchedule derive(Prf prf, Encryption encryption, IntegrityAlgorithm integrity,
            SecretBytes skeyseed, Bytes ni, Bytes nr, long spiI, long spiR) throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(integrity, "integrity");
        byte[] seed = concat(ni.toByteArray(), nr.toByteArray(), spi(spiI), spi(spiR));
        int length = 3 * prf.algorithm().preferredKeyLengthBytes()
                + 2 * integrityKeyLength(encryption, integrity) + 2 * encryption.keyMaterialLengthBytes();
        byte[] key = skeyseed.copyBytes();
        SecretBytes keymat = null;
        try {
            keymat = prf.prfPlus(key, seed, length);
            return new IkeKeySchedule(prf, encryption, integrity, keymat);
        } finally {
            wipe(key);
            if (keymat != null) {
                keymat.destroy();
            }
        }
    }

    /** Computes SKEYSEED from the IKE_SA_INIT exchange and derives the keys (RFC 7296 §2.14). */
    public static IkeKeySchedule create(Prf prf, Encryption encryption, IntegrityAlgorithm integrity, Bytes ni,
            Bytes nr, long spiI, long spiR, SecretBytes sharedSecret) throws CryptoException {
        SecretBytes skeyseed = skeyseed(prf, ni, nr, sharedSecret);
        try {
            return derive(prf, encryption, integrity, skeyseed, ni, nr, spiI, spiR);
        } finally {
            skeyseed.destroy();
        }
    }

    /**
     * Like {@link #create(Prf, Encryption, IntegrityAlgorithm, Bytes, Bytes, long, long, SecretBytes)}
     * with the PRF, encryption and integrity of the negotiated IKE proposal.
     *
     * @throws IllegalArgumentException if {@code chosen} has more than one transform of a type
     */
    public static IkeKeySchedule create(IkeProposal chosen, Bytes ni, Bytes nr, long spiI, long spiR,
            SecretBytes sharedSecret, CryptoProviders providers) throws CryptoException {
        return create(ChosenProposals.createPrf(chosen, providers), ChosenProposals.encryption(chosen),
                ChosenProposals.integrity(chosen), ni, nr, spiI, spiR, sharedSecret);
    }

    /**
     * Like {@link #rekey(Prf, Encryption, IntegrityAlgorithm, SecretBytes, Bytes, Bytes, long, long)}
     * with the algorithms of the new IKE SA's negotiated proposal.
     */
    public IkeKeySchedule rekey(IkeProposal newChosen, SecretBytes sharedSecret, Bytes ni, Bytes nr, long spiI,
            long spiR, CryptoProviders providers) throws CryptoException {
        return rekey(ChosenProposals.createPrf(newChosen, providers), ChosenProposals.encryption(newChosen),
                ChosenProposals.integrity(newChosen), sharedSecret, ni, nr, spiI, spiR);
    }

    /**
     * Returns the keys of the IKE SA that replaces this one: SKEYSEED from this SA's PRF and SK_d
     * and the new exchange's g^ir, nonces and SPIs, expanded with {@code newPrf} (RFC 7296 §2.18).
     */
    public IkeKeySchedule rekey(Prf newPrf, Encryption newEncryption, IntegrityAlgorithm newIntegrity,
            SecretBytes sharedSecret, Bytes ni, Bytes nr, long spiI, long spiR) throws CryptoException {
        SecretBytes skeyseed = rekeySkeyseed(prf, skD, sharedSecret, ni, nr);
        try {
            return derive(newPrf, newEncryption, newIntegrity, skeyseed, ni, nr, spiI, spiR);
        } finally {
            skeyseed.destroy();
        }
    }

    /**
     * Returns the first {@code length} bytes of Child SA KEYMAT: prf+(SK_d, Ni | Nr), or
     * prf+(SK_d, g^ir (new) | Ni | Nr) when the CREATE_CHILD_SA exchange carried KE payloads
     * (RFC 7296 §2.17). Hand it to {@code EspChildSaKeys.split}.
     *
     * @param sharedSecret the new key exchange's g^ir, or {@code null} without one
     */
    public SecretBytes childKeymat(Bytes ni, Bytes nr, SecretBytes sharedSecret, int length) throws CryptoException {
        byte[] gir = sharedSecret == null ? new byte[0] : sharedSecret.copyBytes();
        byte[] seed = concat(gir, ni.toByteArray(), nr.toByteArray());
        byte[] key = skD.copyBytes();
        try {
            return prf.prfPlus(key, seed, length);
        } finally {
            wipe(gir, seed, key);
        }
    }

    /** Returns the negotiated PRF. */
    public Prf prf() {
        return prf;
    }

    /** Returns the encryption transform the SK_e keys are for. */
    public Encryption encryption() {
        return encryption;
    }

    /** Returns the integrity transform the SK_a keys are for (NONE with AEAD). */
    public IntegrityAlgorithm integrity() {
        return integrity;
    }

    /** Returns SK_d, the key Child SA keys and a rekeyed IKE SA's SKEYSEED derive from. */
    public SecretBytes skD() {
        return skD;
    }

    /** Returns SK_ai, the integrity key of messages from the original initiator (empty for AEAD). */
    public SecretBytes skAi() {
        return skAi;
    }

    /** Returns SK_ar, the integrity key of messages from the original responder (empty for AEAD). */
    public SecretBytes skAr() {
        return skAr;
    }

    /** Returns SK_ei, the encryption key ‖ salt of messages from the original initiator. */
    public SecretBytes skEi() {
        return skEi;
    }

    /** Returns SK_er, the encryption key ‖ salt of messages from the original responder. */
    public SecretBytes skEr() {
        return skEr;
    }

    /** Returns SK_pi, the key of the initiator's AUTH payload computation (RFC 7296 §2.15). */
    public SecretBytes skPi() {
        return skPi;
    }

    /** Returns SK_pr, the key of the responder's AUTH payload computation (RFC 7296 §2.15). */
    public SecretBytes skPr() {
        return skPr;
    }

    /** Zeroes the seven keys. */
    @Override
    public void close() {
        for (SecretBytes k : List.of(skD, skAi, skAr, skEi, skEr, skPi, skPr)) {
            k.destroy();
        }
    }

    @Override
    public String toString() {
        return "IkeKeySchedule[" + prf.algorithm() + ", " + encryption + ", " + integrity + "]";
    }

    static int integrityKeyLength(Encryption encryption, IntegrityAlgorithm integrity) {
        return encryption.isAead() ? 0 : integrity.keyLengthBytes();
    }

    private static byte[] prefix(Bytes nonce, String name) {
        if (nonce.length() < FIXED_KEY_NONCE_PREFIX_BYTES) {
            throw new IllegalArgumentException(name + " length: " + nonce.length() + " (expected: >= "
                    + FIXED_KEY_NONCE_PREFIX_BYTES + ")");
        }
        return nonce.slice(0, FIXED_KEY_NONCE_PREFIX_BYTES).toByteArray();
    }

    private static byte[] spi(long spi) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (spi >>> (56 - 8 * i));
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static void wipe(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }
}
