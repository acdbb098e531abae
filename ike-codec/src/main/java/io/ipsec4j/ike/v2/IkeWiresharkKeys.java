package io.ipsec4j.ike.v2;

import io.ipsec4j.model.SecretBytes;
import io.ipsec4j.model.algorithm.Encryption;
import io.ipsec4j.model.algorithm.EncryptionAlgorithm;
import io.ipsec4j.model.algorithm.IntegrityAlgorithm;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Rows of Wireshark's key tables, {@code ikev2_decryption_table} (IKEv2 SK payloads) and
 * {@code esp_sa} (ESP), so that a capture of an ipsec4j session can be decrypted.
 *
 * <p>The formats follow Wireshark's dissectors: {@code epan/dissectors/packet-isakmp.c} (UAT
 * {@code ikev2_decryption_table}: Initiator's SPI, Responder's SPI, SK_ei, SK_er, Encryption
 * algorithm, SK_ai, SK_ar, Integrity algorithm; SPIs and keys as bare hex, the algorithms as the
 * quoted names of {@code vs_ikev2_encr_algs} / {@code vs_ikev2_auth_algs}, e.g.
 * {@code "AES-CBC-128 [RFC3602]"}, {@code "HMAC_SHA1_96 [RFC2404]"}) and
 * {@code epan/dissectors/packet-ipsec.c} (UAT {@code esp_sa}: Protocol, Src IP, Dest IP, SPI,
 * Encryption, Encryption Key, Authentication, Authentication Key; every field quoted, SPI and keys
 * as {@code 0x}-prefixed hex, names from {@code esp_encryption_type_vals} /
 * {@code esp_authentication_type_vals}, e.g. {@code "AES-CBC [RFC3602]"},
 * {@code "HMAC-SHA-1-96 [RFC2404]"}). strongSwan's {@code save-keys} plugin writes the same rows. SK_e
 * of an AEAD transform is key ‖ salt (RFC 5282 §7.1, RFC 4106 §8.1), as both tables expect.
 *
 * <p><b>The rows contain secret keys by design</b>, hence the {@code WithKeys} method names; write
 * them only where the operator asked for them. Algorithms Wireshark cannot decrypt raise
 * {@link IllegalArgumentException}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.14">RFC 7296 §2.14 (SK_* keys)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7296#section-2.17">RFC 7296 §2.17 (Child SA KEYMAT)</a>
 * @see <a href="https://www.wireshark.org/docs/wsug_html_chunked/ChUserTable.html">Wireshark UAT tables</a>
 */
public final class IkeWiresharkKeys {
    private static final HexFormat HEX = HexFormat.of();

    private IkeWiresharkKeys() {
    }

    /**
     * Returns the {@code ikev2_decryption_table} row of the IKE SA with SPIs {@code spiI},
     * {@code spiR} and keys {@code keys}; <b>it contains SK_ei, SK_er, SK_ai and SK_ar</b>.
     */
    public static String ikev2DecryptionRowWithKeys(long spiI, long spiR, IkeKeySchedule keys) {
        Objects.requireNonNull(keys, "keys");
        String encr = ikeEncryptionName(keys.encryption());
        String integ = ikeIntegrityName(keys.encryption().isAead() ? IntegrityAlgorithm.NONE : keys.integrity());
        boolean aead = keys.encryption().isAead();
        return String.format("%016x,%016x,%s,%s,\"%s\",%s,%s,\"%s\"", spiI, spiR, hex(keys.skEi()), hex(keys.skEr()),
                encr, aead ? "" : hex(keys.skAi()), aead ? "" : hex(keys.skAr()), integ);
    }

    /**
     * Returns the {@code esp_sa} row of one direction of a Child SA, from {@code source} to
     * {@code destination} with SPI {@code spi}; <b>it contains the encryption and integrity keys</b>
     * ({@code integrityKey} is {@code null} with AEAD or no integrity).
     */
    public static String espSaRowWithKeys(InetAddress source, InetAddress destination, int spi, Encryption encryption,
            SecretBytes encryptionKey, IntegrityAlgorithm integrity, SecretBytes integrityKey) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        boolean v6 = source instanceof Inet6Address;
        if (v6 != destination instanceof Inet6Address) {
            throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                    + destination.getHostAddress() + " (expected: the same IP version)");
        }
        IntegrityAlgorithm integ = encryption.isAead() ? IntegrityAlgorithm.NONE : integrity;
        String authKey = integrityKey == null || integ.equals(IntegrityAlgorithm.NONE) ? "" : "0x" + hex(integrityKey);
        return String.format("\"%s\",\"%s\",\"%s\",\"0x%08x\",\"%s\",\"%s\",\"%s\",\"%s\"", v6 ? "IPv6" : "IPv4",
                source.getHostAddress(), destination.getHostAddress(), spi, espEncryptionName(encryption),
                encryptionKey.length() == 0 ? "" : "0x" + hex(encryptionKey), espIntegrityName(integ), authKey);
    }

    /** Returns the name {@code ikev2_decryption_table} uses for {@code encryption} (packet-isakmp.c). */
    public static String ikeEncryptionName(Encryption encryption) {
        EncryptionAlgorithm a = encryption.algorithm();
        int bits = encryption.keyBits();
        if (a.equals(EncryptionAlgorithm.TRIPLE_DES)) {
            return "3DES [RFC2451]";
        } else if (a.equals(EncryptionAlgorithm.AES_CBC)) {
            return "AES-CBC-" + bits + " [RFC3602]";
        } else if (a.equals(EncryptionAlgorithm.AES_CTR)) {
            return "AES-CTR-" + bits + " [RFC5930]";
        } else if (a.equals(EncryptionAlgorithm.NULL)) {
            return "NULL [RFC2410]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_8)) {
            return "AES-GCM-" + bits + " with 8 octet ICV [RFC5282]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_12)) {
            return "AES-GCM-" + bits + " with 12 octet ICV [RFC5282]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_16)) {
            return "AES-GCM-" + bits + " with 16 octet ICV [RFC5282]";
        }
        throw new IllegalArgumentException("encryption: " + encryption + " (expected: one Wireshark decrypts in IKEv2)");
    }

    /** Returns the name {@code ikev2_decryption_table} uses for {@code integrity} (packet-isakmp.c). */
    public static String ikeIntegrityName(IntegrityAlgorithm integrity) {
        if (integrity.equals(IntegrityAlgorithm.NONE)) {
            return "NONE [RFC4306]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_MD5_96)) {
            return "HMAC_MD5_96 [RFC2403]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA1_96)) {
            return "HMAC_SHA1_96 [RFC2404]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_256_128)) {
            return "HMAC_SHA2_256_128 [RFC4868]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_384_192)) {
            return "HMAC_SHA2_384_192 [RFC4868]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_512_256)) {
            return "HMAC_SHA2_512_256 [RFC4868]";
        }
        throw new IllegalArgumentException("integrity: " + integrity + " (expected: one Wireshark checks in IKEv2)");
    }

    /** Returns the name {@code esp_sa} uses for {@code encryption} (packet-ipsec.c). */
    public static String espEncryptionName(Encryption encryption) {
        EncryptionAlgorithm a = encryption.algorithm();
        if (a.equals(EncryptionAlgorithm.NULL)) {
            return "NULL";
        } else if (a.equals(EncryptionAlgorithm.TRIPLE_DES)) {
            return "TripleDES-CBC [RFC2451]";
        } else if (a.equals(EncryptionAlgorithm.AES_CBC)) {
            return "AES-CBC [RFC3602]";
        } else if (a.equals(EncryptionAlgorithm.AES_CTR)) {
            return "AES-CTR [RFC3686]";
        } else if (a.equals(EncryptionAlgorithm.DES)) {
            return "DES-CBC [RFC2405]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_8)) {
            return "AES-GCM with 8 octet ICV [RFC4106]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_12)) {
            return "AES-GCM with 12 octet ICV [RFC4106]";
        } else if (a.equals(EncryptionAlgorithm.AES_GCM_16)) {
            return "AES-GCM with 16 octet ICV [RFC4106]";
        }
        throw new IllegalArgumentException("encryption: " + encryption + " (expected: one Wireshark decrypts in ESP)");
    }

    /** Returns the name {@code esp_sa} uses for {@code integrity} (packet-ipsec.c). */
    public static String espIntegrityName(IntegrityAlgorithm integrity) {
        if (integrity.equals(IntegrityAlgorithm.NONE)) {
            return "NULL";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA1_96)) {
            return "HMAC-SHA-1-96 [RFC2404]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_MD5_96)) {
            return "HMAC-MD5-96 [RFC2403]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_256_128)) {
            return "HMAC-SHA-256-128 [RFC4868]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_384_192)) {
            return "HMAC-SHA-384-192 [RFC4868]";
        } else if (integrity.equals(IntegrityAlgorithm.HMAC_SHA2_512_256)) {
            return "HMAC-SHA-512-256 [RFC4868]";
        }
        throw new IllegalArgumentException("integrity: " + integrity + " (expected: one Wireshark checks in ESP)");
    }

    private static String hex(SecretBytes key) {
        byte[] k = key.copyBytes();
        try {
            return HEX.formatHex(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }
}
