package io.ipsec4j.ike.v1;

import io.ipsec4j.crypto.CryptoException;
import io.ipsec4j.crypto.Prf;
import io.ipsec4j.esp.EspSaKeys;
import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key material of an IKEv1 quick mode SA (RFC 2409 §5.5).
 *
 * <p>KEYMAT = K1 | K2 | ..., K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b) and
 * Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b), with the quick mode DH
 * secret only with PFS. Unlike IKEv2 each direction has its own KEYMAT: the SPI is the one the
 * receiving peer chose, so the initiator→responder SA uses the responder's SPI. Its first bytes are
 * the encryption key (with salt), then the integrity key, handed to esp-crypto as an
 * {@link EspSaKeys}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5.5">RFC 2409 §5.5</a>
 */
public final class IkeV1Keymat {
    private IkeV1Keymat() {}

    /**
     * Returns {@code length} bytes of KEYMAT.
     *
     * @param gxyQm the quick mode DH secret with PFS, or {@code null} without
     */
    public static SecretBytes compute(Prf prf, SecretBytes skeyidD, byte[] gxyQm, int protocol, int spi,
            byte[] niB, byte[] nrB, int length) throws CryptoException {
        Objects.requireNonNull(prf, "prf");
        if (length < 0 || length > 1024) {
            throw new IllegalArgumentException("KEYMAT length: " + length + " (expected: 0-1024)");
        }
        byte[] key = skeyidD.copyBytes();
        byte[] g = gxyQm == null ? new byte[0] : gxyQm;
        byte[] seed = ByteBuffer.allocate(5).put((byte) protocol).putInt(spi).array();
        byte[] out = new byte[length];
        byte[] k = new byte[0];
        int at = 0;
        try {
            while (at < length) {
                k = prf.compute(key, k, g, seed, niB, nrB);
                int n = Math.min(k.length, length - at);
                System.arraycopy(k, 0, out, at, n);
                at += n;
            }
            return SecretBytes.of(out);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(out, (byte) 0);
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Returns the KEYMAT length of one ESP SA: encryption key material and integrity key. */
    public static int espLength(Encryption encryption, IntegrityAlgorithm integrity) {
        return encryption.keyMaterialLengthBytes() + (encryption.isAead() ? 0 : integrity.keyLengthBytes());
    }

    /** Returns the keys of the ESP SA with inbound SPI {@code spi} (chosen by its receiver). */
    public static EspSaKeys espKeys(Prf prf, SecretBytes skeyidD, byte[] gxyQm, int spi, byte[] niB, byte[] nrB,
            Encryption encryption, IntegrityAlgorithm integrity) throws CryptoException {
        int e = encryption.keyMaterialLengthBytes();
        SecretBytes keymat = compute(prf, skeyidD, gxyQm, IkeV1IpsecAttributes.PROTO_IPSEC_ESP, spi, niB, nrB,
                espLength(encryption, integrity));
        try {
            return EspSaKeys.of(keymat.slice(0, e), keymat.slice(e, keymat.length()));
        } finally {
            keymat.destroy();
        }
    }
}
