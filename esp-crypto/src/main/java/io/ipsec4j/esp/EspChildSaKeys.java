package io.ipsec4j.esp;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.util.Objects;

/**
 * The four keys of a Child SA pair split from KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr) in the
 * order RFC 7296 §2.17 fixes: encryption initiator→responder, integrity i→r, encryption r→i,
 * integrity r→i. Encryption key material includes the salt, which follows the key (RFC 4106 §8.1,
 * RFC 4309 §7.1, RFC 7634 §2, RFC 3686 §5.1).
 *
 * <p>The initiator seals with {@link #initiatorToResponder()} and opens with
 * {@link #responderToInitiator()}; the responder does the opposite.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17</a>
 */
public final class EspChildSaKeys {
    private final EspSaKeys initiatorToResponder;
    private final EspSaKeys responderToInitiator;

    private EspChildSaKeys(EspSaKeys i2r, EspSaKeys r2i) {
        this.initiatorToResponder = i2r;
        this.responderToInitiator = r2i;
    }

    /** Returns the KEYMAT length the suite needs: 2 × (key ‖ salt + integrity key). */
    public static int keymatLengthBytes(Encryption encryption, IntegrityAlgorithm integrity) {
        return 2 * (encryption.keyMaterialLengthBytes() + integrityLength(encryption, integrity));
    }

    private static int integrityLength(Encryption encryption, IntegrityAlgorithm integrity) {
        return encryption.isAead() ? 0 : integrity.keyLengthBytes();
    }

    /**
     * Splits {@code keymat}; extra bytes at the end are ignored (prf+ may be asked for more).
     *
     * @throws IllegalArgumentException if {@code keymat} is shorter than {@link #keymatLengthBytes}
     */
    public static EspChildSaKeys split(SecretBytes keymat, Encryption encryption, IntegrityAlgorithm integrity) {
        Objects.requireNonNull(keymat, "keymat");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(integrity, "integrity");
        int need = keymatLengthBytes(encryption, integrity);
        if (keymat.length() < need) {
            throw new IllegalArgumentException("KEYMAT length for " + encryption + " + " + integrity + ": "
                    + keymat.length() + " (expected: >= " + need + ")");
        }
        int e = encryption.keyMaterialLengthBytes();
        int a = integrityLength(encryption, integrity);
        EspSaKeys i2r = EspSaKeys.of(keymat.slice(0, e), keymat.slice(e, e + a));
        EspSaKeys r2i = EspSaKeys.of(keymat.slice(e + a, 2 * e + a), keymat.slice(2 * e + a, 2 * (e + a)));
        return new EspChildSaKeys(i2r, r2i);
    }

    /** Returns the keys of the SA carrying traffic from the initiator to the responder. */
    public EspSaKeys initiatorToResponder() {
        return initiatorToResponder;
    }

    /** Returns the keys of the SA carrying traffic from the responder to the initiator. */
    public EspSaKeys responderToInitiator() {
        return responderToInitiator;
    }

    /** Zeroes all four keys. */
    public void destroy() {
        initiatorToResponder.destroy();
        responderToInitiator.destroy();
    }

    @Override
    public String toString() {
        return "EspChildSaKeys[" + initiatorToResponder + ", " + responderToInitiator + "]";
    }
}
